"""Languages as plug-ins: one subpackage per language (its rules, cues and lexicons), the
registry that maps a language code to them, and language detection."""
