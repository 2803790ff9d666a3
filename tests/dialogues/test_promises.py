"""A dialogue's promise: its state from the record or a communicator's public
assessment, changes shown with date and reason, the admin and the page."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import ModelLogEntry, PageLogEntry

from dialogues import promises
from dialogues.choices import Status
from dialogues.models import DialoguePromise, PromiseBasis, PromiseChange, PromiseState

DUE = datetime.date(2027, 3, 15)


@pytest.fixture
def communicator(site):
    return User.objects.get(username="kommunikator")


@pytest.fixture
def dialogue(make_dialogue):
    return make_dialogue(title="Ny park vid ån", slug="ny-park")


def _promise(dialogue, **fields):
    return promises.set_promise(
        dialogue,
        text=fields.pop("text", "Vi återkopplar resultatet senast 15 mars."),
        due_date=fields.pop("due_date", DUE),
        basis=fields.pop("basis", PromiseBasis.FEEDBACK),
    )


def test_pending_before_the_date_and_overdue_after(dialogue):
    promise = _promise(dialogue)
    assert promises.state(promise, on=DUE) == PromiseState.PENDING
    assert promises.state(promise, on=DUE + datetime.timedelta(days=1)) == (
        PromiseState.OVERDUE
    )


def test_kept_on_time_from_the_published_feedback(dialogue):
    promise = _promise(dialogue)
    dialogue.feedback = "<p>Så här blev det.</p>"
    dialogue.feedback_date = DUE
    dialogue.save()
    assert promises.state(promise, on=DUE + datetime.timedelta(days=60)) == (
        PromiseState.KEPT
    )


def test_kept_late_from_the_recorded_decision(dialogue):
    promise = _promise(dialogue, basis=PromiseBasis.DECISION)
    dialogue.decision = "<p>Parken byggs.</p>"
    dialogue.decision_date = DUE + datetime.timedelta(days=9)
    dialogue.save()
    promise.refresh_from_db()
    assert promises.state(promise) == PromiseState.KEPT_LATE
    assert promises.days_late(promise) == 9


def test_a_date_without_the_text_is_not_kept(dialogue):
    """A feedback date alone, with no feedback published, proves nothing."""
    promise = _promise(dialogue)
    dialogue.feedback_date = DUE
    dialogue.save()
    assert promises.state(promise, on=DUE + datetime.timedelta(days=1)) == (
        PromiseState.OVERDUE
    )


def test_assessment_needs_a_public_explanation_and_the_date_passed(
    dialogue, communicator
):
    promise = _promise(dialogue, basis=PromiseBasis.ASSESSED)
    after = DUE + datetime.timedelta(days=2)
    with pytest.raises(ValidationError):
        promises.assess_promise(
            promise, outcome=PromiseState.NOT_KEPT, explanation=" ", on=after
        )
    with pytest.raises(ValidationError):
        promises.assess_promise(
            promise, outcome=PromiseState.NOT_KEPT, explanation="Sjukdom.", on=DUE
        )
    promises.assess_promise(
        promise,
        outcome=PromiseState.NOT_KEPT,
        explanation="Upphandlingen överklagades.",
        user=communicator,
        on=after,
    )
    promise.refresh_from_db()
    assert promises.state(promise, on=after) == PromiseState.NOT_KEPT
    assert (
        PageLogEntry.objects.filter(
            page=dialogue, action=promises.PROMISE_ASSESSED, user=communicator
        ).count()
        == 1
    )


def test_the_record_wins_over_an_assessment(dialogue):
    promise = _promise(dialogue)
    dialogue.feedback = "<p>Klart.</p>"
    dialogue.feedback_date = DUE
    dialogue.save()
    with pytest.raises(ValidationError):
        promises.assess_promise(
            promise,
            outcome=PromiseState.NOT_KEPT,
            explanation="Fel.",
            on=DUE + datetime.timedelta(days=3),
        )


def test_change_after_publication_needs_a_reason_and_is_kept(dialogue, communicator):
    promise = _promise(dialogue)
    with pytest.raises(ValidationError):
        promises.change_promise(
            promise, text=promise.text, due_date=DUE + datetime.timedelta(days=30)
        )
    assert not PromiseChange.objects.exists()
    promises.change_promise(
        promise,
        text="Vi återkopplar senast 15 april.",
        due_date=datetime.date(2027, 4, 15),
        reason="Fler svar än väntat att sammanställa.",
        user=communicator,
    )
    change = PromiseChange.objects.get()
    assert change.old_due_date == DUE
    assert change.old_text == "Vi återkopplar resultatet senast 15 mars."
    assert (
        PageLogEntry.objects.filter(
            page=dialogue, action=promises.PROMISE_CHANGED
        ).count()
        == 1
    )


def test_one_promise_per_dialogue(dialogue):
    _promise(dialogue)
    with pytest.raises(ValidationError):
        _promise(dialogue)


def test_a_politician_may_not_make_promises(dialogue, site):
    politician = User.objects.get(username="politiker")
    with pytest.raises(PermissionDenied):
        promises.set_promise(dialogue, text="Vi lovar.", due_date=DUE, user=politician)


def test_page_shows_the_promise_state_and_the_change_history(client, dialogue):
    promise = _promise(dialogue, due_date=datetime.date(2026, 1, 10))
    promises.change_promise(
        promise,
        text="Vi återkopplar senast 20 januari.",
        due_date=datetime.date(2026, 1, 20),
        reason="Julhelgen försenade sammanställningen.",
    )
    promises.assess_promise(
        promise,
        outcome=PromiseState.NOT_KEPT,
        explanation="Sammanställningen blev aldrig klar i tid.",
    )
    html = client.get(dialogue.url).content.decode()
    assert "Kommunens löfte" in html
    assert "Löftet hölls inte" in html
    assert "Sammanställningen blev aldrig klar i tid." in html
    assert "Julhelgen försenade sammanställningen." in html
    assert "Tidigare: senast 10 januari 2026" in html


def test_english_page_translates_the_promise_labels(client, dialogue):
    _promise(dialogue, due_date=datetime.date(2099, 1, 1))
    html = client.get("/en" + dialogue.url).content.decode()
    assert "The municipality’s promise" in html
    assert "The promise stands" in html


def test_admin_edit_without_reason_comes_back_with_what_was_typed(
    client, dialogue, communicator
):
    promise = _promise(dialogue)
    client.force_login(communicator)
    url = f"/admin/snippets/dialogues/dialoguepromise/edit/{promise.pk}/"
    response = client.post(
        url,
        {
            "text": "Nytt löfte utan anledning",
            "due_date": "2027-05-01",
            "basis": "feedback",
        },
    )
    assert response.status_code == 200
    assert "Nytt löfte utan anledning" in response.content.decode()
    promise.refresh_from_db()
    assert promise.due_date == DUE
    response = client.post(
        url,
        {
            "text": "Nytt löfte",
            "due_date": "2027-05-01",
            "basis": "feedback",
            "reason": "Nämnden flyttade sitt möte.",
        },
    )
    assert response.status_code == 302
    promise.refresh_from_db()
    assert promise.due_date == datetime.date(2027, 5, 1)
    assert PromiseChange.objects.get().reason == "Nämnden flyttade sitt möte."
    # One history entry for the step, none from a generic save.
    assert not ModelLogEntry.objects.filter(object_id=str(promise.pk)).exists()


def test_admin_creates_a_promise(client, dialogue, communicator):
    client.force_login(communicator)
    response = client.post(
        "/admin/snippets/dialogues/dialoguepromise/add/",
        {
            "dialogue": dialogue.pk,
            "text": "Vi redovisar hur förslagen påverkade beslutet.",
            "due_date": "2027-02-01",
            "basis": "decision",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert DialoguePromise.objects.get(dialogue=dialogue).basis == "decision"
    assert PageLogEntry.objects.filter(
        page=dialogue, action=promises.PROMISE_SET, user=communicator
    ).exists()


def test_overdue_promises_leave_out_kept_and_unpublished(make_dialogue):
    late = make_dialogue(title="Sen", slug="sen")
    kept = make_dialogue(
        title="Hållen",
        slug="hallen",
        status=Status.FEEDBACK_GIVEN,
        feedback="<p>Klart.</p>",
        feedback_date=datetime.date(2025, 12, 1),
    )
    _promise(late, due_date=datetime.date(2026, 1, 1))
    _promise(kept, due_date=datetime.date(2026, 1, 1))
    overdue = promises.overdue_promises(on=datetime.date(2026, 2, 1))
    assert [p.dialogue.title for p in overdue] == ["Sen"]


def test_a_changed_promise_empties_the_page_cache(client, dialogue, cache_on):
    promise = _promise(dialogue, due_date=datetime.date(2099, 1, 1))
    assert (
        "Vi återkopplar resultatet senast 15 mars."
        in client.get(dialogue.url).content.decode()
    )
    promises.change_promise(
        promise,
        text="Vi återkopplar resultatet senast 1 april.",
        due_date=datetime.date(2099, 2, 1),
        reason="Fler svar än väntat.",
    )
    html = client.get(dialogue.url).content.decode()
    assert "Vi återkopplar resultatet senast 1 april." in html


def test_communicators_are_reminded_once_before_the_date(dialogue, communicator):
    from django.core import mail
    from django.core.management import call_command

    from proposals.answer_reminders import remind_promises
    from tests.proposals.factories import make_box

    make_box(dialogue.get_site())
    today = datetime.date(2027, 3, 5)
    _promise(dialogue)  # due 15 March
    mail.outbox.clear()
    assert remind_promises(today=datetime.date(2027, 2, 1), within_days=14) == []
    assert len(remind_promises(today=today, within_days=14)) == 1
    assert communicator.email in {message.to[0] for message in mail.outbox}
    assert any("Ny park vid ån" in message.subject for message in mail.outbox)
    mail.outbox.clear()
    assert remind_promises(today=today, within_days=14) == []
    call_command("remind_answer_dates", days=14)
    assert mail.outbox == []
