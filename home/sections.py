"""The front page's sections. Each app that has something to show there registers
a function with the `delaktig_home_section` hook: it is given the request and the
home page and returns its HomeSections (none when it has nothing to show), so it
looks up what they share once. The home app knows no other app; the sections
come in their `order`."""

from dataclasses import dataclass, field

from wagtail import hooks

HOOK = "delaktig_home_section"


@dataclass
class HomeSection:
    template: str
    order: int
    context: dict = field(default_factory=dict)


def home_sections(request, page):
    found = [
        section
        for make in hooks.get_hooks(HOOK)
        for section in make(request, page)
        if section
    ]
    return sorted(found, key=lambda section: section.order)
