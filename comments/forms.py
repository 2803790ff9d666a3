"""The comment form every target uses (COMMENTS_XTD_FORM_CLASS)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from django_comments_xtd.forms import XtdCommentForm

from municipality.mailbox import MailboxField

# django-comments-xtd has no Swedish catalogue; these of its strings are translated
# in ours.
XTD_STRINGS = [
    gettext_noop("comment confirmation request"),
    gettext_noop("new comment posted"),
]


class CommentForm(XtdCommentForm):
    """django-comments-xtd's form in Swedish, without the homepage link field:
    a comment never carries a link that could be `javascript:` or `data:`.
    The address is kept in its canonical form, so follow-up mails and muting
    treat two spellings of one mailbox as one person."""

    email = MailboxField()

    def __init__(self, *args, **kwargs):
        # Its own ids, so a page with another form (signing) has no duplicates.
        kwargs.setdefault("auto_id", "comment_%s")
        super().__init__(*args, **kwargs)
        self.fields["name"].label = _("Namn som visas vid kommentaren")
        self.fields["email"].label = _("E-post")
        self.fields["email"].help_text = _(
            "Vi skickar en länk som du klickar på för att bekräfta kommentaren. "
            "Adressen visas aldrig."
        )
        self.fields["email"].widget = forms.EmailInput(attrs={"autocomplete": "email"})
        self.fields["name"].widget = forms.TextInput(attrs={"autocomplete": "name"})
        self.fields["comment"].label = _("Kommentar")
        self.fields["comment"].widget = forms.Textarea(attrs={"rows": 6})
        self.fields["comment"].error_messages["max_length"] = _(
            "Kommentaren får vara högst %(limit_value)d tecken "
            "(den har %(show_value)d)."
        )
        self.fields["followup"].label = _("Meddela mig när någon kommenterar")
        self.fields["url"] = forms.CharField(required=False, widget=forms.HiddenInput)
        self.fields["honeypot"].label = _("Lämna det här fältet tomt")
        for name in ("name", "email", "comment"):
            self.fields[name].error_messages["required"] = _(
                "Fyll i fältet ”%(field)s”."
            ) % {"field": self.fields[name].label}

    def clean_url(self):
        return ""
