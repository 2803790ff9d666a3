"""Swedish word analysis for search: stems, dictionary forms, compound parts,
letters folded for keyboards without å, ä and ö, and mistyped words."""
