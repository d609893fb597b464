"""The site: page registry, links, view model, Jinja templates, Markdown writer, PDF, open data, MkDocs hook."""
