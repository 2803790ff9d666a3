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
    parts = []
    for start in range(len(pieces)):
        for end in range(start + 1, len(pieces) + 1):
            part = "".join(pieces[start:end])
            if len(part) >= MIN_PART_LENGTH and part != word:
                parts.append(part)
    return tuple(dict.fromkeys(lemmas)), tuple(dict.fromkeys(parts))


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
