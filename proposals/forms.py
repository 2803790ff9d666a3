"""Public forms: submit, co-sign and listing filters, with their abuse protection."""

import hashlib
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from dialogues import rules
from municipality import ratelimit
from municipality.mailbox import MailboxField
from municipality.models import Area
from municipality.widgets import ContentChoiceField
from proposals.constants import LISTED_STATUSES, Sort
from proposals.models import Topic

STARTED_SALT = "proposals.form-started"
NAME_TOO_LONG = _("Namnet får vara högst %(limit_value)d tecken.")
EMAIL_ERRORS = {
    "required": _("Skriv din e-postadress."),
    "invalid": _("Skriv en e-postadress som namn@exempel.se."),
}


# Signing a start time costs ~0.2 ms, a quarter of a page served from the page cache
# (which gives every visitor a fresh one), so one token serves everyone for this
# long: a form can look at most that much older than it is.
STARTED_REUSE_SECONDS = 0.25
_started = {"at": 0.0, "token": ""}
# A start time older than this is refused (a robot cannot keep one token for ever),
# and one token passes at most STARTED_MAX_USES times from one address (the same
# token is handed to everyone who loads a form in that quarter second, so the
# count is per token and address).
STARTED_MAX_AGE = 2 * 3600
STARTED_MAX_USES = 5


def started_token():
    """The signed time a form was handed out (the minimum fill time checks it)."""
    now = time.time()
    if not 0 <= now - _started["at"] < STARTED_REUSE_SECONDS:
        _started.update(at=now, token=signing.dumps(now, salt=STARTED_SALT))
    return _started["token"]


def started_token_for_request(request):
    """started_token for a cached page's sign form (PAGE_CACHE_FRESH_FIELDS)."""
    return started_token()


class AccessibleFormMixin:
    """Tie each field's error message to its input and mark the input invalid."""

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name not in self.fields:
                continue
            bound = self[name]
            ids = [f"{bound.auto_id}_error"]
            if self.fields[name].help_text:
                ids.append(f"{bound.auto_id}_helptext")
            self.fields[name].widget.attrs["aria-describedby"] = " ".join(ids)
            self.fields[name].widget.attrs["aria-invalid"] = "true"


