"""Swedish word forms for search queries.

PostgreSQL's Swedish stemmer strips plural endings ("skolor" -> "skol") but not the
definite endings of singular nouns ("skolan", "gatan", "huset"), so a resident typing
"skolan" would miss pages about "skolor". Each query word is searched in its typed
form OR its indefinite form; the backend stems both. On SQLite (no stemming) the
variants still widen the match.
"""

import re

from wagtail.search.query import And, Or, PlainText

MAX_WORDS = 12
WORD = re.compile(r"\w+", re.UNICODE)
VOWELS = set("aeiouyåäö")

# (definite ending, replacement): skolan -> skola, huset -> hus, parken -> park.
DEFINITE_ENDINGS = [("an", "a"), ("et", ""), ("en", ""), ("n", "")]


def word_forms(word):
    """The word and its likely indefinite forms, longest first, without duplicates."""
    word = word.lower()
    forms = [word]
    if len(word) >= 5:
        for ending, replacement in DEFINITE_ENDINGS:
            stem = word[: -len(ending)]
            if word.endswith(ending) and any(c in VOWELS for c in stem):
                forms.append(stem + replacement)
                break
    return list(dict.fromkeys(forms))


def query_words(text):
    """The words of a query, as many as are searched for."""
    return WORD.findall(text or "")[:MAX_WORDS]


def build_query(text, *, match_any=False):
    """A Wagtail search query: every word must match (or, with match_any, at least
    one word), each in any of its forms. None when the text has no words."""
    words = query_words(text)
    if not words:
        return None
    parts = [Or([PlainText(form) for form in word_forms(word)]) for word in words]
    if len(parts) == 1:
        return parts[0]
    return Or(parts) if match_any else And(parts)


def highlight_stems(text):
    """Beginnings of words to mark in an excerpt, for each query word form.

    Only for display: the backend stems properly on PostgreSQL ("skolan" finds
    "skolor"); here two letters are dropped from longer forms so the excerpt marks
    "skolor" for "skola" too."""
    stems = []
    for word in query_words(text):
        for form in word_forms(word):
            if len(form) >= 3:
                stems.append(form[: max(4, len(form) - 2)])
    return list(dict.fromkeys(stems))
