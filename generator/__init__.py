"""Kvalitetsstandard-kataloget: data (YAML) → validering → Markdown → MkDocs-websted.

The pipeline reads top to bottom, one module per step:

    kildefil    read YAML with line numbers
    schema      what a valid entry looks like (pydantic models)
    indlaes     load + validate every data file into a `Katalog`
    krydstjek   cross-references between entries (ids, standards, citations)
    visning     the view model: links, derived tables, facts per intervention
    skabeloner  Jinja templates → Markdown
    skriv       write Markdown into content/ (only files that changed)
"""
