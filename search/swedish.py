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


def build_query(text):
    """A Wagtail search query: every word must match, in any of its forms."""
    words = WORD.findall(text)[:MAX_WORDS]
    if not words:
        return None
    parts = [Or([PlainText(form) for form in word_forms(word)]) for word in words]
    return parts[0] if len(parts) == 1 else And(parts)
