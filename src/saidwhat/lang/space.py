"""White space as Python reads it (``str.isspace``, ``str.strip``), written as the body of a
regular-expression character class that Python and JSON Schema's dialect (ECMA 262) read
alike. Their ``\\s`` differ (ECMA's lacks U+001C-U+001F and U+0085 and has U+FEFF), so a
schema pattern with ``\\s`` would publish a rule the server does not apply."""

SPACE_CLASS = r"\t\n\x0b\x0c\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
BLANK = f"^[{SPACE_CLASS}]*$"
"""A pattern for a value that is empty or white space only."""
