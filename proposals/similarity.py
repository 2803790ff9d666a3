"""Find published proposals similar to a title being typed.

The site search's Swedish keys (municipality.swedish: word forms, compound parts,
å/ä/ö, typing errors) find candidates sharing any word with the text; each is then
scored by the share of the text's words it holds, a word in its title counting
fully and one only in its text by half. A proposal is suggested only when a word
is in its title and the score reaches SIMILARITY_THRESHOLD, so one shared common
word in a long text ("längs", "fler") suggests nothing. Precision is measured by
`manage.py search_quality` (search/quality/).
"""

from municipality.language.terms import text_keys, words
from municipality.swedish import expand, query_for
from proposals.constants import Status

MAX_QUERY_LENGTH = 200
MAX_WORDS = 8
MAX_CANDIDATES = 20
SIMILARITY_THRESHOLD = 0.5
# Shorter words ("ny", "bad", "väg") say too little about what a proposal is about.
MIN_WORD_LENGTH = 4
TEXT_ONLY_WEIGHT = 0.5
# Only proposals one can still support or follow are worth suggesting.
SUGGESTED_STATUSES = [Status.OPEN, Status.REFERRED, Status.ANSWERED]


def similarity(expanded, proposal):
    """(score, whether a word is in the title) of a proposal for searched keys."""
    title, text = set(text_keys(proposal.title)), set(text_keys(proposal.text))
    in_title = sum(1 for keys in expanded if title.intersection(keys))
    in_text = sum(
        1
        for keys in expanded
        if text.intersection(keys) and not title.intersection(keys)
    )
    return (in_title + TEXT_ONLY_WEIGHT * in_text) / len(expanded), in_title > 0


def similar_proposals(box, text, limit=5):
    """Public proposals in the box similar to the text, most similar first."""
    typed = words((text or "")[:MAX_QUERY_LENGTH])
    long_words = " ".join(word for word in typed if len(word) >= MIN_WORD_LENGTH)
    expanded = expand(long_words, stop_words_alone=False)
    expanded = expanded[:MAX_WORDS]
    if not expanded:
        return []
    candidates = box.proposals.filter(status__in=SUGGESTED_STATUSES).only(
        "pk", "title", "text", "status", "signature_count", "threshold", "box_id"
    )
    found = list(
        candidates.search(query_for(expanded, match_any=True))[:MAX_CANDIDATES]
    )
    scored = []
    for rank, proposal in enumerate(found):
        score, in_title = similarity(expanded, proposal)
        if in_title and score >= SIMILARITY_THRESHOLD:
            scored.append((-score, rank, proposal))
    return [proposal for _score, _rank, proposal in sorted(scored)[:limit]]
