"""Find published proposals similar to a title being typed.

Uses the site's search backend and the same Swedish word forms as the site search
(municipality.swedish), so on PostgreSQL a title about "skolan" suggests a proposal
about "skolor". A proposal shares at least one significant word with the text; those
sharing more, or sharing them in the title, rank first."""

import re

from municipality.swedish import build_query
from proposals.constants import Status

MAX_QUERY_LENGTH = 200
MIN_WORD_LENGTH = 4
MAX_WORDS = 8
# Only proposals one can still support or follow are worth suggesting.
SUGGESTED_STATUSES = [Status.OPEN, Status.REFERRED, Status.ANSWERED]


def significant_words(text):
    """Words long enough to say something (skips "vid", "och", "en" …)."""
    words = re.findall(r"\w+", (text or "")[:MAX_QUERY_LENGTH].lower())
    unique = dict.fromkeys(w for w in words if len(w) >= MIN_WORD_LENGTH)
    return list(unique)[:MAX_WORDS]


def similar_proposals(box, text, limit=5):
    """Public proposals in the box matching any significant word, best match first."""
    query = build_query(" ".join(significant_words(text)), match_any=True)
    if query is None:
        return []
    candidates = box.proposals.filter(status__in=SUGGESTED_STATUSES).only(
        "pk", "title", "status", "signature_count", "threshold"
    )
    return list(candidates.search(query)[:limit])
