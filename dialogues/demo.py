"""Mittköping's dialogues, drawn from the seed handbooks. Idempotent: everything is
found by slug or name before it is created."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from home.demo_english import translate
from municipality import demo as municipality_demo
from municipality.models import Committee

from . import demo_comments
from .choices import Degree, InfluenceLevel, Status
from .models import (
    DialogueDocument,
    DialogueEvent,
    DialogueIndexPage,
    DialogueMethod,
    DialoguePage,
    DialogueSurveyPage,
    LadderPage,
    SurveyField,
    TargetGroup,
)

STOCKHOLM = ZoneInfo("Europe/Stockholm")

COMMITTEES = [
    ("kommunstyrelsen", "Kommunstyrelsen", 90),
    ("barn-och-utbildningsnamnden", "Barn- och utbildningsnämnden", 60),
    ("vard-och-omsorgsnamnden", "Vård- och omsorgsnämnden", 60),
    ("kultur-och-fritidsnamnden", "Kultur- och fritidsnämnden", 45),
    ("samhallsbyggnadsnamnden", "Samhällsbyggnadsnämnden", 120),
]
TARGET_GROUPS = [
    (
        "smabarnsforaldrar",
        "Småbarnsföräldrar",
        "Föräldrar till barn 0–6 år.",
        Degree.HIGH,
        Degree.LOW,
    ),
    (
        "invanare-over-75",
        "Invånare över 75 år",
        "Alla som fyllt 75, särskilt de som inte använder internet i dag.",
        Degree.HIGH,
        Degree.LOW,
    ),
    (
        "unga",
        "Unga 13–19 år",
        "Högstadie- och gymnasieelever.",
        Degree.HIGH,
        Degree.LOW,
    ),
    (
        "foreningslivet",
        "Föreningslivet",
        "Föreningar, pensionärsorganisationer och studieförbund.",
        Degree.LOW,
        Degree.HIGH,
    ),
    (
        "alla-invanare",
        "Alla invånare",
        "Alla som bor i Mittköping, inte bara medborgare.",
        Degree.HIGH,
        Degree.HIGH,
    ),
]


def _at(day, hour, minute=0):
    return datetime.combine(day, time(hour, minute), tzinfo=STOCKHOLM)


def _snippets():
    for slug, name, days in COMMITTEES:
        Committee.objects.get_or_create(
            slug=slug, defaults={"name": name, "expected_handling_days": days}
        )
    for slug, name, description, affected, active in TARGET_GROUPS:
        TargetGroup.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "description": description,
                "affected": affected,
                "active": active,
            },
        )


def _child(parent, model, slug, **fields):
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page:
        return page, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def _document(title, text):
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title)
        document.file.save(
            title.lower().replace(" ", "-") + ".txt",
            ContentFile(text.encode()),
            save=False,
        )
        document.save()
    return document


def _dialogues(today):
    committee = {c.slug: c for c in Committee.objects.all()}
    method = {m.slug: m for m in DialogueMethod.objects.all()}
    area = municipality_demo.areas()
    group = {g.slug: g for g in TargetGroup.objects.all()}
    return [
        {
            "slug": "livskvalitet-i-sma-barns-liv",
            "title": "Livskvalitet i små barns liv",
            "question": "Vad ger små barn i Mittköping ett gott liv, och vad behöver "
            "bli bättre?",
            "introduction": "Barn- och utbildningsnämnden ville förstå vad "
            "småbarnsföräldrar ser som livskvalitet för sina barn, i förskolan och "
            "utanför den.",
            "influence_level": InfluenceLevel.DIALOGUE,
            "status": Status.FEEDBACK_GIVEN,
            "open_to_influence": "<p>Vilka områden nämnden prioriterar i "
            "verksamhetsplanen för barn 0–6 år: lek, utemiljö, trygghet och "
            "föräldrastöd.</p>",
            "fixed_frame": "<p>Skollagen och den budget kommunfullmäktige har "
            "beslutat gäller. Antalet förskolor ändras inte i dialogen.</p>",
            "committee": committee["barn-och-utbildningsnamnden"],
            "decision_planned_date": today - timedelta(days=40),
            "start_date": today - timedelta(days=160),
            "end_date": today - timedelta(days=110),
            "methods": [method["kafedialog"], method["fokusgrupp"]],
            "target_groups": [group["smabarnsforaldrar"]],
            "areas": [area["hela-kommunen"]],
            "contact_name": "Sara Ek",
            "contact_role": "utvecklingsledare, förskolan",
            "contact_email": "sara.ek@mittkoping.se",
            "contact_phone": "0123-45 67 21",
            "result": "<p>Drygt 120 föräldrar deltog i fyra kafédialoger och två "
            "fokusgrupper. Det som oftast lyftes var tid med pedagogerna, gröna "
            "utemiljöer och trygga vägar till förskolan.</p>",
            "result_date": today - timedelta(days=90),
            "feedback": "<p>Resultatet presenterades för deltagarna vid ett möte på "
            "biblioteket och skickades till alla som lämnat e-postadress. Här på "
            "sidan finns sammanställningen.</p>",
            "feedback_date": today - timedelta(days=80),
            "decision": "<p>Nämnden beslutade om verksamhetsplanen för 2027.</p>",
            "decision_date": today - timedelta(days=40),
            "effect_on_decision": "<p>Utemiljön blev ett eget mål i planen, och "
            "trafiksäkra skolvägar lyftes till samhällsbyggnadsnämnden.</p>",
            "events": [
                DialogueEvent(
                    title="Kafédialog på Familjecentralen",
                    starts_at=_at(today - timedelta(days=140), 17, 30),
                    ends_at=_at(today - timedelta(days=140), 19, 30),
                    place="Familjecentralen",
                    address="Parkgatan 4, Mittköping",
                    accessibility="Entré utan trappsteg, hörslinga, barnpassning.",
                )
            ],
            "document": (
                "Sammanställning kafédialoger små barn",
                "Sammanställning av kafédialogerna om små barns livskvalitet.",
            ),
        },
        {
            "slug": "digital-delaktighet-over-75",
            "title": "Digital delaktighet för invånare över 75 år",
            "question": "Vad behöver du som är över 75 år för att kunna och vilja "
            "använda kommunens digitala tjänster?",
            "introduction": "Vi skickar en enkät till alla som fyller 75 år och "
            "bjuder in till en referensgrupp som följer arbetet.",
            "influence_level": InfluenceLevel.CONSULTATION,
            "status": Status.OPEN,
            "open_to_influence": "<p>Vilka digitala tjänster vi börjar med, hur "
            "it-instruktörernas stöd ska se ut och var det ska finnas.</p>",
            "fixed_frame": "<p>Alla tjänster ska också gå att använda utan dator. "
            "Budgeten för it-stöd är beslutad för i år.</p>",
            "committee": committee["vard-och-omsorgsnamnden"],
            "decision_planned_date": today + timedelta(days=90),
            "start_date": today - timedelta(days=10),
            "end_date": today + timedelta(days=35),
            "methods": [method["webbenkat"], method["fokusgrupp"]],
            "target_groups": [group["invanare-over-75"], group["foreningslivet"]],
            "areas": [area["hela-kommunen"]],
            "contact_name": "Lars Berg",
            "contact_role": "digitaliseringsstrateg",
            "contact_email": "lars.berg@mittkoping.se",
            "contact_phone": "0123-45 67 30",
            "events": [
                DialogueEvent(
                    title="Referensgruppens första träff",
                    starts_at=_at(today + timedelta(days=7), 14, 0),
                    ends_at=_at(today + timedelta(days=7), 16, 0),
                    place="Träffpunkt Solgläntan",
                    address="Solgatan 12, Mittköping",
                    accessibility="Hiss, hörslinga och parkering för "
                    "rörelsehindrade vid entrén. Kaffe serveras.",
                    registration_url="https://mittkoping.se/anmalan/referensgrupp",
                ),
                DialogueEvent(
                    title="Prova-på-dag med it-instruktörer",
                    starts_at=_at(today + timedelta(days=21), 10, 0),
                    ends_at=_at(today + timedelta(days=21), 13, 0),
                    place="Stadsbiblioteket",
                    address="Biblioteksgatan 1, Mittköping",
                    accessibility="Entré utan trappsteg, datorer med stor skärm.",
                ),
            ],
            "survey": True,
        },
        {
            "slug": "viktigast-for-mittkoping",
            "title": "Vad är viktigast för att utveckla Mittköping?",
            "question": "Vad är det viktigaste som kommunens politiker och "
            "tjänstepersoner bör göra för att utveckla Mittköping, och vad kan du "
            "själv göra?",
            "introduction": "Inför den nya översiktsplanen vill kommunstyrelsen "
            "resonera med invånarna om framtiden.",
            "influence_level": InfluenceLevel.DIALOGUE,
            "status": Status.OPEN,
            "open_to_influence": "<p>Vilka utvecklingsområden översiktsplanen "
            "prioriterar: bostäder, service på landsbygden, kommunikationer.</p>",
            "fixed_frame": "<p>Riksintressen och beslutade detaljplaner ändras "
            "inte.</p>",
            "committee": committee["kommunstyrelsen"],
            "decision_planned_date": today + timedelta(days=180),
            "start_date": today - timedelta(days=20),
            "end_date": today + timedelta(days=60),
            "methods": [
                method["open-space"],
                method["kafedialog"],
                method["forslagslada"],
            ],
            "target_groups": [group["alla-invanare"], group["unga"]],
            "areas": [area["hela-kommunen"], area["sodra"]],
            "contact_name": "Anna Lund",
            "contact_role": "samhällsplanerare",
            "contact_email": "anna.lund@mittkoping.se",
            "events": [
                DialogueEvent(
                    title="Open space om Mittköpings framtid",
                    starts_at=_at(today + timedelta(days=14), 9, 0),
                    ends_at=_at(today + timedelta(days=14), 15, 0),
                    place="Kulturhuset, stora salen",
                    address="Torget 2, Mittköping",
                    accessibility="Hiss, hörslinga, teckenspråkstolk på begäran.",
                    registration_url="https://mittkoping.se/anmalan/open-space",
                )
            ],
        },
        {
            "slug": "ungdomsbudget-2027",
            "title": "Ungdomsbudget 2027",
            "question": "Hur ska 500 000 kronor användas för unga i Mittköping?",
            "introduction": "Unga mellan 13 och 19 år bestämmer tillsammans med "
            "kultur- och fritidsnämnden hur pengarna används.",
            "influence_level": InfluenceLevel.CO_DECISION,
            "status": Status.PLANNED,
            "open_to_influence": "<p>Vilka förslag som genomförs, inom budgeten.</p>",
            "fixed_frame": "<p>Budgeten är 500 000 kronor. Förslagen ska vara "
            "lagliga och genomförbara under 2027.</p>",
            "committee": committee["kultur-och-fritidsnamnden"],
            "decision_planned_date": today + timedelta(days=150),
            "start_date": today + timedelta(days=30),
            "end_date": today + timedelta(days=100),
            "methods": [method["radslag"]],
            "target_groups": [group["unga"]],
            "areas": [area["hela-kommunen"]],
            "contact_name": "Omar Said",
            "contact_role": "fritidsledare",
            "contact_email": "omar.said@mittkoping.se",
        },
        {
            "slug": "hemtjansten-i-mittkoping",
            "title": "Hemtjänsten i Mittköping",
            "question": "Vad är viktigast för dig när du får hjälp av hemtjänsten?",
            "introduction": "Vård- och omsorgsnämnden för dialog enligt sin "
            "genomförandeplan för året.",
            "influence_level": InfluenceLevel.CONSULTATION,
            "status": Status.COMPILING,
            "open_to_influence": "<p>Hur besöken planeras och vilka tjänster som "
            "erbjuds digitalt.</p>",
            "fixed_frame": "<p>Hemtjänstens budget för året ändras inte.</p>",
            "committee": committee["vard-och-omsorgsnamnden"],
            "decision_planned_date": today + timedelta(days=45),
            "start_date": today - timedelta(days=70),
            "end_date": today - timedelta(days=10),
            "methods": [method["e-panel"], method["omradesvandring"]],
            "target_groups": [group["alla-invanare"], group["invanare-over-75"]],
            "areas": [area["centrum"], area["sodra"]],
            "contact_name": "Eva Holm",
            "contact_role": "nämndsekreterare",
            "contact_email": "eva.holm@mittkoping.se",
            "events": [
                DialogueEvent(
                    title="Områdesvandring kring träffpunkten",
                    starts_at=_at(today - timedelta(days=30), 13, 0),
                    ends_at=_at(today - timedelta(days=30), 15, 0),
                    place="Träffpunkt Söder",
                    address="Södra vägen 8, Mittköping",
                    accessibility="Slingan är 1,5 km på asfalt, bänkar längs vägen.",
                )
            ],
        },
        {
            "slug": "ny-cykelvag-storgatan",
            "title": "Ny gång- och cykelväg längs Storgatan",
            "question": "Så bygger vi den nya gång- och cykelvägen längs Storgatan.",
            "introduction": "Samhällsbyggnadsnämnden har beslutat om en ny gång- och "
            "cykelväg. Här berättar vi om tidplan och omledningar.",
            "influence_level": InfluenceLevel.INFORMATION,
            "status": Status.OPEN,
            "fixed_frame": "<p>Beslutet är fattat. Bygget pågår under våren och "
            "busshållplatsen Storgatan flyttas tillfälligt.</p>",
            "committee": committee["samhallsbyggnadsnamnden"],
            "start_date": today - timedelta(days=5),
            "end_date": today + timedelta(days=120),
            "methods": [method["informationsmote"]],
            "areas": [area["centrum"]],
            "contact_name": "Johan Ek",
            "contact_role": "projektledare",
            "contact_email": "johan.ek@mittkoping.se",
            "events": [
                DialogueEvent(
                    title="Informationsmöte om bygget",
                    starts_at=_at(today + timedelta(days=10), 18, 0),
                    ends_at=_at(today + timedelta(days=10), 19, 0),
                    place="Medborgarhuset",
                    address="Storgatan 20, Mittköping",
                    accessibility="Entré utan trappsteg, hörslinga.",
                )
            ],
        },
        {
            "slug": "framtidsverkstad-norra-parken",
            "title": "Framtidsverkstad för Norra parken",
            "question": "Hur vill vi att Norra parken ska se ut och användas?",
            "introduction": "Boende i Norra Mittköping planerade och genomförde "
            "upprustningen av parken tillsammans med kommunen.",
            "influence_level": InfluenceLevel.INFLUENCE,
            "status": Status.CLOSED,
            "open_to_influence": "<p>Parkens utformning, lekplats, belysning och "
            "planteringar inom budgeten.</p>",
            "fixed_frame": "<p>Budgeten var 2 miljoner kronor och parken skulle "
            "vara klar till sommaren.</p>",
            "committee": committee["samhallsbyggnadsnamnden"],
            "decision_planned_date": today - timedelta(days=200),
            "start_date": today - timedelta(days=400),
            "end_date": today - timedelta(days=300),
            "methods": [method["framtidsverkstad"]],
            "target_groups": [group["alla-invanare"], group["foreningslivet"]],
            "areas": [area["norra-mittkoping"]],
            "contact_name": "Maria Nilsson",
            "contact_role": "landskapsarkitekt",
            "contact_email": "maria.nilsson@mittkoping.se",
            "result": "<p>Tre framtidsverkstäder med 60 deltagare tog fram en plan "
            "med ny lekplats, bättre belysning och odlingslotter.</p>",
            "result_date": today - timedelta(days=280),
            "feedback": "<p>Planen visades i parken och på webben, och deltagarna "
            "bjöds in till invigningen.</p>",
            "feedback_date": today - timedelta(days=260),
            "decision": "<p>Nämnden beslutade att genomföra planen i sin helhet.</p>",
            "decision_date": today - timedelta(days=200),
            "effect_on_decision": "<p>Hela planen från framtidsverkstaden "
            "genomfördes; odlingslotterna sköts i dag av en förening.</p>",
        },
    ]


def _survey(dialogue):
    survey, created = _child(
        dialogue,
        DialogueSurveyPage,
        "enkat",
        title="Digitala tjänster för dig över 75",
        introduction="<p>Det tar ungefär fem minuter att svara. Du är anonym.</p>",
        thank_you_text="<p>Tack! Resultatet redovisas på dialogsidan.</p>",
        form_fields=[
            SurveyField(
                sort_order=0,
                label="Hur ofta använder du internet?",
                field_type="radio",
                required=True,
                choices="Varje dag\nNågon gång i veckan\nSällan\nAldrig",
            ),
            SurveyField(
                sort_order=1,
                label="Vilka tjänster vill du kunna använda digitalt?",
                field_type="checkboxes",
                required=False,
                choices="Boka tid\nSöka bidrag\nFölja ärenden\nBiblioteket",
            ),
            SurveyField(
                sort_order=2,
                label="Vad skulle göra det lättare för dig?",
                field_type="multiline",
                required=False,
            ),
        ],
    )
    return survey


def build(site, stdout):
    _snippets()
    home = site.root_page.specific
    index, __ = _child(
        home,
        DialogueIndexPage,
        "dialoger",
        title="Dialoger",
        introduction="<p>Här är Mittköpings dialoger med invånarna: vad du kan "
        "påverka, hur du deltar och vad som blev resultatet.</p>",
    )
    ladder, __ = _child(
        index,
        LadderPage,
        "delaktighetstrappan",
        title="Delaktighetstrappan",
        introduction="<p>Delaktighetstrappan visar hur mycket du kan påverka i en "
        "dialog. Vi kallar aldrig information för dialog.</p>",
    )
    translate(
        index,
        title="Dialogues",
        introduction="<p>Mittköping's dialogues with its residents: what you can "
        "influence, how to take part and what came of them. Most dialogues are "
        "described in Swedish.</p>",
    )
    translate(
        ladder,
        title="The participation ladder",
        introduction="<p>The participation ladder shows how much you can "
        "influence in a dialogue. We never call information a dialogue.</p>",
    )
    today = timezone.localdate()
    for data in _dialogues(today):
        data = dict(data)
        document = data.pop("document", None)
        wants_survey = data.pop("survey", False)
        slug = data.pop("slug")
        if document:
            data["documents"] = [
                DialogueDocument(document=_document(*document), sort_order=0)
            ]
        dialogue, created = _child(index, DialoguePage, slug, **data)
        if wants_survey:
            _survey(dialogue)
        demo_comments.build(dialogue)
    _feature(
        home, DialoguePage.objects.child_of(index).get(slug="viktigast-for-mittkoping")
    )
    stdout.write(f"Dialogues: {DialoguePage.objects.count()} under {index.url}")


FEATURED_TEXT = {
    "sv": "Kommunen tar fram en ny utvecklingsplan. Berätta vad som är viktigast "
    "för dig – på webben eller på ett öppet möte.",
    "en": "The municipality is drawing up a new development plan. Tell us what "
    "matters most to you – online or at an open meeting (in Swedish).",
}


def _feature(home, dialogue):
    """Communicators put the municipality's broadest dialogue first on the front
    page, in each of its languages (once: an edited front page is left as it is)."""
    for page in [home, *home.get_translations().specific()]:
        if page.featured:
            continue
        text = FEATURED_TEXT.get(page.locale.language_code, FEATURED_TEXT["sv"])
        page.featured = [("page", {"page": dialogue, "text": text})]
        page.save_revision().publish()
