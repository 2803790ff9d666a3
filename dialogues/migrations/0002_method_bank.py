"""Seed the method bank with the handbook's methods (Kungsbacka 2012, pp. 11-18)
and those of Huddinge's participation spectrum (Jokkmokk slides)."""

from django.db import migrations

KUNGSBACKA = "Kungsbacka kommun, Handbok i invånardialog (2012), s. %s"
HUDDINGE = "Huddinges delaktighetsspektrum (Medborgardialog, Jokkmokks kommun)"

START = ["Beslut i politiskt organ", "Beslut hur frågan ska påverka beslutsfattandet"]
END = ["Resultatet sammanställs och återkopplas", "Resultatet återförs till beslutande organ"]

METHODS = [
    {
        "slug": "e-panel",
        "name": "E-panel",
        "lowest_level": "consultation",
        "highest_level": "consultation",
        "summary": "Du som har anmält dig till kommunens invånarpanel får några "
        "frågor i en enkät med jämna mellanrum.",
        "purpose": "Ett fåtal frågor i enkätform skickas med jämna mellanrum till "
        "deltagare som frivilligt anmält sig till en panel. Panelen ska följa det "
        "demografiska idealet så gott det går och därmed säkra en bred "
        "representation.",
        "steps": [*START, "Design av relevant fråga", "Frågan skickas ut", *END],
        "pluses": "Lättillgängligt, snabba svar, komplexa frågor möjliga.",
        "minuses": "Kräver systematiskt underhåll och återkoppling, etablering "
        "kräver resurser.",
        "source": KUNGSBACKA % "12",
    },
    {
        "slug": "sms-enkat",
        "name": "Sms-enkät",
        "lowest_level": "consultation",
        "highest_level": "consultation",
        "summary": "Du svarar på en kort fråga genom att skicka ett sms.",
        "purpose": "Ett snabbt och enkelt sätt att få svar på en fråga till en i "
        "förväg definierad grupp eller genom annonsering. Frågan måste vara enkelt "
        "formulerad; sms passar inte alla målgrupper.",
        "steps": [
            *START,
            "Design av enkel och tydlig fråga",
            "Kvalitetssäkring av frågan",
            "Urval av målgrupp",
            "Kontaktvägar för målgruppen",
            "Slutgiltig formulering av frågan",
            "Rutiner för återkoppling tas fram",
            "Sms-utskick",
            *END,
        ],
        "pluses": "Snabbt, billigt.",
        "minuses": "Svarsutrymmet begränsat, fångar inte alla målgrupper.",
        "source": KUNGSBACKA % "13",
    },
    {
        "slug": "kafedialog",
        "name": "Kafédialog",
        "lowest_level": "dialogue",
        "highest_level": "dialogue",
        "summary": "Du samtalar i små grupper i en kaféliknande miljö om frågor "
        "som är kända i förväg. Förtroendevalda deltar och lyssnar.",
        "purpose": "Deltagarna möts i en kaféliknande miljö för samtal om frågor som "
        "angivits i förväg, ofta i en arbetsbok. En opartisk tjänsteperson är "
        "samtalsledare. Förtroendevalda deltar i grupperna och fokuserar på att "
        "lyssna.",
        "steps": [
            *START,
            "Design av relevant fråga",
            "Kommunikationsplan och målgruppsanalys",
            "Inbjudan till aktuella målgrupper",
            "Rutiner för återkoppling tas fram",
            "Oberoende samtalsledare utses och utbildas",
            "Ordna det praktiska: lokal, fika, dukning och så vidare",
            "Arbetsbok arbetas fram",
            "Kafédialogen genomförs",
            *END,
        ],
        "pluses": "Fördjupning och förståelse möjlig.",
        "minuses": "Kostnads- och planeringskrävande, tid och fysisk närvaro "
        "begränsar.",
        "source": KUNGSBACKA % "14",
    },
    {
        "slug": "fokusgrupp",
        "name": "Fokusgrupp",
        "lowest_level": "consultation",
        "highest_level": "dialogue",
        "summary": "En mindre grupp invånare intervjuas tillsammans och berättar om "
        "sina erfarenheter och värderingar.",
        "purpose": "Gruppintervju där gruppen tillsammans ger uttryck för attityder "
        "och värderingar. En mix av olika människor i utvalda målgrupper är "
        "önskvärt.",
        "steps": [
            *START,
            "Design av relevant fråga",
            "Kommunikationsplan och målgruppsanalys",
            "Rekrytering av deltagare",
            "Rutiner för återkoppling tas fram",
            "Samtalsledare och dokumentatörer utses och utbildas",
            "Ordna det praktiska: lokal, fika, dukning och så vidare",
            "Fokusgruppen genomförs",
            *END,
        ],
        "pluses": "Billigt, fördjupning möjlig.",
        "minuses": "Samtalsledarens förmåga styr resultatet, utmaning att rekrytera "
        "deltagare.",
        "source": KUNGSBACKA % "15",
    },
    {
        "slug": "open-space",
        "name": "Open space",
        "lowest_level": "dialogue",
        "highest_level": "influence",
        "summary": "Många deltagare föreslår själva delfrågor och arbetar med dem i "
        "grupper efter intresse.",
        "purpose": "En metod för ett stort antal deltagare, som själva nominerar "
        "frågor de sedan arbetar med i grupper. Ställer stora krav på eget ansvar "
        "och tilltro till processen. Passar bra för framtidsfrågor.",
        "steps": [
            *START,
            "Design av relevant huvudfråga",
            "Kommunikationsplan och målgruppsanalys",
            "Rekrytering av deltagare",
            "Rutiner för återkoppling tas fram",
            "Ordna det praktiska: lokal, fika, dukning och så vidare",
            "Genomförande: frågan beskrivs, deltagarna nominerar underfrågor, "
            "organiserar sig i grupper efter intresse och reflektionerna samlas in",
            *END,
        ],
        "pluses": "Enkel att sätta upp, styrs mycket av deltagarna själva.",
        "minuses": "Kräver stor lokal och kringservice under flera timmar.",
        "source": KUNGSBACKA % "16",
    },
    {
        "slug": "forslagslada",
        "name": "Förslagslåda",
        "lowest_level": "consultation",
        "highest_level": "dialogue",
        "summary": "Du lämnar egna förslag och stödjer andras genom att skriva under.",
        "purpose": "Idéer eller förslag från invånarna tas in digitalt eller i en "
        "fysisk låda. Förslagen läggs ut på nätet där andra invånare kan stödja "
        "dem. Når ofta nya grupper.",
        "steps": [
            *START,
            "Kommunikationsplan och målgruppsanalys",
            "Design och uppsättning av funktionalitet på en webbplats",
            "Marknadsföring",
            "Resultatet återförs till beslutande organ kontinuerligt",
        ],
        "pluses": "Innehållsrik bild av vad som är angeläget.",
        "minuses": "Kräver en stor insats vid uppstart och löpande underhåll och "
        "återkoppling, begränsar vissa målgrupper, svårt att välja bort förslag som "
        "många stödjer men som inte går att genomföra.",
        "source": KUNGSBACKA % "17",
    },
    {
        "slug": "webbenkat",
        "name": "Webbenkät",
        "lowest_level": "consultation",
        "highest_level": "consultation",
        "summary": "Du svarar på en enkät här på webbplatsen medan dialogen pågår.",
        "purpose": "Webbenkäter är ett enkelt sätt att nå målgrupper med hög "
        "datorvana. Ger en tydlig bild av vad invånarna tycker är viktigt.",
        "steps": [
            *START,
            "Design och uppsättning av enkäten på webbplatsen",
            "Marknadsföring",
            "Enkäten är öppen medan dialogen pågår",
            *END,
        ],
        "pluses": "Direktkontakt med många på samma gång.",
        "minuses": "Kräver en stor insats vid uppstart och löpande underhåll och "
        "återkoppling, begränsar vissa målgrupper.",
        "source": KUNGSBACKA % "18",
    },
    {
        "slug": "sociala-medier-chatt",
        "name": "Sociala medier och chatt",
        "lowest_level": "consultation",
        "highest_level": "dialogue",
        "summary": "Du ställer frågor till och samtalar med förtroendevalda i en "
        "chatt eller i sociala medier.",
        "purpose": "Sociala medier och chattar kan vara enkla sätt att nå olika "
        "målgrupper som har en hög datorvana. Chatten genomförs av förtroendevalda.",
        "steps": [
            *START,
            "Design och uppsättning av chattfunktionalitet på en webbplats",
            "Marknadsföring",
            "Chatten genomförs av förtroendevalda",
            "Resultatet återförs till beslutande organ",
        ],
        "pluses": "Direktkontakt med många på samma gång.",
        "minuses": "Kräver en stor insats vid uppstart och löpande underhåll och "
        "återkoppling, begränsar vissa målgrupper.",
        "source": KUNGSBACKA % "18",
    },
    {
        "slug": "informationsmote",
        "name": "Informationsmöte",
        "lowest_level": "information",
        "highest_level": "information",
        "summary": "Kommunen berättar om ett beslut och svarar på frågor.",
        "purpose": "Envägskommunikation: tidning, webb, trycksak eller stormöte där "
        "kommunen informerar om något som redan är bestämt.",
        "steps": [
            "Beslut om vad som ska informeras",
            "Välj kanaler: webb, trycksak, stormöte",
            "Informationen ges",
            "Frågor besvaras",
        ],
        "pluses": "Når många, tydligt vad som gäller.",
        "minuses": "Ingen påverkan; får aldrig kallas dialog.",
        "source": HUDDINGE,
    },
    {
        "slug": "omradesvandring",
        "name": "Områdesvandring",
        "lowest_level": "consultation",
        "highest_level": "consultation",
        "summary": "Du går runt i ditt område tillsammans med politiker och "
        "tjänstepersoner och visar vad som fungerar och vad som behöver bli bättre.",
        "purpose": "Inhämta synpunkter på plats i ett bostadsområde eller en "
        "stadsdel, från dem som bor där.",
        "steps": [
            *START,
            "Välj område och planera en vandringsslinga",
            "Bjud in boende och berörda",
            "Rutiner för dokumentation och återkoppling tas fram",
            "Vandringen genomförs, synpunkter dokumenteras på plats",
            *END,
        ],
        "pluses": "Konkret, når boende på deras egen plats.",
        "minuses": "Beroende av väder och framkomlighet, svårt för den som har svårt "
        "att gå långt.",
        "source": HUDDINGE,
    },
    {
        "slug": "dialogseminarium",
        "name": "Dialogseminarium",
        "lowest_level": "dialogue",
        "highest_level": "dialogue",
        "summary": "Du läser eller lyssnar på en kort inledning och resonerar sedan "
        "med andra deltagare i ett samtal som leds av en samtalsledare.",
        "purpose": "Utbyte av tankar i ett strukturerat samtal, ofta vid flera "
        "tillfällen, där deltagarnas erfarenheter och reflektioner står i centrum.",
        "steps": [
            *START,
            "Design av frågan och ett inledande underlag",
            "Kommunikationsplan och målgruppsanalys",
            "Samtalsledare utses",
            "Seminarierna genomförs",
            *END,
        ],
        "pluses": "Fördjupning och gemensamt lärande.",
        "minuses": "Tidskrävande för deltagarna, kräver skicklig samtalsledning.",
        "source": HUDDINGE,
    },
    {
        "slug": "framtidsverkstad",
        "name": "Framtidsverkstad",
        "lowest_level": "influence",
        "highest_level": "influence",
        "summary": "Du är med och formulerar problem, drömmer om framtiden och "
        "planerar hur ni tillsammans ska genomföra förändringen.",
        "purpose": "Aktiviteter planeras och genomförs tillsammans. Deltagarna går "
        "från kritik via fantasi till en plan för genomförande.",
        "steps": [
            *START,
            "Kommunikationsplan och målgruppsanalys",
            "Rekrytering av deltagare",
            "Kritikfas: vad är problemet?",
            "Fantasifas: hur vill vi ha det?",
            "Genomförandefas: hur gör vi det tillsammans?",
            *END,
        ],
        "pluses": "Skapar engagemang och ägarskap för genomförandet.",
        "minuses": "Kräver att kommunen är beredd att genomföra det som planeras.",
        "source": HUDDINGE,
    },
    {
        "slug": "radslag",
        "name": "Rådslag",
        "lowest_level": "co_decision",
        "highest_level": "co_decision",
        "summary": "Du är med och fattar beslut tillsammans med de förtroendevalda.",
        "purpose": "Gemensamt beslutsfattande mellan invånare och förtroendevalda, "
        "till exempel om hur en budget ska användas.",
        "steps": [
            *START,
            "Beslut om vilka ramar och vilken budget som gäller",
            "Kommunikationsplan och målgruppsanalys",
            "Förslag tas fram",
            "Rådslaget genomförs och beslut fattas gemensamt",
            "Beslutet genomförs och återkopplas",
        ],
        "pluses": "Verkligt inflytande, stärker förtroendet.",
        "minuses": "Kräver tydliga ramar och att politiken lämnar ifrån sig makt.",
        "source": HUDDINGE,
    },
]


def seed_methods(apps, schema_editor):
    DialogueMethod = apps.get_model("dialogues", "DialogueMethod")
    for method in METHODS:
        data = dict(method)
        steps = data.pop("steps")
        slug = data.pop("slug")
        data["working_steps"] = "\n".join(steps)
        DialogueMethod.objects.update_or_create(slug=slug, defaults=data)


def remove_methods(apps, schema_editor):
    DialogueMethod = apps.get_model("dialogues", "DialogueMethod")
    DialogueMethod.objects.filter(slug__in=[m["slug"] for m in METHODS]).delete()


class Migration(migrations.Migration):
    dependencies = [("dialogues", "0001_initial")]

    operations = [migrations.RunPython(seed_methods, remove_methods)]
