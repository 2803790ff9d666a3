"""What every suggestion box view shares: rendering in the page's layout."""

from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from home import page_cache, shared_cache
from proposals import tokens

MESSAGE = "proposals/message.html"


def render(request, box, template, context=None, status=200):
    full_context = box.get_context(request)
    full_context.update(context or {})
    response = TemplateResponse(request, template, full_context, status=status)
    if full_context.get("private"):
        _private(response)
    return response


def _private(response):
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


def message_page(request, box, title, text, status=200, **extra):
    context = {"title": title, "text": text, "private": True, **extra}
    return render(request, box, MESSAGE, context, status=status)


def shared_message_page(request, box, name, private_tokens, title, text, **extra):
    """message_page for a page that is the same for everyone but for the private
    tokens in its links (its own address's and those in `extra`): while the page
    cache is on, an anonymous visitor's page is rendered once per `name` (which
    must hold whatever else the page shows), language and box, shared between
    requests (home/shared_cache.py) and given this visitor's tokens. The page
    confirming a signature is one; at the signing peak rendering it cost as much as
    confirming. Visitors with a session (messages, a signed-in user) get it
    rendered."""
    if not (shared_cache.enabled() and page_cache.cacheable_request(request)):
        return message_page(request, box, title, text, **extra)
    values = [token.encode() for token in private_tokens]
    made = {}

    def make():
        response = message_page(request, box, title, text, **extra)
        response.render()
        made["response"] = response
        if page_cache.CSRF_FIELD.encode() in response.content:
            return None  # a form's token is the visitor's own: never shared
        return {
            "status": response.status_code,
            "parts": split_at(response.content, values),
        }

    key = f"message:{get_language()}:{box.pk}:{name}"
    shared = shared_cache.remember(request, key, make, keep_none=False)
    if made:
        return made["response"]
    content = fill_in(shared["parts"], values)
    return _private(HttpResponse(content, status=shared["status"]))


def split_at(content, values):
    """`content` split at every occurrence of each of `values`: text parts, with
    each value's place in `values` where it stood."""
    parts = [content]
    for index, value in enumerate(values):
        split = []
        for part in parts:
            if isinstance(part, int):
                split.append(part)
                continue
            pieces = part.split(value)
            for at, piece in enumerate(pieces):
                if at:
                    split.append(index)
                split.append(piece)
        parts = split
    return parts


def fill_in(parts, values):
    """What split_at split, with `values` in the places of the ones it split at."""
    return b"".join(values[p] if isinstance(p, int) else p for p in parts)


def bad_link(request, box, error):
    """A clear page for a broken or old private link (never a server error)."""
    if isinstance(error, tokens.ExpiredToken):
        return message_page(
            request,
            box,
            _("Länken har gått ut"),
            _(
                "Bekräftelselänkar gäller i sju dagar. Fyll i formuläret igen så "
                "skickar vi en ny länk."
            ),
            status=410,
        )
    return message_page(
        request,
        box,
        _("Länken fungerar inte"),
        _(
            "Länken är ofullständig eller gäller inte längre. Kontrollera att du "
            "kopierat hela länken från mejlet."
        ),
        status=404,
    )


def proposal_url(box, proposal_id, request=None):
    return box.get_url(request=request) + box.reverse_subpage(
        "proposal_view", args=[proposal_id]
    )
