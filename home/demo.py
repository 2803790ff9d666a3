"""Demo content for the site itself: Mittköping's home page, legal pages and users."""

import io

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Page

from municipality import site_address
from municipality.models import MunicipalitySettings

from . import demo_english
from .models import HomePage, StandardPage

MUNICIPALITY = "Mittköpings kommun"

DEMO_USERS = [
    # username, password, first name, last name, group (None = administrator)
    ("admin", "Mittkoping-admin-2026", "Alva", "Administratör", None),
    ("kommunikator", "Mittkoping-kommunikator-2026", "Karin", "Lind", "Kommunikatörer"),
    ("politiker", "Mittkoping-politiker-2026", "Per", "Holm", "Politiker"),
]

HOME_INTRODUCTION = (
    "<p>I Mittköping formar vi framtiden tillsammans med dem som bor här. "
    "Här ser du vilka dialoger kommunen för just nu, vad du kan påverka och hur du "
    "deltar, och vad som blev resultatet. I förslagslådan kan du lämna egna förslag "
    "och stödja andras.</p>"
    "<p>Lyssna och se, tänka och tycka – självklart är alla med!</p>"
)

ACCESSIBILITY_BODY = [
    (
        "paragraph",
        "<p>Mittköpings kommun står bakom den här webbplatsen. Vi vill att så "
        "många som möjligt ska kunna använda den. Här beskriver vi hur webbplatsen "
        "uppfyller lagen om tillgänglighet till digital offentlig service, kända "
        "tillgänglighetsproblem och hur du kan rapportera brister till oss så att vi "
        "kan åtgärda dem.</p>",
    ),
    ("heading", "Hur tillgänglig är webbplatsen?"),
    (
        "paragraph",
        "<p>Webbplatsen är byggd för att uppfylla WCAG 2.1 nivå AA. Den "
        "fungerar utan JavaScript, kan användas med tangentbord och skärmläsare och "
        "går att förstora till 400 procent.</p>",
    ),
    ("heading", "Vad kan du göra om du inte kan använda delar av webbplatsen?"),
    (
        "paragraph",
        "<p>Om du behöver innehåll i ett annat format, kontakta oss på "
        "kontakt@mittkoping.se eller 0123-45 67 00.</p>",
    ),
    ("heading", "Rapportera brister"),
    (
        "paragraph",
        "<p>Vi strävar hela tiden efter att förbättra tillgängligheten. Om "
        "du upptäcker problem som inte beskrivs på den här sidan, meddela oss så "
        "att vi "
        "vet att problemet finns. Myndigheten för digital förvaltning (Digg) ansvarar "
        "för tillsynen enligt lagen.</p>",
    ),
]

PRIVACY_BODY = [
    (
        "paragraph",
        "<p>Här beskriver vi vilka personuppgifter Mittköpings kommun "
        "behandlar när du deltar i en dialog, lämnar ett förslag eller skriver under "
        "ett förslag, varför vi gör det och hur länge vi sparar uppgifterna.</p>",
    ),
    ("heading", "Ett förslag är en allmän handling"),
    (
        "paragraph",
        "<p>Det du skriver i ett förslag blir en allmän handling när det "
        "kommer in till kommunen. Rubrik, text och det namn du väljer att visa "
        "publiceras på webbplatsen.</p>",
    ),
    ("heading", "Din e-postadress visas aldrig"),
    (
        "paragraph",
        "<p>Vi använder din e-postadress bara för att bekräfta att det är "
        "du, och för att berätta vad som händer med förslaget om du ber om det. Den "
        "visas aldrig på webbplatsen, i flöden eller i öppna data.</p>",
    ),
    ("heading", "Underskrifter med e-legitimation"),
    (
        "paragraph",
        "<p>När du skriver under med e-legitimation (BankID eller Freja eID) får vi "
        "ditt personnummer från kommunens identitetstjänst, men vi sparar det inte, "
        "skriver det inte i loggar och skickar det aldrig vidare. Vi sparar bara en "
        "nyckel som räknas fram ur numret med en kod som bara kommunen har. Den gör "
        "att samma person räknas en gång per förslag, men ingen kan räkna tillbaka "
        "till personnumret. Där förslagslådan kräver det sparar vi inte heller vilken "
        "kommun du är folkbokförd i, bara att du fick skriva under. Nyckeln tas "
        "bort samtidigt som e-postadresserna (se nedan).</p>",
    ),
    ("heading", "Så länge sparar vi uppgifterna"),
    (
        "paragraph",
        "<p>Förslaget, antalet underskrifter och de namn som visats publikt finns "
        "kvar, eftersom förslaget är en allmän handling. E-postadresser och "
        "IP-adresser till dig som lämnat eller skrivit under ett förslag tas bort "
        "{months} månader efter att förslaget besvarats, stängts, avvisats eller "
        "återkallats. Det sker automatiskt varje natt.</p>",
    ),
    ("heading", "Ta bort dina underskrifter"),
    (
        "paragraph",
        "<p>Medan ett förslag är öppet kan du ta bort din underskrift när du vill. "
        'Skriv din e-postadress på sidan <a href="/mina-underskrifter/">Ta bort mina '
        "underskrifter</a> så skickar vi en länk till dig.</p>",
    ),
    ("heading", "Dina rättigheter"),
    (
        "paragraph",
        "<p>Du har rätt att få veta vilka uppgifter vi har om dig, att få "
        "fel rättade och att få uppgifter raderade när vi inte längre behöver dem. "
        "Kontakta kommunens dataskyddsombud på dataskydd@mittkoping.se.</p>",
    ),
]


