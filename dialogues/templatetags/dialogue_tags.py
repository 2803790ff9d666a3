"""Template helpers for dialogue pages: accessible form fields and the ladder."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from dialogues.ladder import STEPS, step_for
from home.templatetags.language_tags import content_lang, in_lang

register = template.Library()


@register.simple_tag
def form_field(field, mark_optional=False, content=False):
    """Label, help text, errors and the widget, tied together with ids and
    aria-describedby, so screen readers announce help and errors with the input.
    With mark_optional, a field that may be left empty says so (as GOV.UK does).
    With content, the label, help and choices are the CMS's words (a survey's
    questions), marked as Swedish on the English site."""
    lang = content_lang() if content else ""  # ' lang="sv"' on the English site
    label = in_lang(field.label) if content else field.label
    if mark_optional and not field.field.required:
        label = format_html(
            '{} <span class="field__optional">({})</span>', label, _("frivilligt")
        )
    described = []
    help_html = errors_html = ""
    if field.help_text:
        help_id = f"{field.auto_id}-help"
        described.append(help_id)
        help_html = format_html(
            '<p class="help" id="{}"{}>{}</p>',
            help_id,
            lang,
            field.help_text,
        )
    if field.errors:
        error_id = f"{field.auto_id}-error"
        described.append(error_id)
        errors_html = format_html(
            '<p class="field-error" id="{}">{}</p>', error_id, " ".join(field.errors)
        )
    attrs = {}
    if described:
        attrs["aria-describedby"] = " ".join(described)
    if field.errors:
        attrs["aria-invalid"] = "true"
    widget = field.as_widget(attrs=attrs)
    if lang:
        widget = format_html("<div{}>{}</div>", lang, widget)
    if field.widget_type in ("radioselect", "checkboxselectmultiple"):
        return format_html(
            '<fieldset class="field field--group"{}>'
            "<legend>{}</legend>{}{}{}</fieldset>",
            format_html(' aria-describedby="{}"', attrs["aria-describedby"])
            if described
            else "",
            label,
            help_html,
            errors_html,
            widget,
        )
    if field.widget_type == "checkbox":
        return format_html(
            '<div class="field field--checkbox">{} {}{}{}</div>',
            widget,
            field.label_tag(contents=label, label_suffix=""),
            help_html,
            errors_html,
        )
    return format_html(
        '<div class="field">{}{}{}{}</div>',
        field.label_tag(contents=label, label_suffix=""),
        help_html,
        errors_html,
        widget,
    )


@register.inclusion_tag("dialogues/includes/ladder.html")
def ladder_steps(level, ladder_url="", compact=False):
    """The participation ladder's five steps drawn as a staircase (HTML and CSS),
    the dialogue's step marked and named in text, linked to the ladder page."""
    current = step_for(level)
    return {
        "steps": [
            {"number": number, "step": step, "current": step is current}
            for number, step in enumerate(STEPS, 1)
        ],
        "current": current,
        "number": STEPS.index(current) + 1,
        "total": len(STEPS),
        "ladder_url": ladder_url,
        "compact": compact,
    }
