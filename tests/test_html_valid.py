"""The HTML of every public page type is valid, as the Nu HTML Checker (vnu.jar,
installed by `make test` from npm; it needs Java) reads it."""

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command

from dialogues.models import DialogueIndexPage, DialoguePage, LadderPage
from proposals.demo import EID_DEMO_TITLE
from proposals.models import Proposal, SuggestionBoxPage

pytestmark = pytest.mark.django_db

VNU = (
    Path(__file__).resolve().parent.parent
    / ".venv/vnu/node_modules/vnu-jar/build/dist/vnu.jar"
)


def pages():
    box = SuggestionBoxPage.objects.live().get()
    dialogues = DialoguePage.objects.live()
    return [
        "/",
        "/en/",
        DialogueIndexPage.objects.live().get(locale__language_code="sv").url,
        LadderPage.objects.live().get(locale__language_code="sv").url,
        *[dialogue.url for dialogue in dialogues],
        box.url,
        box.url + "lamna-forslag/",
        *[proposal.get_url() for proposal in Proposal.objects.public()],
        "/sok/?q=park",
        "/statistik/",
        "/forsenade-svar/",
        "/ni-sa-vi-gjorde/",
        "/en/ni-sa-vi-gjorde/",
        "/personuppgifter/",
    ]


def test_every_public_page_type_is_valid_html(client, tmp_path, eid_http):
    java = shutil.which("java")
    if java is None or not VNU.exists():
        pytest.skip("Java or vnu.jar is missing (service missing: run `make test`)")
    call_command("load_demo", stdout=io.StringIO())
    files = {}
    for number, path in enumerate(pages()):
        response = client.get(path)
        assert response.status_code == 200, path
        target = tmp_path / f"page{number}.html"
        target.write_bytes(response.content)
        files[target.name] = path
    failed = client.post(
        Proposal.objects.filter(status="open").first().get_url() + "skriv-under/", {}
    )
    (tmp_path / "failed-sign.html").write_bytes(failed.content)
    files["failed-sign.html"] = "failed sign form"
    eid_proposal = Proposal.objects.get(title=EID_DEMO_TITLE)
    failed = client.post(eid_proposal.get_url() + "e-legitimation/", {})
    (tmp_path / "failed-eid-sign.html").write_bytes(failed.content)
    files["failed-eid-sign.html"] = "failed e-legitimation sign form"
    started = client.post(
        eid_proposal.get_url() + "e-legitimation/", {"name": "T", "consent": "on"}
    )
    (tmp_path / "test-eid.html").write_bytes(client.get(started["Location"]).content)
    files["test-eid.html"] = "Test-e-legitimation"
    run = subprocess.run(  # noqa: S603 (our own files, the checker from npm)
        [
            java,
            "-jar",
            str(VNU),
            "--errors-only",
            "--format",
            "json",
            *map(str, sorted(tmp_path.iterdir())),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    messages = json.loads(run.stderr or '{"messages": []}')["messages"]
    errors = [
        f"{files.get(Path(m.get('url', '')).name)}: {m.get('message')} "
        f"({m.get('extract', '')!r})"
        for m in messages
        if m.get("type") == "error"
    ]
    assert errors == [], "\n".join(errors)
