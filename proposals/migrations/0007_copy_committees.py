"""Step 2: every proposals.Committee gets its dialogues.Committee (same slug), and
the references are copied over."""

from django.db import migrations


def copy(apps, schema_editor):
    Old = apps.get_model("proposals", "Committee")
    New = apps.get_model("dialogues", "Committee")
    Proposal = apps.get_model("proposals", "Proposal")
    FeedbackEntry = apps.get_model("proposals", "FeedbackEntry")
    PoliticianProfile = apps.get_model("proposals", "PoliticianProfile")
    mapping = {}
    for old in Old.objects.all():
        new, created = New.objects.get_or_create(
            slug=old.slug,
            defaults={
                "name": _free_name(New, old.name),
                "expected_handling_days": old.expected_handling_days,
            },
        )
        if not created and new.expected_handling_days is None:
            new.expected_handling_days = old.expected_handling_days
            new.save(update_fields=["expected_handling_days"])
        mapping[old.pk] = new
    for old_pk, new in mapping.items():
        Proposal.objects.filter(committee_id=old_pk).update(new_committee=new)
        FeedbackEntry.objects.filter(committee_id=old_pk).update(new_committee=new)
    for profile in PoliticianProfile.objects.prefetch_related("committees"):
        profile.new_committees.set([mapping[c.pk] for c in profile.committees.all()])


def _free_name(New, name):
    """Names are unique too: a same-named committee with another slug keeps its name."""
    candidate, number = name, 2
    while New.objects.filter(name=candidate).exists():
        candidate, number = f"{name} ({number})", number + 1
    return candidate


def copy_back(apps, schema_editor):
    Old = apps.get_model("proposals", "Committee")
    Proposal = apps.get_model("proposals", "Proposal")
    FeedbackEntry = apps.get_model("proposals", "FeedbackEntry")
    PoliticianProfile = apps.get_model("proposals", "PoliticianProfile")
    mapping = {}

    def old_for(new):
        if new.pk not in mapping:
            mapping[new.pk] = Old.objects.get_or_create(
                slug=new.slug,
                defaults={
                    "name": new.name[:120],
                    "expected_handling_days": new.expected_handling_days or 90,
                },
            )[0]
        return mapping[new.pk]

    for model in (Proposal, FeedbackEntry):
        for row in model.objects.filter(new_committee__isnull=False).select_related(
            "new_committee"
        ):
            row.committee = old_for(row.new_committee)
            row.save(update_fields=["committee"])
    for profile in PoliticianProfile.objects.prefetch_related("new_committees"):
        profile.committees.set([old_for(c) for c in profile.new_committees.all()])


class Migration(migrations.Migration):
    dependencies = [("proposals", "0006_dialogue_committees")]

    operations = [migrations.RunPython(copy, copy_back)]
