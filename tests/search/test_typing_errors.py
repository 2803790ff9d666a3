"""Mistyped words are matched to the nearest indexed word; without the Hunspell
dictionary, search falls back to stems alone."""

import pytest

from municipality.language import hunspell, terms
from municipality.models import SearchWord
from municipality.swedish import expand, typed_keys
from proposals.constants import Status

pytestmark = pytest.mark.django_db


def test_a_mistyped_word_becomes_the_nearest_indexed_word(proposal_factory):
    proposal_factory(title="Belysning i parken", text="Mörkt.")
    assert expand("belysnig") == [("belysning",)]
    assert expand("bellysnig") == [("belysning",)]
    # Three errors, or a word shorter than five letters, are not corrected.
    assert expand("bleysnnig") == [terms.query_keys("bleysnnig")]
    assert expand("parx") == [("parx",)]


def test_known_words_are_searched_without_reading_the_keys_again(
    proposal_factory, django_assert_num_queries
):
    proposal_factory(title="Belysning i parken", text="Mörkt.")
    assert expand("belysnig") == [("belysning",)]
    with django_assert_num_queries(0):
        assert expand("belysning parken") == typed_keys("belysning parken")


def test_a_word_indexed_since_the_keys_were_read_is_found_and_corrected(
    proposal_factory,
):
    proposal_factory(title="Belysning i parken", text="Mörkt.")
    assert expand("belysnig") == [("belysning",)]
    # Indexed by another process after this one read the keys.
    SearchWord.objects.create(key="hundrastgard")
    assert expand("hundrastgrd") == [("hundrastgard",)]
    SearchWord.objects.create(key="utegym")
    assert expand("utegym") == [("utegym",)]


def test_an_empty_index_corrects_nothing_and_does_not_fail():
    # A fresh database whose index is still being built (the task worker).
    SearchWord.objects.all().delete()
    assert expand("belysnig") == [terms.query_keys("belysnig")]


def test_without_the_dictionary_words_are_only_stemmed(monkeypatch, tmp_path):
    monkeypatch.setattr(hunspell, "_candidates", lambda: [tmp_path / "sv_SE"])
    for cached in (hunspell.dictionary, hunspell.analyse, terms.index_keys):
        cached.cache_clear()
    try:
        assert hunspell.analyse("hundrastgård") == ((), ())
        assert terms.index_keys("cykelvägen") == ("cykelvag",)
    finally:
        monkeypatch.undo()
        for cached in (hunspell.dictionary, hunspell.analyse, terms.index_keys):
            cached.cache_clear()


def test_words_of_unpublished_proposals_are_not_kept(proposal_factory):
    proposal_factory(Status.IN_MODERATION, title="Zebrastrimmor", text="Randigt.")
    proposal_factory(Status.REJECTED, title="Giraffhage", text="Långhalsat.")
    assert not SearchWord.objects.filter(key__startswith="zebra").exists()
    assert not SearchWord.objects.filter(key__startswith="giraff").exists()
    # So a mistyped search never leads to them either.
    assert expand("zebrastrimor") == [terms.query_keys("zebrastrimor")]
