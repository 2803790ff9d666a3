"""Titles a resident might type in the suggestion box of the Mittköping demo, with
the published proposals that are really about the same thing. An empty set: every
suggestion would be unrelated."""

from .cases import (
    BADPLATS,
    BELYSNING,
    BIBLIOTEK,
    HUNDRASTGARD,
    MAT,
    OVERGANG,
    PAPPERSKORG,
    UTEGYM,
)

SIMILAR_CASES = [
    ("Fler papperskorgar i parken", {PAPPERSKORG}),
    ("Töm papperskorgarna oftare", {PAPPERSKORG}),
    ("Belysning på cykelvägen", {BELYSNING}),
    ("Lampor längs gång- och cykelvägen", {BELYSNING}),
    ("Längre öppettider på biblioteket", {BIBLIOTEK}),
    ("Öppna biblioteket på söndagar", {BIBLIOTEK}),
    ("Inhägnad hundrastgård i Norra", {HUNDRASTGARD}),
    ("Rastgård för hundar", {HUNDRASTGARD}),
    ("Badplats med brygga vid sjön", {BADPLATS}),
    ("Utegym i Stadsparken", {UTEGYM}),
    ("Vegetarisk lunch i skolan", {MAT}),
    ("Upphöjt övergångsställe vid skolan", {OVERGANG}),
    ("Fler bänkar längs Storgatan", set()),
    ("Ny fotbollsplan", set()),
    ("Bättre snöröjning på gatorna", set()),
    ("Sänk hastigheten i centrum", set()),
]
