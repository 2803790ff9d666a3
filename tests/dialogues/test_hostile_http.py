"""The hostile-input corpus through the comment form and the web survey over
HTTP: never a server error, never stored half-way."""

import pytest
from django_comments_xtd.models import XtdComment

from tests.dialogues.conftest import method
from tests.dialogues.test_comments import form_data
from tests.hostile import HTTP_CORPUS

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("payload", HTTP_CORPUS)
def test_comment_form_never_fails(client, make_dialogue, payload):
    dialogue = make_dialogue()
    for field in ("name", "email", "comment", "reply_to", "timestamp", "object_pk"):
        data = form_data(dialogue, **{field: payload})
        response = client.post(dialogue.url + "kommentera/", data)
        assert response.status_code < 500, field
    assert not XtdComment.objects.filter(is_public=True).exists()


@pytest.mark.parametrize("payload", HTTP_CORPUS)
def test_survey_never_fails(client, make_dialogue, make_survey, payload):
    dialogue = make_dialogue(methods=[method("webbenkat")])
    survey = make_survey(dialogue)
    often, other = (field.clean_name for field in survey.get_form_fields())
    for data in ({often: payload}, {often: "Varje dag", other: payload}):
        assert client.post(survey.url, data).status_code < 500
    # Only the well-formed answer (with free text as typed) was stored.
    answers = [s.get_data() for s in survey.get_submission_class().objects.all()]
    assert len(answers) == 1 or "\x00" in payload
    if answers:
        assert answers[0][other] == payload.strip()
