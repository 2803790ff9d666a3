"""The relevance test set of the site search and of the similar-proposal
suggestions, and its measurement (`manage.py search_quality`)."""
