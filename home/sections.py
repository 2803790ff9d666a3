"""The front page's sections. Each app that has something to show there registers
a function with the `delaktig_home_section` hook: it is given the request and the
home page and returns a HomeSection (or None when it has nothing to show). The
home app knows no other app; the sections come in their `order`."""

from dataclasses import dataclass, field

from wagtail import hooks

HOOK = "delaktig_home_section"


@dataclass
class HomeSection:
    template: str
    order: int
    context: dict = field(default_factory=dict)


def home_sections(request, page):
    found = (make(request, page) for make in hooks.get_hooks(HOOK))
    return sorted((section for section in found if section), key=lambda s: s.order)