def _logo_image():
    """Draw the demo municipality's emblem in code, so no binary file is committed."""
    Image = get_image_model()
    existing = Image.objects.filter(title="Mittköpings kommunvapen").first()
    if existing:
        return existing
    canvas = PILImage.new("RGB", (128, 128), "#ffffff")
    draw = ImageDraw.Draw(canvas)
    draw.polygon([(14, 10), (114, 10), (114, 70), (64, 120), (14, 70)], fill="#0b4f6c")
    draw.polygon([(64, 26), (94, 80), (34, 80)], fill="#ffbf47")
    draw.ellipse((54, 40, 74, 60), fill="#ffffff")
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    return Image.objects.create(
        title="Mittköpings kommunvapen",
        file=ImageFile(buffer, name="mittkoping-logo.png"),
    )


def _home_page():
    home = HomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    if home:
        return home
    root = Page.get_first_root_node()
    # Wagtail's placeholder "Welcome" page has the slug our home page needs.
    for placeholder in root.get_children().filter(slug="home").exact_type(Page):
        placeholder.delete()
    home = HomePage(
        title="Delaktighet i Mittköping",
        slug="home",
        introduction=HOME_INTRODUCTION,
        search_description="Dialoger och förslagslåda för Mittköpings invånare.",
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    return home


def _site(home):
    """The default site, at the site's address (DELAKTIG_SITE_URL), so links in
    e-mails sent by cron tasks work."""
    return site_address.apply(root_page=home, site_name=MUNICIPALITY)


def standard_page(parent, slug, title, introduction, body):
    """Return the child page with this slug, creating and publishing it once."""
    page = parent.get_children().filter(slug=slug).specific().first()
    if page:
        return page
    page = StandardPage(title=title, slug=slug, introduction=introduction, body=body)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _users(stdout):
    for username, password, first, last, group_name in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "email": f"{username}@mittkoping.se",
                "is_staff": group_name is None,
                "is_superuser": group_name is None,
            },
        )
        if created:
            user.set_password(password)
            user.save()
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        stdout.write(
            f"  {username:<14} {password:<32} ({group_name or 'administratör'})"
        )


def build(stdout):
    home = _home_page()
    site = _site(home)
    accessibility = standard_page(
        home,
        "tillganglighetsredogorelse",
        "Tillgänglighetsredogörelse",
        "Så tillgänglig är Delaktig – Mittköpings webbplats för dialog och förslag.",
        ACCESSIBILITY_BODY,
    )
    privacy = standard_page(
        home,
        "personuppgifter",
        "Så hanterar vi personuppgifter",
        "Vilka uppgifter vi sparar när du deltar, varför och hur länge.",
        [
            (kind, text.format(months=settings.DELAKTIG_RETENTION_MONTHS))
            for kind, text in PRIVACY_BODY
        ],
    )
    demo_english.build(home, accessibility, privacy)
    municipality = MunicipalitySettings.for_site(site)
    changed = False
    wanted = {
        "name": MUNICIPALITY,
        "contact_email": "kontakt@mittkoping.se",
        "contact_phone": "0123-45 67 00",
        "accessibility_page_id": accessibility.id,
        "privacy_page_id": privacy.id,
    }
    for field, value in wanted.items():
        if getattr(municipality, field) != value:
            setattr(municipality, field, value)
            changed = True
    if municipality.logo_id is None:
        municipality.logo = _logo_image()
        changed = True
    if changed:
        municipality.save()
    admin_url = f"{settings.WAGTAILADMIN_BASE_URL}/{settings.ADMIN_PATH}/"
    stdout.write(f"Demo users (log in at {admin_url}):")
    _users(stdout)
    return site
