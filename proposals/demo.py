"""Demo content: Mittköping's suggestion box with proposals in every state."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.db.models import F
from django.utils import timezone

from dialogues.models import DialoguePage
from municipality import demo as municipality_demo
from municipality.models import Committee
from proposals import demo_accountability, lifecycle, signature_log
from proposals import demo_timeline as timeline
from proposals.admissibility.defaults import MITTKOPING_LISTS
from proposals.constants import (
    DecisionOutcome,
    EntryKind,
    RejectionReason,
    SignatureMethod,
    Status,
)
from proposals.models import (
    AdmissibilityWordList,
    PoliticianProfile,
    Proposal,
    Signature,
    SuggestionBoxPage,
    Topic,
)
from proposals.models.signature import normalise_email

RULES = (
    "<p>Du som bor, arbetar eller studerar i Mittköping kan lämna förslag om sådant "
    "som kommunen ansvarar för: skola och förskola, omsorg, gator och parker, "
    "kultur och fritid, miljö och stadsplanering.</p>"
    "<p>Frågor som staten eller regionen ansvarar för, till exempel vården, "
    "polisen och de statliga vägarna, kan kommunen inte besluta om.</p>"
    "<p>Ett förslag som har lämnats till kommunen besvaras inom nämndens "
    "handläggningstid, och annars inom sex månader. Varje förslag visar hur lång "
    "tid som är kvar. Fler kommuner har liknande regler för e-förslag, till "
    "exempel Göteborg och Örnsköldsvik.</p>"
)

TOPICS = [
    ("Trafik och gator", "trafik"),
    ("Skola och förskola", "skola"),
    ("Miljö och natur", "miljo"),
    ("Kultur och fritid", "kultur-fritid"),
    ("Stadsplanering", "stadsplanering"),
    ("Omsorg", "omsorg"),
]

FIRST_NAMES = [
    "Anna",
    "Erik",
    "Maria",
    "Lars",
    "Karin",
    "Johan",
    "Sara",
    "Ahmed",
    "Elin",
    "Mohammed",
    "Lena",
    "Nils",
    "Fatima",
    "Per",
    "Ida",
    "Olle",
    "Amira",
    "Gustav",
]
LAST_NAMES = [
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
    "Svensson",
    "Gustafsson",
    "Hassan",
    "Lindqvist",
]

# Signed by e-mail or with e-legitimation (the Test-e-legitimation in development).
EID_DEMO_TITLE = "Utegym vid Norrskolan"

# title, topic, area, author, state, signatures, days since opening, text
PROPOSALS = [
    (
        "Bättre belysning längs gång- och cykelvägen vid Ån",
        "trafik",
        "centrum",
        "Elin S.",
        Status.OPEN,
        87,
        20,
        "Gång- och cykelvägen mellan Resecentrum och Ådalsskolan är mörk på vintern. "
        "Sätt upp fler lampor så att fler vågar gå och cykla på kvällen.",
    ),
    (
        "Fler papperskorgar i Stadsparken",
        "miljo",
        "centrum",
        "Nils",
        Status.OPEN,
        99,
        60,
        "På sommaren blir det mycket skräp i Stadsparken eftersom papperskorgarna är "
        "för få och blir fulla. Ställ ut fler, gärna med sortering.",
    ),
    (
        "Utegym vid Norrskolan",
        "kultur-fritid",
        "norra-mittkoping",
        "Amira och Olle",
        Status.OPEN,
        12,
        5,
        "Bygg ett enkelt utegym vid Norrskolan som alla kan använda efter skoltid.",
    ),
    (
        "Mer vegetarisk mat i skolmatsalarna",
        "skola",
        "hela-kommunen",
        "Ida L.",
        Status.OPEN,
        3,
        2,
        "Erbjud ett vegetariskt alternativ varje dag i alla kommunens skolor.",
    ),
    (
        "Förläng bibliotekets öppettider på helgerna",
        "kultur-fritid",
        "centrum",
        "Gustav",
        Status.REFERRED,
        312,
        40,
        "Stadsbiblioteket stänger klockan 14 på lördagar och har stängt på söndagar. "
        "Håll öppet längre så att fler kan studera och låna.",
    ),
    (
        "Säkrare övergångsställe vid Storgatan–Skolvägen",
        "trafik",
        "sodra",
        "Lena P.",
        Status.REFERRED,
        150,
        30,
        "Barn korsar Storgatan vid Skolvägen varje morgon. Bygg ett upphöjt "
        "övergångsställe och sätt upp blinkande skyltar.",
    ),
    (
        "Hundrastgård i Södra Mittköping",
        "miljo",
        "sodra",
        "Per H.",
        Status.ANSWERED,
        205,
        120,
        "Det finns ingen inhägnad hundrastgård söder om ån. Anlägg en vid Södra ängen.",
    ),
    (
        "Ny badplats vid Ådalen",
        "kultur-fritid",
        "adalen",
        "Sara",
        Status.ANSWERED,
        130,
        150,
        "Gör i ordning en badplats med brygga och toalett vid Ådalens gamla kvarn.",
    ),
    (
        "Konstgräsplan i Kustbyarna",
        "kultur-fritid",
        "kustbyarna",
        "Johan",
        Status.CLOSED_UNSUPPORTED,
        23,
        120,
        "Barnen i Kustbyarna måste åka in till stan för att träna fotboll på vintern. "
        "Bygg en konstgräsplan vid bygdegården.",
    ),
    (
        "Pensionärsrabatt i simhallen",
        "omsorg",
        "hela-kommunen",
        "Karin E.",
        Status.CLOSED_UNSUPPORTED,
        41,
        100,
        "Inför rabatt för pensionärer i Mittköpings simhall på förmiddagarna.",
    ),
    (
        "Sänk hastigheten på riksvägen genom Kustbyarna",
        "trafik",
        "kustbyarna",
        "Lars",
        Status.REJECTED,
        0,
        None,
        "Sänk hastigheten till 60 km/h på riksvägen genom Kustbyarna.",
    ),
    (
        "Laddstolpar vid simhallen",
        "miljo",
        "centrum",
        "Ahmed",
        Status.IN_MODERATION,
        0,
        None,
        "Sätt upp laddstolpar för elbilar på simhallens parkering.",
    ),
    (
        "Parklets på Kyrkogatan",
        "stadsplanering",
        "centrum",
        "Maria",
        Status.SUBMITTED,
        0,
        None,
        "Gör om några parkeringsplatser på Kyrkogatan till sittplatser och "
        "planteringar under sommaren.",
    ),
    (
        "Flytta julmarknaden till Stortorget",
        "stadsplanering",
        "centrum",
        "Erik",
        Status.WITHDRAWN,
        8,
        10,
        "Julmarknaden skulle få fler besökare på Stortorget än i Stadsparken.",
    ),
]


# name, slug, expected handling days
COMMITTEES = [
    ("Kommunstyrelsen", "kommunstyrelsen", 90),
    ("Tekniska nämnden", "tekniska-namnden", 60),
    ("Kultur- och fritidsnämnden", "kultur-och-fritidsnamnden", 60),
]
TOPIC_COMMITTEES = {
    "trafik": "tekniska-namnden",
    "miljo": "tekniska-namnden",
    "kultur-fritid": "kultur-och-fritidsnamnden",
}
# Proposals residents left in the open dialogue that uses the method förslagslåda.
DIALOGUE_SLUG = "viktigast-for-mittkoping"
DIALOGUE_PROPOSALS = [
    "Fler papperskorgar i Stadsparken",
    "Utegym vid Norrskolan",
    "Förläng bibliotekets öppettider på helgerna",
]
POLITICIAN = {
    "username": "politiker",
    "name": "Per Holm",
    "party": "Mittenpartiet",
    "role": "ordförande i tekniska nämnden",
    "committees": ["tekniska-namnden", "kultur-och-fritidsnamnden"],
}
RESPONSES = {
    "Säkrare övergångsställe vid Storgatan–Skolvägen": (
        "Tack för förslaget. Tekniska nämnden tar upp det på sitt möte i vår, och "
        "jag har bett förvaltningen räkna på ett upphöjt övergångsställe."
    ),
    "Hundrastgård i Södra Mittköping": (
        "Vi har hittat en plats vid Södra ängen. Nämnden föreslår en mindre "
        "hundrastgård än förslaget, men med belysning."
    ),
    "Ny badplats vid Ådalen": (
        "Marken vid den gamla kvarnen är förorenad, så en badplats där är inte "
        "möjlig. Vi tittar på andra platser längs ån."
    ),
}
STATUS_UPDATES = {
    "Förläng bibliotekets öppettider på helgerna": (
        "Kultur- och fritidsförvaltningen utreder vad längre öppettider kostar och "
        "räknar med att lämna ett underlag till nämnden efter sommaren."
    ),
    "Hundrastgård i Södra Mittköping": (
        "Förvaltningen har besökt Södra ängen tillsammans med förslagsställaren."
    ),
}
IMPLEMENTATION = {
    "Hundrastgård i Södra Mittköping": (
        "Staketet är beställt. Hundrastgården väntas öppna i vår."
    ),
}


def _committees():
    return {
        slug: Committee.objects.get_or_create(
            slug=slug, defaults={"name": name, "expected_handling_days": days}
        )[0]
        for name, slug, days in COMMITTEES
    }


def _politician(committees):
    """Per Holm's profile for the demo user "politiker" (made by home.demo)."""
    user = User.objects.filter(username=POLITICIAN["username"]).first()
    if user is None:
        return None
    profile, _created = PoliticianProfile.objects.get_or_create(
        user=user,
        defaults={
            "name": POLITICIAN["name"],
            "party": POLITICIAN["party"],
            "role": POLITICIAN["role"],
        },
    )
    profile.committees.add(*(committees[slug] for slug in POLITICIAN["committees"]))
    return user


