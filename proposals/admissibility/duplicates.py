"""Possible duplicates: proposals in the box handled within the last 12 months that
the site's similar-proposal matching (proposals/similarity.py) finds for a title,
held to a stricter score than a suggestion: more than half of the title's words.
A suggestion may share one word of two ("Boulebana i Stadsparken" and "Fler
papperskorgar i Stadsparken"); a duplicate must share more."""

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from municipality.language.terms import words
from municipality.swedish import expand
from proposals import similarity
from proposals.admissibility.findings import DUPLICATE, Finding

WITHIN = timedelta(days=365)
DUPLICATE_THRESHOLD = 0.6


def _keys(title):
    """The title's searched keys, as similar_proposals() makes them."""
    typed = words((title or "")[: similarity.MAX_QUERY_LENGTH])
    long_words = " ".join(w for w in typed if len(w) >= similarity.MIN_WORD_LENGTH)
    return expand(long_words, stop_words_alone=False)[: similarity.MAX_WORDS]


def findings(box, title, *, exclude_pk=None, now=None):
    similar = [
        p for p in similarity.similar_proposals(box, title) if p.pk != exclude_pk
    ]
    if not similar:
        return []
    expanded = _keys(title)
    close = [
        p
        for p in similar
        if similarity.similarity(expanded, p)[0] >= DUPLICATE_THRESHOLD
    ]
    cutoff = (now or timezone.now()) - WITHIN
    # Handled within 12 months: opened, referred, answered or closed since then.
    recent = set(
        box.proposals.filter(pk__in=[p.pk for p in close])
        .filter(
            Q(opened_at__gte=cutoff)
            | Q(referred_at__gte=cutoff)
            | Q(answered_at__gte=cutoff)
            | Q(closed_at__gte=cutoff)
        )
        .values_list("pk", flat=True)
    )
    return [
        Finding(
            DUPLICATE,
            proposal.title,
            note=proposal.get_status_display(),
            url=box.subpage_url("proposal_view", proposal.pk),
        )
        for proposal in close
        if proposal.pk in recent
    ]
