"""Excerpts of search results: the matching words marked, everything else escaped."""

from municipality.swedish import typed_keys
from search.excerpts import EXCERPT_LENGTH, excerpt


def marked(text, query):
    return excerpt(text, typed_keys(query))


def test_the_matching_word_is_marked_and_the_rest_escaped():
    html = marked('<b>Lekplats</b> & "gunga"', "lekplats")
    assert html == "&lt;b&gt;<mark>Lekplats</mark>&lt;/b&gt; &amp; &quot;gunga&quot;"


def test_other_word_forms_are_marked_too():
    assert marked("Nya skolor i centrum", "skolan") == (
        "Nya <mark>skolor</mark> i centrum"
    )
    assert "<mark>förskolor</mark>" in marked("Fler förskolor", "förskola")


def test_compounds_and_words_without_a_ring_or_dots_are_marked():
    assert marked("Ny hundrastgård", "gård") == "Ny <mark>hundrastgård</mark>"
    assert marked("Längs cykelvägen", "cykelvag") == "Längs <mark>cykelvägen</mark>"


def test_a_long_text_is_cut_around_the_first_match():
    text = "Inledning " * 40 + "här finns lekplatsen " + "slut " * 60
    html = marked(text, "lekplats")
    assert html.startswith("… ")
    assert html.endswith(" …")
    assert "<mark>lekplatsen</mark>" in html
    assert len(html) < EXCERPT_LENGTH + 40


def test_without_a_literal_match_the_beginning_is_shown():
    html = marked("Början av texten. " * 30, "gunga")
    assert html.startswith("Början av texten.")
    assert "<mark>" not in html


def test_email_addresses_are_cut_out():
    html = marked("Mejla anna.svensson@example.org om lekplatsen", "lekplats")
    assert "@" not in html
    assert "example" not in html


def test_regex_characters_in_the_query_are_harmless():
    assert marked("a+b (c) [d]", "a+b (c) [d] .* \\") == "a+b (c) [d]"
    assert marked("", "lekplats") == ""
