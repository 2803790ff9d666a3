"""The scale-out path: with DELAKTIG_OPENSEARCH_URL the search runs on OpenSearch
(site/settings/search.py), and `manage.py search_quality` runs against it
unchanged. No OpenSearch server can run here: the client's requests are recorded
and answered with no hits, which proves that the configured backend is the one
asked and that every query of the test set and of the suggestions is one it takes
(indexed filter fields and ordering, the Swedish keys), not what it would find."""

import io

import pytest
from django.core.management import call_command
from django.test import override_settings
from opensearchpy import OpenSearch
from wagtail.search.backends import get_search_backend
from wagtail.search.index import get_indexed_models

from delaktig_site.settings.search import search_backends
from municipality.language.indexed import SEARCH_TERMS
from proposals.models import Proposal
from search.quality.cases import CASES

pytestmark = pytest.mark.django_db

WORD_LIST = "analysis/sv_SE_words.txt"
OPENSEARCH = search_backends(False, "http://127.0.0.1:9", WORD_LIST)


@pytest.fixture
def requests_sent(monkeypatch):
    sent = []

    def search(client, **request):
        sent.append(request)
        return {"hits": {"total": {"value": 0}, "hits": []}}

    monkeypatch.setattr(OpenSearch, "search", search)
    return sent


def test_the_url_selects_opensearch_with_the_swedish_analysis():
    with override_settings(WAGTAILSEARCH_BACKENDS=OPENSEARCH):
        backend = get_search_backend()
    assert type(backend).__module__.endswith("opensearch2")
    analysis = backend.settings["settings"]["analysis"]
    analyzers = analysis["analyzer"]
    assert analyzers["default"]["filter"] == [
        "lowercase",
        "swedish_stop",
        "swedish_decompounder",
        "swedish_stemmer",
        "asciifolding",
    ]
    # A typed compound is never split into its parts.
    assert "swedish_decompounder" not in analyzers["default_search"]["filter"]
    decompounder = analysis["filter"]["swedish_decompounder"]
    assert decompounder["word_list_path"] == WORD_LIST
    assert analysis["filter"]["swedish_stemmer"]["language"] == "swedish"
    # Every searchable model's mapping builds, the keys' field a text field.
    for model in get_indexed_models():
        mapping = backend.mapping_class(model)
        fields = mapping.get_mapping()["properties"]
        keys = [f for f in model.get_search_fields() if f.field_name == SEARCH_TERMS]
        for field in keys:
            assert fields[mapping.get_field_column_name(field)]["type"] == "text"
    assert SEARCH_TERMS in {f.field_name for f in Proposal.get_search_fields()}


def test_without_a_word_list_nothing_needs_files_on_the_nodes():
    backend = search_backends(False, "https://search.example.org")["default"]
    analysis = backend["INDEX_SETTINGS"]["settings"]["analysis"]
    assert "swedish_decompounder" not in analysis["filter"]
    assert "word_list_path" not in str(analysis)


def test_without_a_url_the_database_backend_stays():
    assert search_backends(True)["default"] == {
        "BACKEND": "wagtail.search.backends.database",
        "AUTO_UPDATE": True,
        "SEARCH_CONFIG": "swedish",
    }


def test_the_relevance_command_runs_unchanged_against_opensearch(requests_sent):
    call_command("load_demo", stdout=io.StringIO())
    output = io.StringIO()
    with override_settings(WAGTAILSEARCH_BACKENDS=OPENSEARCH):
        call_command("search_quality", stdout=output)
    printed = output.getvalue()
    assert f"search: {len(CASES)} queries" in printed
    assert "similar proposals: " in printed
    bodies = [str(request["body"]) for request in requests_sent]
    # Each case asks pages and proposals, several words twice (all, then any).
    assert len(bodies) >= 2 * len(CASES)
    # The keys are what is sent: å/ä/ö folded, the mistyped word corrected.
    assert any("'cykelvag'" in body for body in bodies)
    assert any("'bibliotek'" in body for body in bodies)
    assert not any("bibliotk" in body for body in bodies)
    # Proposals are filtered on their indexed fields (public ones in the box).
    assert any("box_id" in body and "status" in body for body in bodies)
