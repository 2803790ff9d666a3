"""Short excerpts of search results with the query's words marked.

The excerpt is built only from what the search index holds (the model's
`SearchField`s), so it can never show a field the index leaves out, such as a
proposer's e-mail address; e-mail-like text inside indexed content is cut out
as well. All text is escaped before `<mark>` is added around matches.
"""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from municipality.language.indexed import field_texts
from municipality.language.terms import fold
from municipality.swedish import highlight_pattern

EXCERPT_LENGTH = 220
CONTEXT_BEFORE = 70
EMAIL = re.compile(r"\S+@\S+")
SPACE = re.compile(r"\s+")


def indexed_text(obj):
    """The searchable text of an object except its title, as the index sees it
    (rich text and StreamField come without markup)."""
    parts = field_texts(obj, leave_out=("title",), related=False)
    return SPACE.sub(" ", " ".join(parts)).strip()


def _window(text, match):
    """About EXCERPT_LENGTH characters around the match, cut at spaces."""
    if len(text) <= EXCERPT_LENGTH:
        return text, False, False
    anchor = match.start() if match else 0
    start = max(0, anchor - CONTEXT_BEFORE)
    if start:
        space = text.find(" ", start, anchor)
        start = space + 1 if space >= 0 else start
    end = min(len(text), start + EXCERPT_LENGTH)
    if end < len(text):
        space = text.rfind(" ", max(start, anchor), end)
        end = space if space > start else end
    return text[start:end], start > 0, end < len(text)


def _matches(pattern, text):
    """Matches of the pattern in the folded text, whose positions are the text's."""
    folded = fold(text)
    if pattern is None or len(folded) != len(text):
        return []
    return list(pattern.finditer(folded))


def excerpt(text, expanded):
    """Safe HTML: a piece of the text around the first word holding a searched key
    (`expanded`, from municipality.swedish.expand), each such word in <mark>; the
    beginning of the text when no word matches."""
    text = SPACE.sub(" ", EMAIL.sub("…", text or "")).strip()
    if not text:
        return ""
    pattern = highlight_pattern(expanded)
    matches = _matches(pattern, text)
    piece, cut_before, cut_after = _window(text, matches[0] if matches else None)
    html = []
    position = 0
    for match in _matches(pattern, piece):
        html.append(escape(piece[position : match.start()]))
        html.append(f"<mark>{escape(piece[match.start() : match.end()])}</mark>")
        position = match.end()
    html.append(escape(piece[position:]))
    return mark_safe(  # noqa: S308 - every piece of text above is escaped
        ("… " if cut_before else "") + "".join(html) + (" …" if cut_after else "")
    )
