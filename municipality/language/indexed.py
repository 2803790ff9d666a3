"""The index field of Swedish search keys that every searchable model adds:
`index.SearchField(SEARCH_TERMS)` in its `search_fields`, with this mixin."""

from functools import lru_cache

from django.db import models
from wagtail.search import index

from . import vocabulary
from .terms import text_keys

SEARCH_TERMS = "search_terms"


def _flatten(value):
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [str(part) for part in value if part]
    return [str(value)]


def field_texts(obj, *, leave_out=(), related=True):
    """The texts of an object's SearchFields but the keys and `leave_out` (and,
    with `related`, of related objects' SearchFields), as the index holds them, and
    of its `key_source_fields`: text searched only through its keys."""
    skipped = {SEARCH_TERMS, *leave_out}
    parts = []
    for field in obj.get_search_fields():
        if isinstance(field, index.SearchField) and field.field_name not in skipped:
            parts.extend(_flatten(field.get_value(obj)))
        elif related and isinstance(field, index.RelatedFields):
            value = field.get_value(obj)
            objects = value.all() if hasattr(value, "all") else [value]
            for item in objects:
                for sub in field.fields:
                    if item is not None and isinstance(sub, index.SearchField):
                        parts.extend(_flatten(sub.get_value(item)))
    for name in getattr(obj, "key_source_fields", ()):
        if name not in skipped:
            parts.extend(_flatten(getattr(obj, name)))
    return parts


def searchable_text(obj):
    """All of an object's indexed text: the keys are made from nothing else."""
    return " ".join(field_texts(obj))


@lru_cache(maxsize=64)
def _keys(text):
    return tuple(text_keys(text))


class SwedishSearchTerms(models.Model):
    """Indexes the search keys of the object's own searchable text. An abstract
    model, not a plain mixin: the Elasticsearch and OpenSearch backends name an
    index field after the model that defines it, which must have a `_meta`."""

    class Meta:
        abstract = True

    def search_terms(self):
        # The database backends read every field once per column they fill (title,
        # body, autocomplete …), so the same text comes several times in a row.
        keys = _keys(searchable_text(self))
        vocabulary.remember(keys)
        return " ".join(keys)
