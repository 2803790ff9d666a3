"""The admissibility assistant's advice to a resident on the preview step."""

from django import template

from proposals.admissibility.findings import check

register = template.Library()


@register.inclusion_tag("proposals/includes/admissibility_advice.html")
def admissibility_advice(box, title, text):
    """Similar proposals are shown beside it already: no duplicate advice here."""
    return {"findings": check(title or "", text or "", box=box, duplicates=False)}
