"""The demo's word lists for Mittköping: what the region and the state decide, and
words a moderator should look at twice. Editors change them in the box's
settings; these are a starting point, not a rule book."""

from proposals.admissibility.words import WordList

MITTKOPING_LISTS = [
    WordList(
        "region",
        "Hälso- och sjukvård",
        "sjukvård*, *sjukvård, vårdcentral*, sjukhus*, *sjukhus, akuten, "
        "akutmottagning*, tandvård*, *tandvård, 1177, BVC, MVC, barnmorska*, "
        "ambulans*, psykiatri*, *psykiatri, vårdköer, vårdkö, läkare, sjuksköterska*, "
        "vaccin*, region*",
    ),
    WordList(
        "region",
        "Kollektivtrafik",
        "kollektivtrafik*, busslinje*, *busslinje, linje, linjen, bussturer, "
        "bussturerna, turtäthet*, länstrafik*, regionbuss*, pendeltåg*, "
        "tågtrafik*, regiontåg*, tåget, tågen, tidtabell*, busskort*, periodkort*",
    ),
    WordList(
        "state",
        "Polis och rättsväsende",
        "*polis, polis*, domstol*, tingsrätt*, hovrätt*, åklagare*, fängelse*, "
        "kriminalvård*",
    ),
    WordList(
        "state",
        "Statliga vägar",
        "Trafikverket, riksväg*, europaväg*, E4, E6, E18, E20, E22, motorväg*, "
        "statliga vägar*, statlig väg*",
    ),
    WordList(
        "state",
        "Skatter och statliga myndigheter",
        "Skatteverket, inkomstskatt*, statlig skatt, statliga skatter, moms*, "
        "bensinskatt*, fordonsskatt*, Försäkringskassan, Arbetsförmedlingen, "
        "Migrationsverket, Pensionsmyndigheten, garantipension*, a-kassa*, Tullverket, "
        "försvarsmakt*, värnplikt*",
    ),
    WordList(
        "offensive",
        "Kränkande ord",
        "idiot*, jävl*, helvete*, fan, skit*, hora, horor, fitta, kuk, cp, mongo, "
        "pucko*, neger*, blatte*, zigenar*, bögjävl*, hat mot, dö, dra åt helvete, "
        "äckel, äckliga, avskum, parasit*, pack, slödder",
    ),
]
