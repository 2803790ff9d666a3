"""Find published proposals similar to a title being typed."""

import re
from functools import reduce
from operator import or_

from django.db.models import Q

from proposals.constants import Status

MAX_QUERY_LENGTH = 200
MIN_WORD_LENGTH = 4
MAX_WORDS = 8
# Only proposals one can still support or follow are worth suggesting.
SUGGESTED_STATUSES = [Status.OPEN, Status.REFERRED, Status.ANSWERED]


def significant_words(text):
    words = re.findall(r"\w+", (text or "")[:MAX_QUERY_LENGTH].lower())
    unique = dict.fromkeys(w for w in words if len(w) >= MIN_WORD_LENGTH)
    return list(unique)[:MAX_WORDS]


def similar_proposals(box, text, limit=5):
    """Proposals in the box sharing words with the text, most shared words first."""
    words = significant_words(text)
    if not words:
        return []
    matches = reduce(or_, (Q(title__icontains=w) | Q(text__icontains=w) for w in words))
    candidates = list(
        box.proposals.filter(status__in=SUGGESTED_STATUSES)
        .filter(matches)
        .only("pk", "title", "status", "signature_count", "threshold")[:50]
    )

    def score(proposal):
        title = proposal.title.lower()
        return sum(2 if w in title else 1 for w in words)

    candidates.sort(key=lambda p: (-score(p), -p.signature_count))
    return candidates[:limit]
