"""Per-visitor hidden inputs in cached HTML: a page or fragment is stored split at
them and each visitor gets their own values filled in.

The CSRF token is always one; apps name others in the setting
PAGE_CACHE_FRESH_FIELDS, {input name: dotted path of a function(request) -> str}."""

import functools
import re

from django.conf import settings
from django.middleware.csrf import get_token
from django.utils.module_loading import import_string

CSRF_FIELD = "csrfmiddlewaretoken"


@functools.lru_cache(maxsize=4)
def _resolved(paths):
    return {CSRF_FIELD: get_token} | {name: import_string(path) for name, path in paths}


def fields():
    """Input name -> function(request) giving this visitor's value."""
    paths = getattr(settings, "PAGE_CACHE_FRESH_FIELDS", {})
    return _resolved(tuple(sorted(paths.items())))


@functools.lru_cache(maxsize=4)
def _compiled(names):
    alternatives = "|".join(re.escape(name) for name in names)
    pattern = f'(<input type="hidden" name="({alternatives})" value=")[^"]*(")'
    return re.compile(pattern.encode())


def split_fresh(content):
    """HTML (bytes) split at its per-visitor values: text, field name, text, ...,
    text; the values themselves are left out."""
    parts = _compiled(tuple(sorted(fields()))).split(content)
    # re.split gives text, group 1, group 2, group 3, text, ... per match.
    split = [parts[0]]
    for at in range(1, len(parts), 4):
        start, name, end, text = parts[at : at + 4]
        split[-1] += start
        split.extend([name.decode(), end + text])
    return split


def fill_fresh(request, parts, *, shared=False):
    """The HTML split_fresh split, with this visitor's values filled in (one value
    per field and request, as a rendered page has: a page with two shared forms
    makes its CSRF token once). `shared`: values for a page every visitor gets
    from the caching proxy (caching/edge.py): no CSRF token at all."""
    if len(parts) == 1:
        return parts[0]
    makers = fields()
    if shared:
        makers = makers | {CSRF_FIELD: lambda request: ""}
        values = {}
    else:
        values = request.__dict__.setdefault("fresh_field_values", {})
    for name in parts[1::2]:
        if name not in values:
            values[name] = makers[name](request).encode()
    return b"".join(values[part] if i % 2 else part for i, part in enumerate(parts))
