"""The communicator's side: panels, the seeded method bank, snippets, moderation."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django_comments_xtd.models import XtdComment

from dialogues.choices import Degree, InfluenceLevel
from dialogues.models import DialogueMethod, DialoguePage, TargetGroup

pytestmark = pytest.mark.django_db

HANDBOOK_METHODS = {
    "e-panel",
    "sms-enkat",
    "kafedialog",
    "fokusgrupp",
    "open-space",
    "forslagslada",
    "webbenkat",
    "sociala-medier-chatt",
}
HUDDINGE_METHODS = {
    "framtidsverkstad",
    "omradesvandring",
    "radslag",
    "dialogseminarium",
}


def test_method_bank_is_seeded_with_steps_purpose_and_pros_and_cons():
    methods = {m.slug: m for m in DialogueMethod.objects.all()}
    assert set(methods) >= HANDBOOK_METHODS | HUDDINGE_METHODS
    for slug in HANDBOOK_METHODS | HUDDINGE_METHODS:
        item = methods[slug]
        assert item.purpose and item.summary and item.pluses and item.minuses
        assert len(item.steps) >= 4
        assert InfluenceLevel.rank(item.lowest_level) <= InfluenceLevel.rank(
            item.highest_level
        )
    assert methods["kafedialog"].steps[0] == "Beslut i politiskt organ"
    assert methods["radslag"].lowest_level == InfluenceLevel.CO_DECISION
    assert methods["framtidsverkstad"].lowest_level == InfluenceLevel.INFLUENCE
    assert methods["sms-enkat"].highest_level == InfluenceLevel.CONSULTATION


def test_target_group_quadrants_follow_the_handbook():
    group = TargetGroup(
        name="Småbarnsföräldrar", affected=Degree.HIGH, active=Degree.LOW
    )
    assert "viktigast att nå" in str(group.analysis)


def test_edit_form_has_the_four_tabs(editor_client, make_dialogue):
    dialogue = make_dialogue()
    html = editor_client.get(
        reverse("wagtailadmin_pages:edit", args=[dialogue.pk])
    ).content.decode()
    for tab in ("Frågan", "Påverkan", "Delta", "Resultat och återkoppling"):
        assert f">{tab}<" in html or f"{tab}\n" in html
    assert 'name="events-TOTAL_FORMS"' in html
    assert 'name="methods"' in html


def test_preview_renders_the_dialogue(editor_client, make_dialogue):
    dialogue = make_dialogue(title="Förhandsvisning")
    url = reverse("wagtailadmin_pages:view_draft", args=[dialogue.pk])
    response = editor_client.get(url)
    assert response.status_code == 200
    assert "Förhandsvisning" in response.content.decode()


def test_communicators_manage_the_snippets():
    group = Group.objects.get(name="Kommunikatörer")
    codenames = set(group.permissions.values_list("codename", flat=True))
    for model in ("committee", "area", "targetgroup", "dialoguemethod"):
        assert {f"add_{model}", f"change_{model}"} <= codenames


def test_snippet_listing_is_available(editor_client):
    response = editor_client.get(
        reverse("wagtailsnippets_dialogues_dialoguemethod:list")
    )
    assert response.status_code == 200
    assert "Kafédialog" in response.content.decode()


def test_comment_moderation_lists_dialogue_comments(editor_client, make_dialogue):
    dialogue = make_dialogue()
    XtdComment.objects.create(
        content_type=ContentType.objects.get_for_model(DialoguePage),
        object_pk=str(dialogue.pk),
        site_id=1,
        user_name="Kim",
        user_email="kim@example.org",
        comment="Synlig för moderatorn",
        is_public=False,
    )
    XtdComment.objects.create(
        content_type=ContentType.objects.get_for_model(get_user_model()),
        object_pk="1",
        site_id=1,
        user_name="Annan",
        user_email="annan@example.org",
        comment="Inte en dialog",
    )
    html = editor_client.get(reverse("dialogue_comments:index")).content.decode()
    assert "Synlig för moderatorn" in html
    assert "Inte en dialog" not in html


def test_editors_get_wagtails_userbar_with_accessibility_checks(
    client, editor_client, make_dialogue
):
    dialogue = make_dialogue()
    assert "wagtail-userbar" in editor_client.get(dialogue.url).content.decode()
    client.logout()
    assert "wagtail-userbar" not in client.get(dialogue.url).content.decode()


def test_method_snippet_refuses_an_upside_down_range(editor_client):
    url = reverse("wagtailsnippets_dialogues_dialoguemethod:add")
    response = editor_client.post(
        url,
        {
            "name": "Medborgarbudget",
            "slug": "medborgarbudget",
            "summary": "Du röstar om budgeten.",
            "lowest_level": InfluenceLevel.CO_DECISION,
            "highest_level": InfluenceLevel.CONSULTATION,
        },
    )
    assert response.status_code == 200
    assert "Det högsta steget kan inte vara lägre än det lägsta." in (
        response.content.decode()
    )
    assert not DialogueMethod.objects.filter(slug="medborgarbudget").exists()


def test_committee_snippet_with_handling_time(editor_client):
    from municipality.models import Committee

    response = editor_client.post(
        reverse("wagtailsnippets_municipality_committee:add"),
        {
            "name": "Miljönämnden",
            "slug": "miljonamnden",
            "expected_handling_days": "30",
        },
    )
    assert response.status_code == 302
    assert Committee.objects.get(slug="miljonamnden").expected_handling_days == 30


def _usage(html):
    """The edit screen's "Användning" line, tags stripped."""
    import re

    start = html.index('data-side-panel="status"')
    text = " ".join(re.sub(r"<[^>]+>", " ", html[start : start + 8000]).split())
    return re.search(r"Använd \d+ gång(?:er)?", text).group(0)


def test_snippet_usage_counts_the_dialogues_that_pick_it(editor_client, make_dialogue):
    """Wagtail's reference index leaves many-to-many fields out: a method two
    dialogues use was "Använd 0 gånger"."""
    from municipality.models import Area

    method = DialogueMethod.objects.get(slug="kafedialog")
    group = TargetGroup.objects.create(
        name="Unga", slug="unga", affected=Degree.HIGH, active=Degree.LOW
    )
    area = Area.objects.create(name="Norrby", slug="norrby")
    before = _usage(
        editor_client.get(
            reverse("wagtailsnippets_dialogues_dialoguemethod:edit", args=[method.pk])
        ).content.decode()
    )
    for picks in (
        {"methods": [method], "target_groups": [group], "areas": [area]},
        {"methods": [method]},
    ):
        dialogue = make_dialogue()
        for field, objects in picks.items():
            setattr(dialogue, field, objects)
        dialogue.save_revision().publish()
    for namespace, instance, uses in (
        ("wagtailsnippets_dialogues_dialoguemethod", method, 2),
        ("wagtailsnippets_dialogues_targetgroup", group, 1),
        ("wagtailsnippets_municipality_area", area, 1),
    ):
        url = reverse(f"{namespace}:edit", args=[instance.pk])
        html = editor_client.get(url).content.decode()
        assert _usage(html).split()[1] == str(uses), _usage(html)
    assert before.split()[1] == "0"
