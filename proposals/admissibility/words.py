"""The word-list rules: topics outside the municipality's remit (the region's and
the state's) and offensive language, from the box's editable lists."""

import re
from dataclasses import dataclass
from functools import lru_cache

from proposals.admissibility.findings import (
    OFFENSIVE,
    REMIT_REGION,
    REMIT_STATE,
    Finding,
)

KIND_RULES = {"region": REMIT_REGION, "state": REMIT_STATE, "offensive": OFFENSIVE}
# Endings a plain word also matches: sjukhus, sjukhuset, sjukhusen, domstolarna …
INFLECTIONS = r"(?:en|et|n|t|er|erna|ar|arna|or|orna|na|ens|ets)?"


@dataclass(frozen=True)
class WordList:
    kind: str  # region, state or offensive
    name: str
    words: str


def entries(words):
    """The list's entries: one per line or between commas, blanks left out."""
    return [entry.strip() for entry in re.split(r"[\n,]", words) if entry.strip()]


def _part(word):
    core = re.escape(word.strip("*"))
    before = r"\w*" if word.startswith("*") else ""
    after = r"\w*" if word.endswith("*") else INFLECTIONS
    return before + core + after


@lru_cache(maxsize=512)
def pattern(entry):
    """A whole word or phrase, case-insensitive; * widens it (WORDS_HELP)."""
    body = r"\s+".join(_part(word) for word in entry.split())
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


def lists_of(box):
    return [
        WordList(item.kind, item.name, item.words)
        for item in box.admissibility_lists.all()
    ]


def findings(text, lists):
    found = []
    for word_list in lists:
        rule = KIND_RULES.get(word_list.kind)
        if rule is None:
            continue
        for entry in entries(word_list.words):
            for match in pattern(entry).finditer(text):
                found.append(Finding(rule, match.group(0), note=word_list.name))
    # One finding per rule and word, whatever its case or how often it is used.
    distinct = {}
    for finding in found:
        distinct.setdefault((finding.rule, finding.text.lower()), finding)
    return list(distinct.values())
