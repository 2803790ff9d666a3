"""What every suggestion box view shares: rendering in the page's layout."""

from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

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


def proposal_url(box, proposal_id):
    return box.subpage_url("proposal_view", proposal_id)
