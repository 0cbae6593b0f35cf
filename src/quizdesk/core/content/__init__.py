"""The bank format: parse, lint, sync into the DB; the external Markdown importer."""
