"""Queries over the data `generate_bench_data` writes (its WORDS in generated
titles and texts), judged against the database itself: a public proposal is
relevant when its title or text holds one of the case's written forms. Recall is
counted against at most the hits a search keeps (MAX_HITS_PER_SOURCE)."""

BENCH_CASES = [
    ("hundrastgårdar", "inflection", ["hundrastgård"]),
    ("cykelbanor", "inflection", ["cykelbana"]),
    ("cykelbanan", "inflection", ["cykelbana"]),
    ("ungdomsgårdarna", "inflection", ["ungdomsgård"]),
    ("simhallar", "inflection", ["simhall"]),
    ("äldreboenden", "inflection", ["äldreboende"]),
    ("laddstolpe", "inflection", ["laddstolpar"]),
    ("fotboll", "compound first part", ["fotboll"]),
    ("konstgräs", "compound first part", ["konstgräs"]),
    ("gård", "compound last part", ["gård"]),
    ("snorojning", "without å ä ö", ["snöröjning"]),
    ("atervinning", "without å ä ö", ["återvinning"]),
    ("grönområdne", "typo", ["grönområde"]),
    ("bibliotk", "typo", ["bibliotek"]),
    ("kärnkraftverk", "no hit", []),
    ("flygplats", "no hit", []),
]
