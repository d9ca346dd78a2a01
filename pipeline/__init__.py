"""factsheet-extract: read, parse, extract and write government fact sheets (Korean/English)."""
