"""Safe text for pages: editors' Markdown sanitized, text made inert for the engine, Material's icons (no page layer here)."""
