"""Plain text from the site's rich text, for the API and the CSV files."""

import re
from html import unescape

from django.utils.html import strip_tags

_BLOCK_END = re.compile(r"</(p|h\d|li|blockquote|ul|ol)>|<br\s*/?>", re.IGNORECASE)
_BLANK_LINES = re.compile(r"\n\s*\n+")


def plain_text(richtext):
    """Rich text without markup: one line per paragraph or list item."""
    if not richtext:
        return ""
    text = unescape(strip_tags(_BLOCK_END.sub("\n", str(richtext))))
    lines = [line.strip() for line in text.splitlines()]
    return _BLANK_LINES.sub("\n", "\n".join(line for line in lines if line)).strip()
