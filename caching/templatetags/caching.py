"""{% shared_fragment "name" value ... %} ... {% endshared_fragment %}: the enclosed
HTML rendered once per name, values, language and cache generation and shared
between requests while the page cache is on (caching/shared.py); rendered every
time when it is off. What the fragment shows must depend only on those: the layout's
header, a proposal's signers, an empty form. Per-visitor hidden inputs (the CSRF
token and PAGE_CACHE_FRESH_FIELDS, caching/fresh.py) are filled in for each
visitor, so an empty form can be shared; never put messages or anything of a
signed-in user in a fragment."""

import hashlib

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from caching import shared
from caching.fresh import fill_fresh, split_fresh

register = template.Library()


class SharedFragmentNode(template.Node):
    def __init__(self, nodelist, name, values):
        self.nodelist = nodelist
        self.name = name
        self.values = values

    def render(self, context):
        request = context.get("request")
        if request is None or not shared.enabled():
            return self.nodelist.render(context)
        values = "\x1f".join(str(value.resolve(context)) for value in self.values)
        digest = hashlib.sha256(values.encode()).hexdigest()[:32]
        name = f"fragment:{self.name.resolve(context)}:{get_language()}:{digest}"

        def make():
            return split_fresh(self.nodelist.render(context).encode())

        parts = shared.remember(request, name, make)
        return mark_safe(fill_fresh(request, parts).decode())  # noqa: S308


@register.tag
def shared_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a name")
    nodelist = parser.parse(("endshared_fragment",))
    parser.delete_first_token()
    name, *values = (parser.compile_filter(bit) for bit in bits[1:])
    return SharedFragmentNode(nodelist, name, values)
