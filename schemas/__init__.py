"""Output models of factsheet-extract and their exported JSON Schema."""
