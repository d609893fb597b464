"""Reading the data: YAML with line numbers, the schema, one validated catalogue, the law registry."""
