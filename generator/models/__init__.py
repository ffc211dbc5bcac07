"""Typed models of every data file (pydantic v2), and the validated network graph."""
