"""Swedish query word forms (no database needed)."""

import pytest

from municipality.language.terms import index_keys, key, query_keys
from municipality.swedish import build_query, query_for, typed_keys


@pytest.mark.parametrize(
    ("word", "keys"),
    [
        ("skolan", ("skolan", "skol")),
        ("Huset", ("hus",)),
        ("parken", ("park",)),
        ("bibliotekets", ("bibliotek",)),
        ("cykelvägen", ("cykelvag",)),
        ("cykelvag", ("cykelvag",)),
        ("bro", ("bro",)),
    ],
)
def test_a_query_word_matches_its_stem_and_dictionary_forms_folded(word, keys):
    assert query_keys(word) == keys


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("hundrastgård", {"hund", "rast", "gård"}),
        ("papperskorgar", {"papper", "korg"}),
        ("stadsparken", {"stad", "park"}),
        ("cykelvägen", {"cykel", "väg"}),
        # Compounds the dictionary lists whole, split by its flags.
        ("utegymmet", {"ute", "gym"}),
        ("samverkansrådet", {"samverkan", "råd"}),
        ("medborgarråd", {"medborgar", "råd"}),
        ("kyrkogatan", {"kyrko", "gata"}),
    ],
)
def test_an_indexed_word_is_also_found_by_its_compound_parts(word, parts):
    assert {key(part) for part in parts} <= set(index_keys(word))


@pytest.mark.parametrize(
    ("word", "not_parts"),
    [
        # The last part may end compounds, so the dictionary would have split a
        # real one: "automat" is no "mat".
        ("automatiskt", {"mat"}),
        ("ändringar", {"ring"}),
        # "kul" does not begin noun compounds: "kultur" is no "tur".
        ("kultur", {"tur"}),
        # Verbs and their passive forms are not split.
        ("analysera", {"era"}),
        ("ändras", {"ras"}),
        # "sär-" and "mot-" are no nouns, so their s is no linking s.
        ("särskilt", {"kilt"}),
        ("motsvarigheten", {"varighet"}),
    ],
)
def test_a_listed_word_is_not_split_into_words_it_is_not_made_of(word, not_parts):
    assert not {key(part) for part in not_parts} & set(index_keys(word))


def test_a_query_word_is_not_split():
    assert query_keys("hundrastgård") == ("hundrastgard",)


def test_query_without_words_is_none():
    assert build_query("  !!! --- ") is None


def test_stop_words_are_searched_only_alone():
    assert typed_keys("lekplats för barn") == [("lekplat",), ("barn",)]
    assert typed_keys("för") == [("for",)]


def test_query_is_limited_in_words():
    query = query_for(typed_keys(" ".join(f"ord{i}" for i in range(50))))
    assert len(query.subqueries) == 12


@pytest.mark.django_db
def test_search_page_never_fails_on_any_text(client):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    @settings(
        max_examples=60,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    @given(st.text(max_size=300))
    def check(text):
        response = client.get("/sok/", {"q": text})
        assert response.status_code in (200, 400)
        if len(text.replace("\x00", "").strip()) > 200:
            assert response.status_code == 400

    check()
