"""The signature log's public head on a proposal page, and a signer's receipt in
the confirmation page and e-mail (proposals/signature_log.py)."""

from django import template
from django.urls import reverse

from proposals import signature_log

register = template.Library()


@register.inclusion_tag("proposals/includes/signature_log.html")
def signature_log_head(proposal):
    seq, digest = signature_log.head(proposal.pk)
    return {
        "entries": seq,
        "head": digest,
        "count": proposal.signature_count,
        "download_url": reverse("opendata:proposal-signature-log", args=[proposal.pk]),
    }


@register.simple_tag
def signature_receipt(signature_id):
    """The signer's code and the receipt the public log shows for it."""
    code = signature_log.receipt_code(signature_id)
    return {"code": code, "receipt": signature_log.receipt_of(code)}
