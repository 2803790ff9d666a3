"""The demo's accountability cases, dated relative to today: a promise kept, one
kept late (after a public change of date), one broken with its explanation and
one still standing; proposals answered on time and one overdue; decisions with
milestones done and pending. Runs after the dialogues and proposals are built;
every step goes through the same rules as in the admin (no e-mail sent)."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from dialogues import promises
from dialogues.models import (
    DialoguePage,
    DialoguePromise,
    PromiseBasis,
    PromiseChange,
    PromiseState,
)
from proposals import demo_timeline as timeline
from proposals import milestones
from proposals.constants import EntryKind, Status
from proposals.models import FeedbackEntry, Milestone, Proposal, Signature

# Shifted back whole weeks (its story keeps its weekdays) until its answer is late.
OVERDUE_PROPOSAL = "Säkrare övergångsställe vid Storgatan–Skolvägen"
OVERDUE_WEEKS = 19
DECIDED_PROPOSAL = "Hundrastgård i Södra Mittköping"


def _moment(day, hour=10):
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _promise(slug, text, due, basis):
    dialogue = DialoguePage.objects.filter(slug=slug).first()
    if dialogue is None or DialoguePromise.objects.filter(dialogue=dialogue).exists():
        return None
    promise = promises.set_promise(dialogue, text=text, due_date=due, basis=basis)
    start = dialogue.start_date or due - timedelta(days=60)
    DialoguePromise.objects.filter(pk=promise.pk).update(created_at=_moment(start))
    return promise


def _promises(today):
    # Kept: the feedback (80 days ago) came before the promised date.
    _promise(
        "livskvalitet-i-sma-barns-liv",
        "Vi återkopplar resultatet till alla som deltog och publicerar det här "
        f"senast {today - timedelta(days=75):%-d/%-m}.",
        today - timedelta(days=75),
        PromiseBasis.FEEDBACK,
    )
    # Kept late: the decision came two weeks after the date, which had already
    # been moved once, publicly, with a reason.
    late = _promise(
        "framtidsverkstad-norra-parken",
        "Samhällsbyggnadsnämnden beslutar om Norra parken senast "
        f"{today - timedelta(days=240):%-d/%-m} och redovisar hur förslagen från "
        "framtidsverkstaden påverkade beslutet.",
        today - timedelta(days=240),
        PromiseBasis.DECISION,
    )
    if late is not None:
        promises.change_promise(
            late,
            text="Samhällsbyggnadsnämnden beslutar om Norra parken senast "
            f"{today - timedelta(days=214):%-d/%-m} och redovisar hur förslagen "
            "från framtidsverkstaden påverkade beslutet.",
            due_date=today - timedelta(days=214),
            reason="Kultur- och fritidsnämnden behövde yttra sig om scenen först, "
            "så beslutet flyttades till nämndens möte i maj.",
        )
        PromiseChange.objects.filter(promise=late).update(
            changed_at=_moment(today - timedelta(days=245))
        )
    # Broken, with the municipality's explanation.
    broken = _promise(
        "hemtjansten-i-mittkoping",
        "Vi publicerar en sammanställning av alla synpunkter på hemtjänsten senast "
        f"{today - timedelta(days=3):%-d/%-m}.",
        today - timedelta(days=3),
        PromiseBasis.ASSESSED,
    )
    if broken is not None:
        promises.assess_promise(
            broken,
            outcome=PromiseState.NOT_KEPT,
            explanation="Många svarade per telefon och brev, och sammanställningen "
            "blev inte klar i tid. Vi publicerar den i januari och ber om ursäkt för "
            "förseningen.",
        )
    # Still standing.
    _promise(
        "viktigast-for-mittkoping",
        "Vi återkopplar vad som kom fram och vad kommunstyrelsen gör med det senast "
        f"{today + timedelta(days=60):%-d/%-m}.",
        today + timedelta(days=60),
        PromiseBasis.FEEDBACK,
    )


def _dialogue_milestones(today):
    plans = {
        "livskvalitet-i-sma-barns-liv": [
            ("Fler utflykter för förskolorna i Ådalen", 30, 12),
            ("Ny lekplats vid Familjecentralen", -120, None),
        ],
        "framtidsverkstad-norra-parken": [
            ("Nya gångstigar och belysning i Norra parken", 100, 92),
            ("En scen för sommarkonserter", -150, None),
        ],
    }
    for slug, rows in plans.items():
        dialogue = DialoguePage.objects.filter(slug=slug).first()
        if dialogue is None or Milestone.objects.filter(dialogue=dialogue).exists():
            continue
        for title, planned_ago, done_ago in rows:
            milestones.record(
                dialogue=dialogue,
                title=title,
                planned_on=today - timedelta(days=planned_ago),
                done_on=today - timedelta(days=done_ago) if done_ago else None,
                notify=False,
            )


def _shift(proposal, delta):
    """Move a proposal's whole story back by `delta`."""
    fields = [
        "created_at",
        "confirmed_at",
        "opened_at",
        "signing_deadline",
        "referred_at",
        "last_feedback_at",
    ]
    for name in fields:
        if getattr(proposal, name) is not None:
            setattr(proposal, name, getattr(proposal, name) - delta)
    proposal.save(update_fields=fields)
    entries = list(proposal.trail.all())
    for entry in entries:
        entry.created_at -= delta
    FeedbackEntry.objects.bulk_update(entries, ["created_at"])
    signatures = list(proposal.signatures.all())
    for signature in signatures:
        signature.created_at -= delta
        signature.confirmed_at -= delta
    Signature.objects.bulk_update(signatures, ["created_at", "confirmed_at"], 500)


def _overdue_proposal():
    proposal = Proposal.objects.filter(
        title=OVERDUE_PROPOSAL, status=Status.REFERRED
    ).first()
    if proposal is None or proposal.referred_at < timezone.now() - timedelta(days=90):
        return
    _shift(proposal, timedelta(weeks=OVERDUE_WEEKS))


def _proposal_milestones(today):
    proposal = Proposal.objects.filter(
        title=DECIDED_PROPOSAL, status=Status.ANSWERED
    ).first()
    if proposal is None or proposal.milestones.exists():
        return
    decided = proposal.decided_on or today
    marked = milestones.record(
        proposal=proposal,
        title="Platsen vid Södra ängen är utmätt och markägaren har sagt ja",
        planned_on=decided + timedelta(days=21),
        notify=False,
    )
    milestones.record(
        proposal=proposal,
        milestone=marked,
        title=marked.title,
        planned_on=marked.planned_on,
        done_on=today,  # dated with its trail entry below
        notify=False,
    )
    milestones.record(
        proposal=proposal,
        title="Staket, grind och belysning på plats",
        planned_on=today + timedelta(days=45),
        note="Staketet är beställt och levereras efter tjällossningen.",
        notify=False,
    )
    milestones.record(
        proposal=proposal,
        title="Hundrastgården öppnar",
        planned_on=today + timedelta(days=100),
        notify=False,
    )
    proposal.refresh_from_db()
    timeline.spread_over_time(proposal)
    done = proposal.trail.filter(kind=EntryKind.MILESTONE_DONE).first()
    if done is not None:
        Milestone.objects.filter(pk=marked.pk).update(
            done_on=timezone.localdate(done.created_at)
        )


def build(stdout):
    today = timezone.localdate()
    _promises(today)
    _dialogue_milestones(today)
    _overdue_proposal()
    _proposal_milestones(today)
    stdout.write(
        f"Accountability: {DialoguePromise.objects.count()} promises, "
        f"{Milestone.objects.count()} milestones"
    )
