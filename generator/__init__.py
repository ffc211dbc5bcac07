"""bibnum: static portals and open data for cooperative networks of public libraries."""

__version__ = "0.1.0"
