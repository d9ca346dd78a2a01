"""Plug-in tests: a toy language and a toy input format added without editing the pipeline."""
