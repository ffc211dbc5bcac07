"""Turning model objects into text: the one Jinja2 environment, safe Markdown, front matter."""
