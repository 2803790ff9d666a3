"""Politician identity is the administrator's to grant: communicators no longer
add, change or delete politician profiles. A politician's comment keeps the
byline it was posted under (existing ones get their author's byline now)."""

import django.db.models.deletion
from django.db import migrations, models

COMMUNICATORS = "Kommunikatörer"
PROFILE_PERMISSIONS = [
    "add_politicianprofile",
    "change_politicianprofile",
    "delete_politicianprofile",
]


def _permissions(apps):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(
        content_type__app_label="proposals", codename__in=PROFILE_PERMISSIONS
    )


def forward(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=COMMUNICATORS).first()
    if group:
        group.permissions.remove(*_permissions(apps))
    ContentType = apps.get_model("contenttypes", "ContentType")
    proposal_type = ContentType.objects.filter(
        app_label="proposals", model="proposal"
    ).first()
    if proposal_type is None:
        return
    Profile = apps.get_model("proposals", "PoliticianProfile")
    Comment = apps.get_model("django_comments_xtd", "XtdComment")
    PoliticianComment = apps.get_model("proposals", "PoliticianComment")
    for profile in Profile.objects.all():
        byline = f"{profile.name} ({profile.party}), {profile.role}"
        for comment_id in Comment.objects.filter(
            content_type=proposal_type, user_id=profile.user_id
        ).values_list("pk", flat=True):
            PoliticianComment.objects.get_or_create(
                comment_id=comment_id, defaults={"byline": byline}
            )


def backward(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=COMMUNICATORS).first()
    if group:
        group.permissions.add(*_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("django_comments_xtd", "0008_auto_20200920_2037"),
        ("proposals", "0016_text_changed_entry"),
    ]

    operations = [
        migrations.CreateModel(
            name="PoliticianComment",
            fields=[
                (
                    "comment",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="django_comments_xtd.xtdcomment",
                        verbose_name="kommentar",
                    ),
                ),
                (
                    "byline",
                    models.CharField(max_length=300, verbose_name="undertecknad av"),
                ),
            ],
            options={
                "verbose_name": "politikers kommentar",
                "verbose_name_plural": "politikers kommentarer",
            },
        ),
        migrations.RunPython(forward, backward),
    ]
