"""The Swedish Hunspell dictionary, read with spylls (a Hunspell implementation in
Python): dictionary forms of inflected words and the parts of compounds.

The dictionary comes from the `hunspell-sv` package on PyPI (installed under the
environment's share/hunspell/) or Debian's `hunspell-sv` (/usr/share/hunspell/).
Without either, words are only stemmed (see terms.py) and a warning is logged once.
"""

import logging
import sysconfig
from functools import cache, lru_cache
from pathlib import Path

from django.conf import settings

logger = logging.getLogger("delaktig")

NAME = "sv_SE"
# A compound's parts shorter than this are not index words ("bi", "ut").
MIN_PART_LENGTH = 3
MAX_WORD_LENGTH = 40
# sv_SE.aff's suffix classes: C, D, E and F give definite forms (nouns have them),
# m the present tense in -r (verbs: "analysera" is not "analys" + "era").
NOUN_FLAGS = frozenset("CDEF")
VERB_FLAG = "m"


def _candidates():
    configured = getattr(settings, "HUNSPELL_SV_PATH", "")
    if configured:
        yield Path(configured)
    yield Path(sysconfig.get_path("data")) / "share" / "hunspell" / NAME
    yield Path("/usr/share/hunspell") / NAME


@cache
def dictionary():
    """The loaded dictionary (a few seconds, once per process), or None."""
    try:
        from spylls.hunspell import Dictionary
    except ImportError:
        logger.warning("spylls is not installed: search without compound parts")
        return None
    for base in _candidates():
        if base.with_suffix(".dic").is_file() and base.with_suffix(".aff").is_file():
            return Dictionary.from_files(str(base))
    logger.warning("No Swedish Hunspell dictionary: search without compound parts")
    return None


@lru_cache(maxsize=100_000)
def analyse(word):
    """(dictionary forms, compound parts) of a lower-case word. Parts are split
    again until they are whole dictionary words, and every run of neighbouring
    parts is a part too: konstgräsplan → konst, gräs, plan, konstgräs, gräsplan."""
    found = dictionary()
    if found is None or not word.isalpha() or len(word) > MAX_WORD_LENGTH:
        return (), ()
    lemmas = []
    pieces = [word]
    for form in found.lookuper.good_forms(word, capitalization=False):
        if hasattr(form, "parts"):
            pieces = _leaves(form)
            break
        lemmas.append(form.stem)
    if len(pieces) == 1:
        # A compound the dictionary lists whole, as written or in its dictionary form.
        for listed in dict.fromkeys((word, *lemmas)):
            split = _listed_split(found, listed)
            if split:
                pieces = split
                break
    parts = []
    for start in range(len(pieces)):
        for end in range(start + 1, len(pieces) + 1):
            part = "".join(pieces[start:end])
            if len(part) >= MIN_PART_LENGTH and part != word:
                parts.append(part)
    return tuple(dict.fromkeys(lemmas)), tuple(dict.fromkeys(parts))


def _listed_split(found, word):
    """A word the dictionary lists whole although it is a compound ("utegym": its
    last part "gym" is not marked as one that may end compounds), split into a part
    that may begin compounds ("ute-") and a noun that may not end them, with or
    without a linking s; the longest first part wins. [] if none."""
    # Verbs are not split, nor their passive forms ("ändras" is not "änd" + "ras").
    verb = _is_verb(found, word) or (word.endswith("s") and _is_verb(found, word[:-1]))
    if verb or not found.dic.homonyms(word):
        return []
    for end in range(len(word) - MIN_PART_LENGTH, MIN_PART_LENGTH - 1, -1):
        first, last = word[:end], word[end:]
        if not _ends_listed(found, last):
            continue
        # A linking s follows a noun: "samverkans", "lands".
        if _begins_compounds(found, first) or (
            first.endswith("s")
            and _is_noun(found, first[:-1])
            and _begins_compounds(found, first[:-1])
        ):
            return [first, last]
    return []


def _begins_compounds(found, stem):
    """Listed as a first part ("ute-"), or marked to begin compounds and a noun or
    a form only found in them ("medborgar"): not "kul", which would make "kultur"
    a "tur"."""
    if len(stem) < MIN_PART_LENGTH:
        return False
    if found.dic.homonyms(stem + "-"):
        return True
    flags = _flags(found, stem)
    if found.aff.COMPOUNDBEGIN not in flags:
        return False
    return _is_noun_flags(flags) or found.aff.ONLYINCOMPOUND in flags


def _ends_listed(found, stem):
    """A noun whose compounds the dictionary must list (were it marked as a last
    part, the dictionary would have split the compound itself: "automat")."""
    flags = _flags(found, stem)
    return _is_noun_flags(flags) and found.aff.COMPOUNDEND not in flags


def _flags(found, stem):
    """The flags of every dictionary entry spelt `stem` (None, a missing flag
    setting, is never among them)."""
    return set().union(*(word.flags for word in found.dic.homonyms(stem)))


def _is_verb(found, stem):
    return VERB_FLAG in _flags(found, stem)


def _is_noun(found, stem):
    return _is_noun_flags(_flags(found, stem))


def _is_noun_flags(flags):
    return bool(flags & NOUN_FLAGS) and VERB_FLAG not in flags


def _leaves(compound):
    """The written pieces of a compound, each split again where it is one."""
    pieces = []
    for part in compound.parts:
        inner = analyse(part.text)[1] if len(part.text) > MIN_PART_LENGTH else ()
        pieces.extend(_pieces_of(part.text, inner))
    return pieces


def _pieces_of(text, parts):
    """The shortest parts that spell out the text, in order, or the text itself."""
    for first in sorted(parts, key=len):
        rest = text[len(first) :]
        if text.startswith(first) and rest in parts:
            return [first, *_pieces_of(rest, parts)]
    return [text]
