"""One canonical form of a resident's e-mail address, so one mailbox is one person.

Every address a resident gives is stored and compared in this form: the domain in
its IDNA (ASCII, "xn--") spelling, the whole address in lower case, and a quoted
local part unquoted when the quotes change nothing (`"anna.dupra"@example.se` is
`anna.dupra@example.se`). A quoted local part that needs its quotes (a space, an
@) is refused: no mail provider residents use hands out such addresses, and two
spellings of one mailbox must not count as two people. email-validator does the
RFC 5322/6531 parsing and the IDNA 2008 (UTS 46) conversion."""

from django import forms
from django.utils.translation import gettext_lazy as _
from email_validator import EmailNotValidError, validate_email


class NotAMailbox(ValueError):
    """The address has no canonical form we accept."""


def canonical(address):
    """The canonical form of `address`; raises NotAMailbox if it has none."""
    try:
        parsed = validate_email(
            str(address).strip(),
            check_deliverability=False,
            allow_quoted_local=True,
            # Django's e-mail field refuses non-ASCII local parts, and mail to
            # them would need SMTPUTF8: one rule for both.
            allow_smtputf8=False,
        )
    except EmailNotValidError as error:
        raise NotAMailbox(str(error)) from error
    if parsed.local_part.startswith('"'):
        raise NotAMailbox("the local part needs its quotes")
    return f"{parsed.local_part}@{parsed.ascii_domain}".lower()


def comparable(address):
    """The canonical form where there is one, else the address lower-cased: for
    looking up or re-keying stored addresses that predate the canonical form."""
    try:
        return canonical(address)
    except NotAMailbox:
        return str(address).strip().lower()


def reached(address):
    """The mailbox an address reaches: its canonical form (or `comparable`), no
    +tag, no dots for Gmail. Two addresses with one `reached` are one person."""
    local, _sep, domain = comparable(address).rpartition("@")
    local = local.split("+", 1)[0]
    if domain in {"gmail.com", "googlemail.com"}:
        local = local.replace(".", "")
        domain = "gmail.com"
    return f"{local}@{domain}"


class MailboxField(forms.EmailField):
    """Django's e-mail field whose cleaned value is the canonical form."""

    default_error_messages = {
        "invalid": _("Skriv en e-postadress som namn@exempel.se."),
        "quoted": _(
            "Skriv adressen utan citattecken, mellanslag eller extra @, "
            "som namn@exempel.se."
        ),
    }

    def clean(self, value):
        value = super().clean(value)
        if value in self.empty_values:
            return value
        try:
            return canonical(value)
        except NotAMailbox as error:
            code = "quoted" if '"' in value else "invalid"
            raise forms.ValidationError(self.error_messages[code], code=code) from error
