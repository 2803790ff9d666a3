"""Personal data in a proposal: identity numbers, phone numbers, e-mail and street
addresses, and private persons' names where the wording gives them away. Modest on
purpose: a name is only found after words like "grannen" or "heter", or as a
common first name followed by a typical Swedish surname."""

import re

from proposals.admissibility.findings import (
    EMAIL,
    PERSONAL_ID,
    PHONE,
    PRIVATE_NAME,
    STREET_ADDRESS,
    Finding,
)

# YYMMDD or YYYYMMDD, an optional - or +, four digits; not inside a longer number.
PERSONAL_ID_PATTERN = re.compile(r"(?<![\d-])(\d{6}|\d{8})([-+]?)(\d{4})(?![\d-])")
PHONE_PATTERN = re.compile(
    r"(?<![\w+])(?:\+46|0046|0)[\s-]?(?:\(0\)\s?)?\d{1,3}(?:[\s-]?\d){5,8}(?!\d)"
)
EMAIL_PATTERN = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
STREET_ENDINGS = (
    "gatan|vägen|gränd|gränden|stigen|backen|allén|torget|leden|platsen|stråket|"
    "slingan|svängen|liden|ringen|kajen|gata|väg"
)
STREET_PATTERN = re.compile(
    rf"\b(?!(?:Riks|Läns|Europa)v)([A-ZÅÄÖ][a-zåäöé]*(?:{STREET_ENDINGS}))\s+"
    r"(\d{1,3}(?:\s?[A-Ha-h])?)\b(?!\s*(?:km|m\b|meter|kr|%|procent|st\b|minuter))"
)
NAME = r"[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?"
# Words for a person that a private person's name follows: "grannen Anna Svensson".
ROLES = (
    "grannen|granne|grannarna|mannen|kvinnan|killen|tjejen|pojken|flickan|ägaren|"
    "hyresvärden|rektorn|läraren|lärarinnan|chefen|handläggaren|busschauffören|"
    "chauffören|föraren|vaktmästaren|tränaren|personen|sonen|dottern|fastighetsägaren|"
    "hundägaren|familjen|kollegan|eleven"
)
ROLE_NAME_PATTERN = re.compile(rf"\b(?i:{ROLES})\s+({NAME}(?:\s+{NAME})?)")
CALLED_PATTERN = re.compile(rf"\b(?i:heter|kallad|kallas)\s+({NAME}(?:\s+{NAME})?)")
FIRST_NAMES = (
    "Anna|Eva|Maria|Karin|Sara|Lena|Kerstin|Emma|Ingrid|Elin|Linda|Marie|Johanna|"
    "Malin|Sofia|Ida|Hanna|Jenny|Fatima|Amira|Lars|Mikael|Anders|Johan|Erik|Per|"
    "Karl|Peter|Jan|Thomas|Daniel|Fredrik|Hans|Bengt|Stefan|Mats|Magnus|Nils|"
    "Olle|Kalle|Gustav|Oskar|Ahmed|Mohammed|Ali|Björn|Sven|Göran|Leif|Bo|Åke"
)
SURNAME_ENDINGS = (
    "sson|berg|ström|lund|qvist|kvist|gren|holm|dahl|lind|ander|blad|bäck|stedt|"
    "din|ell|ius|man"
)
FULL_NAME_PATTERN = re.compile(
    rf"\b((?:{FIRST_NAMES})\s+[A-ZÅÄÖ][a-zåäö]*(?:{SURNAME_ENDINGS}))\b"
)


def luhn_valid(digits):
    total = 0
    for position, digit in enumerate(int(d) for d in digits):
        doubled = digit * 2 if position % 2 == 0 else digit
        total += doubled - 9 if doubled > 9 else doubled
    return total % 10 == 0


def _is_personal_id(date, separator, number):
    if len(date) == 8:
        if date[:2] not in ("18", "19", "20"):
            return False
        date = date[2:]
    elif not separator and date.startswith("0"):
        return False  # ten digits from 0 without a dash: a phone number
    month, day = int(date[2:4]), int(date[4:6])
    # A samordningsnummer adds 60 to the day.
    if not 1 <= month <= 12 or not (1 <= day <= 31 or 61 <= day <= 91):
        return False
    return luhn_valid(date + number)


def _personal_ids(text):
    for match in PERSONAL_ID_PATTERN.finditer(text):
        if _is_personal_id(*match.groups()):
            yield match


def _digits(value):
    return re.sub(r"\D", "", value)


def findings(text):
    found = []
    taken = []  # spans already reported as identity numbers
    for match in _personal_ids(text):
        found.append(Finding(PERSONAL_ID, match.group(0)))
        taken.append(match.span())
    for match in PHONE_PATTERN.finditer(text):
        start, end = match.span()
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        national = _digits(match.group(0)).removeprefix("0046").removeprefix("46")
        # Without its leading 0, a Swedish number has 7 to 9 digits.
        if 7 <= len(national.lstrip("0")) <= 9:
            found.append(Finding(PHONE, match.group(0).strip()))
    found += [Finding(EMAIL, m.group(0)) for m in EMAIL_PATTERN.finditer(text)]
    found += [
        Finding(STREET_ADDRESS, m.group(0)) for m in STREET_PATTERN.finditer(text)
    ]
    names = [m.group(1) for m in ROLE_NAME_PATTERN.finditer(text)]
    names += [m.group(1) for m in CALLED_PATTERN.finditer(text)]
    names += [m.group(1) for m in FULL_NAME_PATTERN.finditer(text)]
    found += [Finding(PRIVATE_NAME, name) for name in _distinct(names)]
    return _distinct(found)


def _distinct(items):
    return list(dict.fromkeys(items))
