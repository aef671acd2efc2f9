"""Importers: files -> ImportedDocument (clean text, metadata, facts with spans)."""
