"""Reading editors' sources: safe YAML with positions, Markdown with front matter."""