def _link_to_dialogue():
    dialogue = DialoguePage.objects.filter(slug=DIALOGUE_SLUG).first()
    if dialogue is not None:
        Proposal.objects.filter(
            title__in=DIALOGUE_PROPOSALS, dialogue__isnull=True
        ).update(dialogue=dialogue)


def _box(site):
    box = SuggestionBoxPage.objects.child_of(site.root_page).first()
    if box:
        return box
    box = SuggestionBoxPage(
        title="Förslagslådan",
        slug="forslagslada",
        introduction=(
            "Har du en idé om hur Mittköping kan bli bättre? Lämna ett förslag, "
            "eller stöd någon annans genom att skriva under."
        ),
        rules=RULES,
        admissibility_lists=[
            AdmissibilityWordList(kind=item.kind, name=item.name, words=item.words)
            for item in MITTKOPING_LISTS
        ],
    )
    site.root_page.add_child(instance=box)
    box.save_revision().publish()
    return box


def _signatures(proposal, count):
    """Confirmed signatures in bulk; the counter is set from the rows."""
    now = timezone.now()
    areas = list(municipality_demo.areas().values())
    rows = []
    for i in range(count):
        first = FIRST_NAMES[i % len(FIRST_NAMES)]
        last = LAST_NAMES[(i // len(FIRST_NAMES)) % len(LAST_NAMES)]
        email = f"invanare{proposal.pk}.{i}@example.se"
        rows.append(
            Signature(
                proposal=proposal,
                name=f"{first} {last[0]}.",
                show_name=i % 3 != 0,
                email=email,
                email_normalised=normalise_email(email),
                area=areas[i % len(areas)],
                confirmed_at=now - timedelta(minutes=i),
            )
        )
    Signature.objects.bulk_create(rows, batch_size=500)
    Proposal.objects.filter(pk=proposal.pk).update(
        signature_count=F("signature_count") + count
    )
    signature_log.backfill(proposal.pk)
    proposal.refresh_from_db()


def _follow_up(proposal, committees, politician, state):
    """Referral details, a politician's response, updates and the decision."""
    committee = committees[TOPIC_COMMITTEES.get(proposal.topic.slug, "kommunstyrelsen")]
    lifecycle.refer(
        proposal,
        committee=committee,
        case_number=f"KS 2026/{100 + proposal.pk}",
        notify=False,
    )
    if proposal.title in STATUS_UPDATES:
        lifecycle.add_status_update(
            proposal, text=STATUS_UPDATES[proposal.title], notify=False
        )
    if politician is not None and proposal.title in RESPONSES:
        lifecycle.add_response(
            proposal, user=politician, text=RESPONSES[proposal.title], notify=False
        )
    if state != Status.ANSWERED:
        return
    approved = "Hund" in proposal.title
    lifecycle.answer(
        proposal,
        outcome=DecisionOutcome.PARTLY_APPROVED
        if approved
        else DecisionOutcome.REJECTED,
        decision_url="https://www.mittkoping.se/protokoll",
        text=(
            f"{committee.name} beslutade att anlägga en mindre hundrastgård vid "
            "Södra ängen."
            if approved
            else f"{committee.name} avslog förslaget eftersom marken är förorenad."
        ),
        notify=False,
    )
    if proposal.title in IMPLEMENTATION:
        lifecycle.add_implementation_update(
            proposal, text=IMPLEMENTATION[proposal.title], notify=False
        )


def _backdate_confirmation(proposal, confirmed):
    """The demo publishes proposals in the past; let them have been sent in and
    received before that, so the trail and the handling times read true."""
    Proposal.objects.filter(pk=proposal.pk).update(
        created_at=confirmed - timedelta(hours=1), confirmed_at=confirmed
    )
    proposal.trail.filter(kind=EntryKind.RECEIVED).update(created_at=confirmed)
    proposal.refresh_from_db()


def _build_proposal(box, topics, row, committees=None, politician=None):
    title, topic, area, author, state, signatures, days_ago, text = row
    if box.proposals.filter(title=title).exists():
        return
    now = timezone.now()
    proposal = lifecycle.submit_proposal(
        box,
        title=title,
        text=text,
        topic=topics[topic],
        area=municipality_demo.areas()[area],
        author_name=author,
        author_email=f"forslag.{topic}@example.se",
        notify=False,
    )
    if state == Status.SUBMITTED:
        return
    lifecycle.confirm_proposal(proposal.pk, notify=False)
    if state == Status.IN_MODERATION:
        return
    if state == Status.REJECTED:
        lifecycle.reject(
            proposal,
            reason=RejectionReason.OUTSIDE_REMIT,
            message=(
                "Riksvägen är en statlig väg. Trafikverket beslutar om hastigheten; "
                "vänd dig dit med ditt förslag."
            ),
            notify=False,
        )
        return
    if title == EID_DEMO_TITLE:
        # Chosen by a communicator before publishing, as the admin allows.
        Proposal.objects.filter(pk=proposal.pk).update(
            signature_method=SignatureMethod.EITHER
        )
    opened = timeline.office_hours(now - timedelta(days=days_ago))
    lifecycle.approve(proposal, now=opened, notify=False)
    _backdate_confirmation(proposal, opened - timedelta(days=1 + len(title) % 4))
    _signatures(proposal, signatures)
    if state in (Status.REFERRED, Status.ANSWERED):
        _follow_up(proposal, committees, politician, state)
    elif state == Status.CLOSED_UNSUPPORTED:
        lifecycle.enforce_deadline(proposal, notify=False)
    elif state == Status.WITHDRAWN:
        lifecycle.withdraw_proposal(proposal, notify=False)
    proposal.refresh_from_db()
    timeline.spread_over_time(proposal)


def build(site, stdout):
    box = _box(site)
    topics = {
        slug: Topic.objects.get_or_create(slug=slug, defaults={"name": name})[0]
        for name, slug in TOPICS
    }
    committees = _committees()
    politician = _politician(committees)
    for row in PROPOSALS:
        _build_proposal(box, topics, row, committees, politician)
    _link_to_dialogue()
    demo_accountability.build(stdout)
    stdout.write(f"Suggestion box: {box.proposals.count()} proposals at {box.url}")
    eid_demo = box.proposals.filter(title=EID_DEMO_TITLE).first()
    if eid_demo and settings.DELAKTIG_TEST_EID:
        stdout.write(
            f"Test-e-legitimation (made-up test persons): sign ”{EID_DEMO_TITLE}” at "
            f"{box.absolute(eid_demo.get_url())}"
        )
