"""A suggestion box, a dialogue index and a committee: what generate_bench_data
builds on (without the slower full demo)."""

import pytest

from dialogues.models import DialogueIndexPage
from municipality.models import Committee
from tests.proposals.factories import make_box, make_topic


@pytest.fixture
def bench_site(site):
    make_box(site, signature_threshold=50)
    make_topic()
    Committee.objects.get_or_create(slug="kommunstyrelsen", name="Kommunstyrelsen")
    index = DialogueIndexPage(title="Dialoger", slug="dialoger")
    site.root_page.add_child(instance=index)
    index.save_revision().publish()
    return site
