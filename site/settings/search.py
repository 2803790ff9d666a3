"""The site search's backend (WAGTAILSEARCH_BACKENDS): Wagtail's database backend
by default, or an OpenSearch cluster for scale-out when DELAKTIG_OPENSEARCH_URL is
set (README "Scale-out: OpenSearch or Elasticsearch").

The Swedish keys are made in Python (municipality/language/) and indexed in every
searchable model's `search_terms` field; queries search keys only. So an engine
gives the same matches when it indexes and searches every text field with one
analysis that leaves a key as it is or changes it the same way on both sides:
lower case, Swedish stop words, the Swedish Snowball stemmer and å/ä/ö folded
(`asciifolding`), as PostgreSQL's `swedish` configuration does. Mistyped words
are corrected before the query is sent (municipality.SearchWord, filled while
indexing with any backend), so the engine needs no fuzziness of its own.
"""

SWEDISH_FILTERS = {
    "swedish_stop": {"type": "stop", "stopwords": "_swedish_"},
    "swedish_stemmer": {"type": "stemmer", "language": "swedish"},
}


def database_backend(is_postgres):
    return {
        "BACKEND": "wagtail.search.backends.database",
        "AUTO_UPDATE": True,
        **({"SEARCH_CONFIG": "swedish"} if is_postgres else {}),
    }


def _analyzer(*compound_filters):
    return {
        "type": "custom",
        "tokenizer": "standard",
        "filter": [
            "lowercase",
            "swedish_stop",
            *compound_filters,
            "swedish_stemmer",
            "asciifolding",
        ],
    }


def opensearch_analysis(word_list=""):
    """Index analysis: `default` indexes every text field, `default_search` analyses
    queries. With `word_list` (a file on every node, relative to its config
    directory: the words of the hunspell-sv dictionary, one a line), the indexed
    raw text (titles, pages; a proposal's text is indexed as keys only) is split
    into compound parts too; queries never are, since a typed
    compound must not find each of its parts ("hundrastgård" not every "gård").
    Without it (a managed cluster without file access) nothing is lost: the keys
    in `search_terms` carry the compound parts already."""
    filters = dict(SWEDISH_FILTERS)
    compound = []
    if word_list:
        filters["swedish_decompounder"] = {
            "type": "dictionary_decompounder",
            "word_list_path": word_list,
            "min_subword_size": 3,
            "only_longest_match": False,
        }
        compound = ["swedish_decompounder"]
    return {
        "filter": filters,
        "analyzer": {"default": _analyzer(*compound), "default_search": _analyzer()},
    }


def opensearch_backend(url, word_list="", index_prefix="delaktig_"):
    return {
        "BACKEND": "wagtail.search.backends.opensearch2",
        "URLS": [url],
        "INDEX_PREFIX": index_prefix,
        "AUTO_UPDATE": True,
        "ATOMIC_REBUILD": True,
        "INDEX_SETTINGS": {"settings": {"analysis": opensearch_analysis(word_list)}},
    }


def search_backends(is_postgres, opensearch_url="", word_list=""):
    if opensearch_url:
        return {"default": opensearch_backend(opensearch_url, word_list)}
    return {"default": database_backend(is_postgres)}
