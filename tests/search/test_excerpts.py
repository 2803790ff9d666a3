"""Excerpts of search results: the matching words marked, everything else escaped."""

from municipality.swedish import highlight_stems
from search.excerpts import EXCERPT_LENGTH, excerpt


def test_the_matching_word_is_marked_and_the_rest_escaped():
    html = excerpt('<b>Lekplats</b> & "gunga"', "lekplats")
    assert html == "&lt;b&gt;<mark>Lekplats</mark>&lt;/b&gt; &amp; &quot;gunga&quot;"


def test_other_word_forms_are_marked_too():
    assert highlight_stems("skolan") == ["skol"]
    assert excerpt("Nya skolor i centrum", "skolan") == (
        "Nya <mark>skolor</mark> i centrum"
    )
    assert "<mark>förskolor</mark>" in excerpt("Fler förskolor", "förskola")


def test_a_long_text_is_cut_around_the_first_match():
    text = "Inledning " * 40 + "här finns lekplatsen " + "slut " * 60
    html = excerpt(text, "lekplats")
    assert html.startswith("… ")
    assert html.endswith(" …")
    assert "<mark>lekplatsen</mark>" in html
    assert len(html) < EXCERPT_LENGTH + 40


def test_without_a_literal_match_the_beginning_is_shown():
    html = excerpt("Början av texten. " * 30, "gunga")
    assert html.startswith("Början av texten.")
    assert "<mark>" not in html


def test_email_addresses_are_cut_out():
    html = excerpt("Mejla anna.svensson@example.org om lekplatsen", "lekplats")
    assert "@" not in html
    assert "example" not in html


def test_regex_characters_in_the_query_are_harmless():
    assert excerpt("a+b (c) [d]", "a+b (c) [d] .* \\") == "a+b (c) [d]"
    assert excerpt("", "lekplats") == ""
