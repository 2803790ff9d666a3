"""The demo's English pages: the front page and the legal pages translated with
Wagtail's localisation (as a communicator does with "Translate" in the admin).
Pages not translated here are served in Swedish on the English site."""

from django.conf import settings
from wagtail.models import Locale

ENGLISH = "en"

HOME = {
    "title": "Taking part in Mittköping",
    "introduction": (
        "<p>In Mittköping we shape the future together with the people who live "
        "here. Here you can see which dialogues the municipality is holding now, "
        "what you can influence and how to take part, and what came of them. In "
        "the suggestion box you can make proposals of your own and support "
        "others'.</p>"
        "<p>Most pages are in Swedish: dialogues, proposals and comments are "
        "shown as they were written.</p>"
    ),
    "search_description": (
        "Dialogues and the suggestion box for Mittköping's residents."
    ),
}

ACCESSIBILITY = {
    "title": "Accessibility statement",
    "introduction": "How accessible Delaktig – Mittköping's website for dialogue "
    "and proposals – is.",
    "body": [
        (
            "paragraph",
            "<p>Mittköping municipality is responsible for this website. We want as "
            "many people as possible to be able to use it. This page describes how "
            "the website meets the Swedish act on accessibility to digital public "
            "services, known accessibility problems and how you can report "
            "shortcomings to us so that we can fix them.</p>",
        ),
        ("heading", "How accessible is the website?"),
        (
            "paragraph",
            "<p>The website is built to meet WCAG 2.1 level AA. It works without "
            "JavaScript, with a keyboard and with screen readers, and can be "
            "enlarged to 400 per cent. Most content is in Swedish and is marked "
            "as Swedish, so that screen readers read it with a Swedish voice.</p>",
        ),
        ("heading", "What can you do if you cannot use parts of the website?"),
        (
            "paragraph",
            "<p>If you need content in another format, contact us at "
            "kontakt@mittkoping.se or +46 123 45 67 00.</p>",
        ),
        ("heading", "Report shortcomings"),
        (
            "paragraph",
            "<p>We keep working to improve accessibility. If you find a problem "
            "that is not described on this page, tell us so that we know about "
            "it. The Agency for Digital Government (Digg) supervises compliance "
            "with the act.</p>",
        ),
    ],
}

PRIVACY = {
    "title": "How we handle personal data",
    "introduction": "What we keep when you take part, why and for how long.",
    "body": [
        (
            "paragraph",
            "<p>This page describes the personal data Mittköping municipality "
            "processes when you take part in a dialogue, make a proposal or sign "
            "one, why we do so and how long we keep it.</p>",
        ),
        ("heading", "A proposal is a public document"),
        (
            "paragraph",
            "<p>What you write in a proposal becomes a public document when it "
            "reaches the municipality. The title, the text and the name you choose "
            "to show are published on the website.</p>",
        ),
        ("heading", "Your e-mail address is never shown"),
        (
            "paragraph",
            "<p>We use your e-mail address only to confirm that it is you, and to "
            "tell you what happens to the proposal if you ask us to. It is never "
            "shown on the website, in feeds or in the open data.</p>",
        ),
        ("heading", "Signatures with e-legitimation"),
        (
            "paragraph",
            "<p>When you sign with e-legitimation (BankID or Freja eID), the "
            "municipality's identity service gives us your personal identity "
            "number, but we do not store it, write it in logs or pass it on. We keep "
            "only a key computed from the number with a secret code. It makes one "
            "person count once per proposal, but nobody can work the number out "
            "from it. Where the suggestion box requires residence, we do not store "
            "your municipality either, only that you could sign. The key is removed "
            "together with the e-mail addresses (see below).</p>",
        ),
        ("heading", "How long we keep the data"),
        (
            "paragraph",
            "<p>The proposal, the number of signatures and the names shown in "
            "public remain, as the proposal is a public document. The e-mail and "
            "IP addresses of those who made or signed a proposal are removed "
            "{months} months after the proposal was answered, closed, rejected or "
            "withdrawn. This happens automatically every night.</p>",
        ),
        ("heading", "Remove your signatures"),
        (
            "paragraph",
            "<p>While a proposal is open you can remove your signature at any "
            'time. Enter your e-mail address on the page <a href="/en/mina-'
            'underskrifter/">Remove my signatures</a> and we will send you a '
            "link.</p>",
        ),
        ("heading", "Your rights"),
        (
            "paragraph",
            "<p>You have the right to know what data we hold about you, to have "
            "errors corrected and to have data erased when we no longer need it. "
            "Contact the municipality's data protection officer at "
            "dataskydd@mittkoping.se.</p>",
        ),
    ],
}


def translate(page, **fields):
    """The page's English translation, made once (as simple_translation does:
    a copy in the English locale, its parents copied as needed) with `fields`
    written in English and published."""
    english, _created = Locale.objects.get_or_create(language_code=ENGLISH)
    existing = page.get_translation_or_none(english)
    if existing is not None:
        return existing.specific
    translation = page.copy_for_translation(english, copy_parents=True)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation


def build(home, accessibility, privacy):
    translate(home, **HOME)
    translate(accessibility, **ACCESSIBILITY)
    months = settings.DELAKTIG_RETENTION_MONTHS
    translate(
        privacy,
        **{
            **PRIVACY,
            "body": [
                (kind, text.format(months=months)) for kind, text in PRIVACY["body"]
            ],
        },
    )