class ProtectedForm(AccessibleFormMixin, forms.Form):
    """reCAPTCHA when the municipality has keys; otherwise a honeypot and a minimum
    fill time, which stop most scripts without bothering people."""

    mark_optional = True

    def __init__(self, *args, client_ip=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.client_ip = client_ip
        if settings.RECAPTCHA_ENABLED:
            from django_recaptcha.fields import ReCaptchaField
            from django_recaptcha.widgets import ReCaptchaV2Checkbox

            self.fields["captcha"] = ReCaptchaField(
                label=_("Bekräfta att du inte är en robot"),
                widget=ReCaptchaV2Checkbox(api_params={"hl": get_language()}),
                error_messages={
                    "required": _("Bekräfta att du inte är en robot."),
                    "captcha_invalid": _("Kontrollen misslyckades. Försök igen."),
                    "captcha_error": _("Kontrollen misslyckades. Försök igen."),
                },
            )
        else:
            self.fields["website"] = forms.CharField(
                label=_("Lämna det här fältet tomt"), required=False
            )
            self.fields["started"] = forms.CharField(
                widget=forms.HiddenInput, required=False, initial=started_token
            )

    @property
    def uses_honeypot(self):
        return "website" in self.fields

    def _restart_clock(self):
        self.data = self.data.copy()
        self.data[self.add_prefix("started")] = started_token()

    def clean(self):
        cleaned = super().clean()
        if not self.uses_honeypot:
            return cleaned
        if cleaned.get("website"):
            raise forms.ValidationError(
                _("Formuläret kunde inte skickas. Försök igen."), code="honeypot"
            )
        token = cleaned.get("started", "")
        try:
            started = float(
                signing.loads(token, salt=STARTED_SALT, max_age=STARTED_MAX_AGE)
            )
        except (signing.BadSignature, TypeError, ValueError):
            started = None
        fresh = started is not None and time.time() - started < STARTED_MAX_AGE
        if not fresh or not self._first_uses(token):
            self._restart_clock()
            raise forms.ValidationError(
                _("Formuläret har gått ut. Kontrollera uppgifterna och skicka igen."),
                code="bad_clock",
            )
        # Sent faster than a person types: a robot, or a person whose browser
        # filled the form in. Never an error for the person; the view decides
        # (a signature is checked by a communicator before it counts).
        minimum = getattr(settings, "PROPOSALS_MIN_FILL_SECONDS", 3)
        self.too_fast = time.time() - started < minimum
        return cleaned

    too_fast = False

    def _first_uses(self, token):
        """Count a use of the start time by this address (only for a form that is
        otherwise fine: correcting a typo is not a replay); True for the first
        STARTED_MAX_USES."""
        if self.errors:
            return True
        most = getattr(settings, "PROPOSALS_STARTED_MAX_USES", STARTED_MAX_USES)
        client = ratelimit.counted(self.client_ip)  # an IPv6 client's /64
        digest = hashlib.sha256(f"{token}:{client}".encode()).hexdigest()
        key = f"proposals:started-uses:{digest[:32]}"
        cache.add(key, 0, timeout=STARTED_MAX_AGE)
        try:
            uses = cache.incr(key)
        except ValueError:  # expired in between
            cache.set(key, 1, timeout=STARTED_MAX_AGE)
            uses = 1
        return uses <= most


class SubmitProposalForm(ProtectedForm):
    title = forms.CharField(
        label=_("Rubrik"),
        min_length=5,
        max_length=120,
        help_text=_("Kort och tydligt, högst 120 tecken."),
        error_messages={
            "required": _("Skriv en rubrik."),
            "min_length": _("Rubriken behöver vara minst %(limit_value)d tecken."),
            "max_length": _(
                "Rubriken får vara högst %(limit_value)d tecken "
                "(den är %(show_value)d)."
            ),
        },
    )
    text = forms.CharField(
        label=_("Ditt förslag"),
        min_length=20,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": _("Beskriv ditt förslag."),
            "min_length": _("Beskriv förslaget med minst %(limit_value)d tecken."),
            "max_length": _(
                "Förslaget får vara högst %(limit_value)d tecken "
                "(det är %(show_value)d)."
            ),
        },
        help_text=_(
            "Beskriv vad du vill att kommunen ska göra och varför. Skriv inte "
            "personuppgifter om andra."
        ),
    )
    topic = ContentChoiceField(
        label=_("Ämne"),
        queryset=Topic.objects.all(),
        empty_label=_("Välj ämne"),
        error_messages={
            "required": _("Välj ett ämne."),
            "invalid_choice": _("Välj ett av ämnena i listan."),
        },
    )
    area = ContentChoiceField(
        label=_("Område"),
        queryset=Area.objects.all(),
        to_field_name="slug",
        empty_label=_("Välj område"),
        error_messages={
            "required": _("Välj ett område."),
            "invalid_choice": _("Välj ett av områdena i listan."),
        },
    )
    dialogue = ContentChoiceField(
        label=_("Dialog"),
        queryset=None,
        required=False,
        empty_label=_("Ingen dialog"),
        help_text=_("Hör förslaget till en pågående dialog? Välj den här."),
        error_messages={
            "invalid_choice": _(
                "Dialogen tar inte emot förslag längre. Välj en annan eller ingen."
            ),
        },
    )
    author_name = forms.CharField(
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        label=_("Namn som visas"),
        max_length=100,
        help_text=_("Visas tillsammans med förslaget. Det kan vara bara förnamnet."),
        error_messages={
            "required": _("Skriv det namn som ska visas."),
            "max_length": NAME_TOO_LONG,
        },
    )
    email = MailboxField(
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        label=_("E-post"),
        max_length=254,
        help_text=_("Visas aldrig. Vi skickar en länk som du bekräftar förslaget med."),
        error_messages=EMAIL_ERRORS,
    )
    consent = forms.BooleanField(
        label=_(
            "Jag har läst hur kommunen hanterar personuppgifter och förstår att "
            "förslaget blir en allmän handling."
        ),
        error_messages={
            "required": _("Du behöver godkänna villkoren för att lämna ett förslag.")
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        dialogues = rules.dialogues_taking_proposals()
        if dialogues.exists():
            self.fields["dialogue"].queryset = dialogues
        else:
            del self.fields["dialogue"]
        # Until the municipality has entered its areas there is nothing to choose.
        if not Area.objects.exists():
            del self.fields["area"]

    @classmethod
    def for_dialogue(cls, dialogue_id):
        """An empty form, with the dialogue chosen when ?dialog= names one that
        takes proposals (anything else is ignored)."""
        form = cls()
        if "dialogue" in form.fields and str(dialogue_id or "").isdigit():
            chosen = form.fields["dialogue"].queryset.filter(pk=dialogue_id).first()
            if chosen:
                form.initial["dialogue"] = chosen.pk
        return form

    def pending_data(self):
        """The form's answers as the session can hold them while the proposer
        identifies with e-legitimation; proposal_data_from() reads them back."""
        data = self.cleaned_data
        return {
            "title": data["title"],
            "text": data["text"],
            "topic": data["topic"].pk,
            "area": data["area"].slug if data.get("area") else "",
            "dialogue": data["dialogue"].pk if data.get("dialogue") else "",
            "author_name": data["author_name"],
            "email": data["email"],
        }

    @classmethod
    def proposal_data_from(cls, pending):
        """proposal_data() from pending_data(), checked again (a topic or dialogue
        may have gone meanwhile): (data, None) or (None, the form with errors)."""
        form = cls({**pending, "consent": "on"})
        form.fields.pop("website", None)
        form.fields.pop("started", None)
        form.fields.pop("captcha", None)
        if not form.is_valid():
            return None, form
        return form.proposal_data(), form

    def proposal_data(self):
        data = self.cleaned_data
        return {
            "dialogue": data.get("dialogue"),
            "title": data["title"],
            "text": data["text"],
            "topic": data["topic"],
            "area": data.get("area"),
            "author_name": data["author_name"],
            "author_email": data["email"],
        }


class SignForm(ProtectedForm):
    def __init__(self, *args, **kwargs):
        # Its own ids: the proposal page also has the comment form.
        kwargs.setdefault("auto_id", "sign_%s")
        super().__init__(*args, **kwargs)

    name = forms.CharField(
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        label=_("Namn"),
        max_length=100,
        error_messages={"required": _("Skriv ditt namn."), "max_length": NAME_TOO_LONG},
    )
    show_name = forms.BooleanField(
        label=_("Visa mitt namn bland dem som skrivit under"),
        required=False,
        initial=False,  # private by default: the signer chooses to be seen
    )
    email = MailboxField(
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        label=_("E-post"),
        max_length=254,
        help_text=_(
            "Visas aldrig. Din underskrift räknas när du klickat på länken vi skickar."
        ),
        error_messages=EMAIL_ERRORS,
    )
    area = ContentChoiceField(
        label=_("Område"),
        queryset=Area.objects.all(),
        to_field_name="slug",
        empty_label=_("Välj område"),
        required=False,
    )
    keep_informed = forms.BooleanField(
        label=_("Jag vill få besked när förslaget lämnas till kommunen och besvaras"),
        required=False,
    )
    consent = forms.BooleanField(
        label=_("Jag har läst hur kommunen hanterar personuppgifter."),
        error_messages={
            "required": _("Du behöver godkänna villkoren för att skriva under.")
        },
    )

    def signature_data(self):
        data = self.cleaned_data
        return {
            "name": data["name"],
            "show_name": data["show_name"],
            "email": data["email"],
            "area": data["area"],
            "keep_informed": data["keep_informed"],
        }


class EidSignForm(AccessibleFormMixin, forms.Form):
    """Signing with e-legitimation: what is shown, before the resident goes to the
    identity service. No e-mail address: the service confirms the person, and
    nothing but a keyed hash of who they are is kept (eid/identity.py)."""

    mark_optional = True

    def __init__(self, *args, **kwargs):
        # Its own ids: the page may also have the e-mail sign form and comments.
        kwargs.setdefault("auto_id", "eid_%s")
        super().__init__(*args, **kwargs)

    name = forms.CharField(
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        label=_("Namn"),
        max_length=100,
        help_text=_("Visas bara om du väljer det nedan."),
        error_messages={"required": _("Skriv ditt namn."), "max_length": NAME_TOO_LONG},
    )
    show_name = forms.BooleanField(
        label=_("Visa mitt namn bland dem som skrivit under"),
        required=False,
        initial=False,
    )
    area = ContentChoiceField(
        label=_("Område"),
        queryset=Area.objects.all(),
        to_field_name="slug",
        empty_label=_("Välj område"),
        required=False,
    )
    consent = forms.BooleanField(
        label=_(
            "Jag har läst hur kommunen hanterar personuppgifter. Mitt personnummer "
            "sparas inte."
        ),
        error_messages={
            "required": _("Du behöver godkänna villkoren för att skriva under.")
        },
    )

    def pending_data(self):
        """What the session holds while the resident is at the identity service."""
        data = self.cleaned_data
        return {
            "name": data["name"],
            "show_name": data["show_name"],
            "area": data["area"].slug if data["area"] else "",
        }


STATUS_FILTER_CHOICES = [
    ("", _("Alla")),
    *[(status.value, status.label) for status in LISTED_STATUSES],
]


class ListingFilterForm(AccessibleFormMixin, forms.Form):
    sort = forms.ChoiceField(label=_("Sortera"), choices=Sort.choices, required=False)
    status = forms.ChoiceField(
        label=_("Status"), choices=STATUS_FILTER_CHOICES, required=False
    )
    topic = ContentChoiceField(
        label=_("Ämne"),
        queryset=Topic.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Alla"),
    )
    area = ContentChoiceField(
        label=_("Område"),
        queryset=Area.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Alla"),
    )


class WithdrawForm(forms.Form):
    """A single confirm button; the private token is the authority."""

    confirm = forms.BooleanField(widget=forms.HiddenInput, initial=True)
