"""The web survey: linked to a dialogue using 'webbenkät', closes with it, and its
answers export as CSV in the admin."""

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission
from wagtail.test.utils.form_data import querydict_from_html

from dialogues.choices import Status
from dialogues.models import DialoguePage, DialogueSurveyPage
from tests.dialogues.conftest import method

pytestmark = pytest.mark.django_db


@pytest.fixture
def dialogue(make_dialogue):
    return make_dialogue(title="Digital delaktighet", methods=[method("webbenkat")])


def answer(client, survey, **extra):
    data = {"hur_ofta_anvander_du_internet": "Sällan", "ovriga_synpunkter": "Bra"}
    data.update(extra)
    return client.post(survey.url, data)


def test_survey_shows_its_dialogue_and_takes_answers(client, dialogue, make_survey):
    survey = make_survey(dialogue)
    html = client.get(survey.url).content.decode()
    assert "Digital delaktighet" in html
    assert f'href="{dialogue.url}"' in html
    assert "<legend>Hur ofta använder du internet?</legend>" in html
    response = answer(client, survey)
    assert response.status_code == 200
    assert "Tack för dina svar" in response.content.decode()
    submission = FormSubmission.objects.get(page=survey)
    assert submission.get_data()["hur_ofta_anvander_du_internet"] == "Sällan"


def test_dialogue_page_links_to_its_open_survey(client, dialogue, make_survey):
    survey = make_survey(dialogue)
    html = client.get(dialogue.url).content.decode()
    assert f'href="{survey.url}"' in html


def test_invalid_answer_is_a_400_with_the_form_back(client, dialogue, make_survey):
    survey = make_survey(dialogue)
    response = client.post(survey.url, {"ovriga_synpunkter": "Mitt svar"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Rätta felen nedan" in html
    assert "Mitt svar" in html
    assert not FormSubmission.objects.exists()


@pytest.mark.parametrize("status", [Status.PLANNED, Status.COMPILING, Status.CLOSED])
def test_survey_closes_with_its_dialogue(client, dialogue, make_survey, status):
    survey = make_survey(dialogue)
    DialoguePage.objects.filter(pk=dialogue.pk).update(status=status)
    response = client.get(survey.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Enkäten är stängd" in html
    assert "<form" not in html.split('<main id="main"')[1]
    assert answer(client, survey).status_code == 403
    assert not FormSubmission.objects.exists()
    assert f'href="{survey.url}"' not in client.get(dialogue.url).content.decode()


def test_survey_without_web_survey_method_is_closed(client, make_dialogue, make_survey):
    dialogue = make_dialogue(methods=[method("kafedialog")])
    survey = make_survey(dialogue)
    assert "Enkäten är stängd" in client.get(survey.url).content.decode()
    assert f'href="{survey.url}"' not in client.get(dialogue.url).content.decode()


def test_admin_refuses_survey_under_dialogue_without_the_method(
    editor_client, make_dialogue
):
    dialogue = make_dialogue(methods=[method("kafedialog")])
    url = reverse(
        "wagtailadmin_pages:add",
        args=["dialogues", "dialoguesurveypage", dialogue.pk],
    )
    data = querydict_from_html(
        editor_client.get(url).content.decode(), form_id="page-edit-form"
    )
    data["title"] = "Enkät"
    data["slug"] = "enkat"
    data["action-publish"] = "action-publish"
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "Dialogen använder inte metoden webbenkät" in response.content.decode()
    assert not DialogueSurveyPage.objects.exists()


def test_admin_accepts_survey_under_dialogue_with_the_method(editor_client, dialogue):
    url = reverse(
        "wagtailadmin_pages:add",
        args=["dialogues", "dialoguesurveypage", dialogue.pk],
    )
    data = querydict_from_html(
        editor_client.get(url).content.decode(), form_id="page-edit-form"
    )
    data["title"] = "Enkät"
    data["slug"] = "enkat"
    response = editor_client.post(url, data)
    assert response.status_code == 302
    assert DialogueSurveyPage.objects.child_of(dialogue).exists()


def test_submissions_export_as_csv_in_the_admin(
    client, editor_client, dialogue, make_survey
):
    survey = make_survey(dialogue)
    answer(client, survey, ovriga_synpunkter="Fler kurser")
    url = reverse("wagtailforms:list_submissions", args=[survey.pk])
    response = editor_client.get(url + "?export=csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    raw = b"".join(response.streaming_content)
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel then reads å, ä and ö right
    body = raw.decode("utf-8-sig")
    assert "Hur ofta använder du internet?" in body
    assert "Fler kurser" in body
    # The time in Swedish local time, as the municipality reads it.
    submitted = FormSubmission.objects.get(page=survey).submit_time
    local = timezone.localtime(submitted).strftime("%Y-%m-%d %H:%M")
    assert local in body
    assert "+00:00" not in body


def test_questions_that_may_be_left_empty_say_so(client, dialogue, make_survey):
    survey = make_survey(dialogue)
    html = client.get(survey.url).content.decode()
    assert 'Övriga synpunkter <span class="field__optional">(frivilligt)</span>' in html
    assert "Hur ofta använder du internet? <span" not in html


def test_survey_export_defuses_formulas(client, editor_client, dialogue, make_survey):
    survey = make_survey(dialogue)
    client.post(
        survey.url,
        {
            "hur_ofta_anvander_du_internet": "Sällan",
            "ovriga_synpunkter": '=HYPERLINK("http://evil.example");x;-2+3',
        },
    )
    url = reverse("wagtailforms:list_submissions", args=[survey.pk])
    response = editor_client.get(url + "?export=csv")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert '\'=HYPERLINK(""http://evil.example"");x;\'-2+3' in body
