"""Language-specific extraction rules: one subpackage per language, one module per dimension."""
