"""Text documents are served with their charset, and kept as UTF-8 whatever
encoding they were uploaded in."""

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model

pytestmark = pytest.mark.django_db

TEXT = "Sammanställning från kafédialogen på Åby: önskemål om bänkar."


@pytest.fixture
def admin_client(client, site):
    client.force_login(User.objects.get(username="admin"))
    return client


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252"])
def test_a_text_document_is_stored_and_served_as_utf8(admin_client, encoding):
    upload = SimpleUploadedFile(
        "sammanstallning.txt", TEXT.encode(encoding), content_type="text/plain"
    )
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Sammanställning", "file": upload, "collection": "1"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    document = get_document_model().objects.get(title="Sammanställning")
    with document.file.open("rb") as stored:
        assert stored.read().decode("utf-8") == TEXT

    served = admin_client.get(document.url)
    assert served.status_code == 200
    assert served["Content-Type"] == "text/plain; charset=utf-8"
    body = b"".join(served.streaming_content) if served.streaming else served.content
    assert body.decode("utf-8") == TEXT
