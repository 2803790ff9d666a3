"""The words search matches on: every word becomes keys, the same way in the index
and in a query.

A key is a word's Snowball stem with å, ä and ö folded to a and o, so "bibliotekets"
and "bibliotek", or "cykelvägen" and "cykelvag" typed on a foreign keyboard, meet.
The index also gets the keys of each word's dictionary forms (Hunspell: the
stemmer leaves "biblioteket" for "bibliotekets") and of its compound parts, so
"hund" and "gård" both find "hundrastgård". A query word is not split: "hundgård"
should not find every "gård".
"""

import re
from functools import cache, lru_cache

import snowballstemmer
from stop_words import get_stop_words

from .hunspell import analyse

WORD = re.compile(r"\w+", re.UNICODE)
FOLD = str.maketrans("åäöéèüæø", "aaoeeuao")
MIN_KEY_LENGTH = 2


def fold(text):
    """Lower case, with å, ä, ö and other accents replaced by one plain letter each
    (so positions in the folded text are those in the original)."""
    return text.lower().translate(FOLD)


@cache
def _stemmer():
    return snowballstemmer.stemmer("swedish")


@cache
def stop_words():
    """Words too common to search on ("och", "för", "att"), as keys."""
    return frozenset(fold(word) for word in get_stop_words("swedish"))


@lru_cache(maxsize=100_000)
def key(word):
    return fold(_stemmer().stemWord(word.lower()))


def words(text):
    return WORD.findall(text or "")


@lru_cache(maxsize=100_000)
def is_stop_word(word):
    return fold(word) in stop_words()


@lru_cache(maxsize=100_000)
def query_keys(word):
    """Keys one typed word matches: its own and those of its dictionary forms."""
    word = word.lower()
    lemmas, _parts = analyse(word)
    return tuple(dict.fromkeys([key(word), *(key(lemma) for lemma in lemmas)]))


@lru_cache(maxsize=100_000)
def index_keys(word):
    """Keys one word of indexed text is found by: also those of its parts."""
    word = word.lower()
    lemmas, parts = analyse(word)
    forms = [word, *lemmas, *parts]
    for part in parts:
        forms.extend(analyse(part)[0])
    keys = (key(form) for form in forms)
    return tuple(
        dict.fromkeys(k for k in keys if len(k) >= MIN_KEY_LENGTH and not k.isdigit())
    )


def text_keys(text):
    """The distinct keys of a text, stop words left out, in order of appearance."""
    found = {}
    for word in words(text):
        if is_stop_word(word):
            continue
        for k in index_keys(word):
            found[k] = None
    return list(found)
