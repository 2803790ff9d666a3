"""The keys in the search index, to find the word a resident meant when a typed
word matches nothing: "bibliotk" is searched as "bibliotek".

Keys are stored as they are indexed (a `SearchWord` per key, never removed: a key
whose pages are gone finds nothing) and read back into each process's memory, where
rapidfuzz compares a mistyped word with all of them. Stems keep the list small: the
generated 100,000 proposals have a few hundred.
"""

from django.db.models import Count, Max
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from municipality.models import SearchWord

# Words of this length or more may carry up to MAX_TYPOS typing errors.
MIN_TYPO_LENGTH = 5
MAX_TYPOS = 2
MAX_CORRECTIONS = 3
MAX_KEY_LENGTH = 100

# Keys this process has stored, so that indexing writes each key once.
_stored = set()
# The last key's id, the keys as a list and as a set, as last read.
_loaded = {}


def remember(keys):
    """Store the keys of text that is being indexed (those not stored yet)."""
    new = [k for k in keys if k not in _stored and len(k) <= MAX_KEY_LENGTH]
    if not new:
        return
    SearchWord.objects.bulk_create(
        [SearchWord(key=k) for k in new], ignore_conflicts=True
    )
    _stored.update(new)


def forget():
    """Drop what this process knows (tests roll the table back between tests)."""
    _stored.clear()
    _loaded.clear()


def known():
    """The keys as last read, without asking the database: keys are never removed,
    so a word found here is known; one not found may have been added since."""
    return _loaded.get("set", frozenset())


def vocabulary():
    """Every stored key, as a set. One query when nothing changed; keys added since
    the last read are read alone (all again if any went: tests roll them back)."""
    stored = SearchWord.objects.aggregate(count=Count("pk"), last=Max("pk"))
    if (
        "set" not in _loaded
        or stored["last"] != _loaded.get("last")
        or stored["count"] != len(_loaded["list"])
    ):
        since = _loaded.get("last") or 0
        if stored["last"] is None or stored["last"] < since:
            since, _loaded["list"] = 0, []
        added = SearchWord.objects.filter(pk__gt=since).values_list("key", flat=True)
        keys = [*_loaded.get("list", []), *added]
        if len(keys) != stored["count"]:
            keys = list(SearchWord.objects.values_list("key", flat=True))
        _loaded.update(last=stored["last"], list=keys, set=frozenset(keys))
    return _loaded["set"]


def nearest(*spellings):
    """The stored keys closest to any of the spellings of a word no text has (its
    key, its letters folded), at most MAX_TYPOS edits away. Only spellings and keys
    of MIN_TYPO_LENGTH letters or more: a short stem is near too many words. Among
    the keys as last read (expand() has just read them), else read now."""
    if "list" not in _loaded:
        vocabulary()
    found = []
    for spelling in {s for s in spellings if len(s) >= MIN_TYPO_LENGTH}:
        found.extend(
            (candidate, distance)
            for candidate, distance, _index in process.extract(
                spelling,
                _loaded["list"],
                scorer=Levenshtein.distance,
                score_cutoff=MAX_TYPOS,
                limit=None,
            )
            if len(candidate) >= MIN_TYPO_LENGTH
        )
    if not found:
        return []
    best = min(distance for _candidate, distance in found)
    closest = sorted({candidate for candidate, distance in found if distance == best})
    return closest[:MAX_CORRECTIONS]
