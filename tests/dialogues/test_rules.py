"""The handbook's rules: information invites no influence; what `open` and
`feedback_given` require; methods that do not fit the level."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html

from dialogues import rules
from dialogues.choices import InfluenceLevel, Status
from dialogues.models import DialoguePage
from tests.dialogues.conftest import method

pytestmark = pytest.mark.django_db


class TestInformationLevel:
    def test_information_page_shows_no_way_to_influence(
        self, client, make_dialogue, make_survey, make_event
    ):
        dialogue = make_dialogue(
            influence_level=InfluenceLevel.INFORMATION,
            methods=[method("informationsmote"), method("webbenkat")],
            events=[make_event(title="Informationsmöte")],
        )
        make_survey(dialogue)
        response = client.get(dialogue.url)
        html = response.content.decode()
        assert response.status_code == 200
        assert "Information, inte dialog" in html
        assert "Så deltar du" not in html
        assert "Det här kan du påverka" not in html
        assert "Kommentarer" not in html
        assert 'name="comment"' not in html
        assert "enkat/" not in html
        assert "Anmäl dig" not in html
        assert "Informationstillfällen" in html
        assert "Nu kan du delta" not in html
        assert "Kommunen informerar om något som redan är bestämt." in html

    def test_information_page_refuses_comments(self, client, make_dialogue):
        dialogue = make_dialogue(influence_level=InfluenceLevel.INFORMATION)
        assert not rules.comments_allowed(dialogue)
        response = client.post(dialogue.url + "kommentera/", {"comment": "Hej"})
        assert response.status_code == 403

    def test_information_dialogue_cannot_have_a_survey(self, make_dialogue):
        dialogue = make_dialogue(
            influence_level=InfluenceLevel.INFORMATION, methods=[method("webbenkat")]
        )
        assert not rules.survey_allowed(dialogue)
        assert rules.survey_link_errors(dialogue)

    def test_consultation_page_invites_participation(self, client, make_dialogue):
        dialogue = make_dialogue(methods=[method("kafedialog")])
        html = client.get(dialogue.url).content.decode()
        assert "Så deltar du" in html
        assert "Kafédialog" in html
        assert 'name="comment"' in html
        assert "Information, inte dialog" not in html


class TestPublishingRequirements:
    def test_open_without_requirements_fails_model_validation(self, index):
        page = DialoguePage(
            title="Ofullständig",
            slug="ofullstandig",
            status=Status.OPEN,
            open_to_influence="",
            fixed_frame="<p> </p>",
        )
        with pytest.raises(ValidationError) as caught:
            index.add_child(instance=page)
        errors = caught.value.message_dict
        assert set(errors) >= {"question", "open_to_influence", "committee", "end_date"}
        assert errors["question"] == ["En öppen dialog måste ha en fråga."]

    @pytest.mark.parametrize(
        "missing",
        ["question", "open_to_influence", "committee", "end_date"],
    )
    def test_each_open_requirement_on_its_own(self, make_dialogue, missing):
        dialogue = make_dialogue(status=Status.PLANNED)
        dialogue.status = Status.OPEN
        setattr(
            dialogue,
            {"committee": "committee_id"}.get(missing, missing),
            None if missing in ("committee", "end_date") else "",
        )
        if missing == "open_to_influence":
            dialogue.fixed_frame = ""
        assert list(rules.dialogue_errors(dialogue)) == [missing]

    def test_open_with_only_a_fixed_frame_is_enough(self, make_dialogue):
        dialogue = make_dialogue(open_to_influence="", fixed_frame="<p>Ramar</p>")
        assert rules.dialogue_errors(dialogue) == {}

    def test_planned_dialogue_may_be_incomplete(self, index):
        page = DialoguePage(title="Idé", slug="ide", status=Status.PLANNED)
        index.add_child(instance=page)
        assert page.pk

    def test_feedback_given_requires_feedback(self, make_dialogue):
        dialogue = make_dialogue()
        dialogue.status = Status.FEEDBACK_GIVEN
        dialogue.feedback = "<p></p>"
        with pytest.raises(ValidationError) as caught:
            dialogue.full_clean()
        assert "feedback" in caught.value.message_dict
        dialogue.feedback = "<p>Tack, så här blev det.</p>"
        dialogue.full_clean()

    def test_admin_shows_the_errors_in_swedish(self, editor_client, make_dialogue):
        dialogue = make_dialogue(status=Status.PLANNED)
        url = reverse("wagtailadmin_pages:edit", args=[dialogue.pk])
        data = querydict_from_html(
            editor_client.get(url).content.decode(), form_id="page-edit-form"
        )
        data["status"] = Status.OPEN
        data["question"] = ""
        data["end_date"] = ""
        data["action-publish"] = "action-publish"
        response = editor_client.post(url, data)
        html = response.content.decode()
        assert response.status_code == 200
        assert "En öppen dialog måste ha en fråga." in html
        assert "En öppen dialog måste ha ett slutdatum." in html
        dialogue.refresh_from_db()
        assert dialogue.status == Status.PLANNED

    def test_admin_requires_feedback_text(self, editor_client, make_dialogue):
        dialogue = make_dialogue(status=Status.COMPILING)
        url = reverse("wagtailadmin_pages:edit", args=[dialogue.pk])
        data = querydict_from_html(
            editor_client.get(url).content.decode(), form_id="page-edit-form"
        )
        data["status"] = Status.FEEDBACK_GIVEN
        data["action-publish"] = "action-publish"
        html = editor_client.post(url, data).content.decode()
        assert "Status ”Återkopplad” kräver en återkoppling" in html
        dialogue.refresh_from_db()
        assert dialogue.status == Status.COMPILING


class TestMethodFit:
    def test_method_fits_its_levels_only(self):
        open_space = method("open-space")
        assert rules.method_fits_level(open_space, InfluenceLevel.DIALOGUE)
        assert rules.method_fits_level(open_space, InfluenceLevel.INFLUENCE)
        assert not rules.method_fits_level(open_space, InfluenceLevel.CONSULTATION)

    def test_warning_names_the_misfit(self):
        warning = rules.method_warning(
            InfluenceLevel.CO_DECISION, [method("radslag"), method("sms-enkat")]
        )
        assert "Sms-enkät" in warning
        assert "Rådslag" not in warning
        assert (
            rules.method_warning(InfluenceLevel.CO_DECISION, [method("radslag")]) == ""
        )

    def test_edit_form_warns_about_mismatch(self, editor_client, make_dialogue):
        dialogue = make_dialogue(
            influence_level=InfluenceLevel.CO_DECISION,
            methods=[method("sms-enkat")],
        )
        url = reverse("wagtailadmin_pages:edit", args=[dialogue.pk])
        html = editor_client.get(url).content.decode()
        assert "Metoden Sms-enkät passar inte nivån medbestämmande" in html

    def test_edit_form_does_not_warn_when_methods_fit(
        self, editor_client, make_dialogue
    ):
        dialogue = make_dialogue(methods=[method("sms-enkat")])
        url = reverse("wagtailadmin_pages:edit", args=[dialogue.pk])
        assert "passar inte nivån" not in editor_client.get(url).content.decode()

    def test_saving_a_mismatch_warns_but_saves(self, editor_client, make_dialogue):
        dialogue = make_dialogue(methods=[method("sms-enkat")])
        url = reverse("wagtailadmin_pages:edit", args=[dialogue.pk])
        data = querydict_from_html(
            editor_client.get(url).content.decode(), form_id="page-edit-form"
        )
        data.setlist("methods", [str(method("framtidsverkstad").pk)])
        response = editor_client.post(url, data, follow=True)
        messages = [str(m) for m in response.context["messages"]]
        assert any(
            "Metoden Framtidsverkstad passar inte nivån konsultation" in m
            for m in messages
        )
        latest = DialoguePage.objects.get(
            pk=dialogue.pk
        ).get_latest_revision_as_object()
        assert [m.slug for m in latest.methods.all()] == ["framtidsverkstad"]


def test_registration_link_only_while_planned_or_open(
    client, make_dialogue, make_event
):
    dialogue = make_dialogue(events=[make_event(title="Mötet")])
    assert "Anmäl dig till Mötet" in client.get(dialogue.url).content.decode()
    DialoguePage.objects.filter(pk=dialogue.pk).update(status=Status.CLOSED)
    html = client.get(dialogue.url).content.decode()
    assert "Anmäl dig till Mötet" not in html
    assert "Lägg till Mötet i din kalender" in html


def test_a_planned_dialogue_says_when_comments_open(client, make_dialogue):
    dialogue = make_dialogue(status=Status.PLANNED)
    html = client.get(dialogue.url).content.decode()
    assert "Du kan kommentera när dialogen har öppnat." in html
    assert "kommentera längre" not in html
