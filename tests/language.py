"""Finds Swedish text that a page does not mark as Swedish (WCAG 3.1.2): the
text nodes whose nearest lang attribute is not "sv" yet read as Swedish."""

import re
from html.parser import HTMLParser

# Frequent Swedish words that are not English words.
SWEDISH_WORDS = frozenset(
    [
        "och",
        "att",
        "för",
        "som",
        "är",
        "på",
        "med",
        "till",
        "av",
        "om",
        "det",
        "inte",
        "kan",
        "vi",
        "du",
        "har",
        "vill",
        "ska",
        "eller",
        "från",
        "vid",
        "nya",
        "fler",
        "förslag",
        "kommun",
        "kommunen",
        "dialog",
        "dialoger",
        "nämnd",
        "nämnden",
        "invånare",
        "läs",
        "mer",
        "här",
        "hur",
        "vad",
        "när",
        "var",
        "finns",
        "alla",
        "efter",
        "sidan",
        "sida",
        "också",
        "mot",
        "inom",
        "samt",
        "får",
        "gäller",
        "behöver",
        "genom",
        "där",
        "detta",
        "denna",
        "dessa",
        "sina",
        "bättre",
        "längs",
        "gatan",
        "vägen",
        "parken",
        "skolan",
    ]
)
SWEDISH_LETTERS = re.compile(r"[åäöÅÄÖ]")
WORD = re.compile(r"[A-Za-zÅÄÖåäöÉé-]+")
# Elements whose text is not read as prose, and the head (a document's <title>
# cannot mark a part of itself as another language).
SKIPPED = {"head", "script", "style", "template", "code", "pre", "svg"}
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


def reads_as_swedish(text, names=()):
    """True if the text has a Swedish word or letter outside the proper `names`."""
    for name in names:
        text = text.replace(name, " ")
    words = WORD.findall(text)
    return any(
        word.lower() in SWEDISH_WORDS or SWEDISH_LETTERS.search(word) for word in words
    )


class _Walker(HTMLParser):
    def __init__(self, names):
        super().__init__(convert_charrefs=True)
        self.names = names
        self.stack = []  # (tag, lang or None)
        self.found = []

    def handle_starttag(self, tag, attrs):
        if any(open_tag in SKIPPED for open_tag, _lang in self.stack):
            if tag not in VOID:
                self.stack.append((tag, None))
            return
        if tag in VOID:
            attributes = dict(attrs)
            for name in ("alt", "placeholder", "title", "aria-label", "value"):
                if tag == "input" and name == "value":
                    continue
                self._check(attributes.get(name), attributes.get("lang"))
            return
        attributes = dict(attrs)
        self.stack.append((tag, attributes.get("lang")))
        for name in ("title", "aria-label"):
            self._check(attributes.get(name))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        if any(tag in SKIPPED for tag, _lang in self.stack):
            return
        self._check(data)

    def _lang(self, own=None):
        if own:
            return own
        for _tag, lang in reversed(self.stack):
            if lang:
                return lang
        return ""

    def _check(self, text, own_lang=None):
        text = (text or "").strip()
        if not text or self._lang(own_lang).startswith("sv"):
            return
        if reads_as_swedish(text, self.names):
            self.found.append(text[:120])


def unmarked_swedish(html, names=()):
    """The Swedish fragments of an English page that carry no lang="sv"."""
    walker = _Walker(names)
    walker.feed(html)
    return walker.found
