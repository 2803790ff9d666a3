import io

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_demo_and_pages(client):
    call_command("load_demo", stdout=io.StringIO())
    from proposals.models import Proposal

    r = client.get("/forslagslada/")
    assert r.status_code == 200, r.content[:3000]
    p = Proposal.objects.filter(status="open").first()
    r = client.get(f"/forslagslada/forslag/{p.pk}/")
    assert r.status_code == 200
    r = client.get("/forslagslada/lamna-forslag/")
    assert r.status_code == 200
