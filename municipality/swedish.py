"""Swedish search queries: what a resident typed, as Wagtail search queries over the
keys every searchable model indexes (municipality/language/).

Each typed word becomes its keys (stem and dictionary forms, å/ä/ö folded); a word
of five letters or more whose keys no indexed text has is replaced by the nearest
indexed keys, up to two typing errors away. Stop words ("och", "för") are left out
unless the query has nothing else. The same queries run on every backend, since
the keys are made in Python: on PostgreSQL the `swedish` configuration stems them
once more on both sides, which changes nothing.
"""

import re

from wagtail.search.query import And, Or, PlainText

from municipality.language import vocabulary
from municipality.language.terms import fold, is_stop_word, key, query_keys, words

MAX_WORDS = 12


def query_words(text, *, stop_words_alone=True):
    """The words of a query that are searched for: stop words only when there is
    nothing else (and stop_words_alone)."""
    typed = words(text)[:MAX_WORDS]
    significant = [word for word in typed if not is_stop_word(word)]
    return significant or (typed if stop_words_alone else [])


def typed_keys(text):
    """The keys of each query word as typed, without correcting typing errors."""
    return [query_keys(word) for word in query_words(text)]


def expand(text, *, stop_words_alone=True):
    """The keys searched for, one tuple per query word (module doc)."""
    searched = query_words(text, stop_words_alone=stop_words_alone)
    if not searched:
        return []
    # The keys this process knows answer most searches without a query; only a
    # word not among them makes it read the keys added since.
    known, read = vocabulary.known(), False
    expanded = []
    for word in searched:
        keys = query_keys(word)
        if len(word) >= vocabulary.MIN_TYPO_LENGTH and not known.intersection(keys):
            if not read:
                known, read = vocabulary.vocabulary(), True
            if not known.intersection(keys):
                keys = tuple(vocabulary.nearest(key(word), fold(word))) or keys
        expanded.append(keys)
    return expanded


def _word_query(keys):
    if len(keys) == 1:
        return PlainText(keys[0])
    return Or([PlainText(k) for k in keys])


def query_for(expanded, *, match_any=False):
    """A Wagtail search query matching every word (or, with match_any, any word)."""
    if not expanded:
        return None
    parts = [_word_query(keys) for keys in expanded]
    if len(parts) == 1:
        return parts[0]
    return Or(parts) if match_any else And(parts)


def build_query(text, *, match_any=False):
    """A Wagtail search query for typed text; None when it has no words."""
    return query_for(expand(text), match_any=match_any)


def highlight_pattern(expanded):
    """A regular expression over folded text (terms.fold) matching every word that
    contains one of the searched keys, or None."""
    keys = sorted({k for keys in expanded for k in keys if len(k) >= 3}, key=len)
    if not keys:
        return None
    alternatives = "|".join(re.escape(k) for k in reversed(keys))
    return re.compile(rf"\w*(?:{alternatives})\w*")
