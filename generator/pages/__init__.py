"""Per-site generation: from the NetworkGraph to a plain docs tree the engine renders."""
