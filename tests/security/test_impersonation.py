"""No one poses as a politician: only an administrator makes a politician
profile (with an audit entry), a byline comes with the permission to answer
proposals, and a changed profile never rewrites what was signed."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django_comments_xtd.models import XtdComment
from wagtail.models import ModelLogEntry

from proposals import lifecycle
from proposals.models import PoliticianProfile
from tests.proposals.test_comments import post_comment

pytestmark = pytest.mark.django_db

NS = "wagtailsnippets_proposals_politicianprofile"
FAKE = {
    "user": "",
    "name": "Per Holm",
    "party": "Mittenpartiet",
    "role": "ordförande i tekniska nämnden",
}


def comments_section(client, proposal):
    html = client.get(proposal.get_url()).content.decode()
    return html[html.index('id="kommentarer"') :]


def test_a_communicator_can_neither_make_nor_change_a_politician(
    client, communicator_user, politician
):
    client.force_login(communicator_user)
    created = client.post(reverse(f"{NS}:add"), {**FAKE, "user": communicator_user.pk})
    assert created.status_code in (302, 403)
    assert not PoliticianProfile.objects.filter(user=communicator_user).exists()
    real = PoliticianProfile.objects.get(user=politician)
    renamed = client.post(
        reverse(f"{NS}:edit", args=[real.pk]),
        {**FAKE, "user": politician.pk, "role": "Kommunikatör i förklädnad"},
    )
    assert renamed.status_code in (302, 403)
    real.refresh_from_db()
    assert real.role == "ordförande i tekniska nämnden"
    assert client.get(reverse(f"{NS}:add")).status_code != 200


def test_an_administrator_grants_the_identity_and_it_is_audited(client, site):
    admin = User.objects.get(username="admin")
    newcomer = User.objects.create_user("ny.politiker", password="x" * 20)
    client.force_login(admin)
    response = client.post(
        reverse(f"{NS}:add"), {**FAKE, "user": newcomer.pk, "name": "Nora Ny"}
    )
    assert response.status_code == 302, response.content.decode()[:1500]
    profile = PoliticianProfile.objects.get(user=newcomer)
    entry = ModelLogEntry.objects.get(
        object_id=str(profile.pk), action="wagtail.create"
    )
    assert entry.user == admin


def test_a_profile_without_the_permission_to_answer_gives_no_byline(
    client, registered_proposal, communicator_user
):
    # A profile an administrator made by mistake for a communicator.
    fake = {key: value for key, value in FAKE.items() if key != "user"}
    PoliticianProfile.objects.create(user=communicator_user, **fake)
    client.force_login(communicator_user)
    response = post_comment(
        client, registered_proposal, comment="Vi tittar på det.", name="", email=""
    )
    assert response.status_code == 302
    section = comments_section(client, registered_proposal)
    assert "Vi tittar på det." in section
    assert "Mittenpartiet" not in section
    assert "pf-comment--politician" not in section


def test_a_changed_profile_never_rewrites_what_was_signed(
    client, registered_proposal, politician
):
    client.force_login(politician)
    post_comment(
        client, registered_proposal, comment="Jag följer frågan.", name="", email=""
    )
    lifecycle.add_response(
        registered_proposal, user=politician, text="Vi svarar i maj."
    )
    assert XtdComment.objects.filter(user=politician).exists()

    PoliticianProfile.objects.filter(user=politician).update(
        name="Någon Annan", party="Ett annat parti", role="ledamot"
    )
    section = comments_section(client, registered_proposal)
    html = client.get(registered_proposal.get_url()).content.decode()
    signed = "Per Holm (Mittenpartiet), ordförande i tekniska nämnden"
    assert signed in section  # the comment's byline
    assert html.count(signed) >= 2  # and the response's
    assert "Någon Annan" not in html


@pytest.mark.parametrize(
    "group", ["Kommunikatörer", "Politiker", "Moderators", "Editors"]
)
def test_no_role_but_the_administrator_makes_or_renames_a_politician(
    client, politician, group
):
    from django.contrib.auth.models import Group

    user = User.objects.create_user(f"roll-{group.lower()}", password="x" * 20)
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    client.post(reverse(f"{NS}:add"), {**FAKE, "user": user.pk})
    assert not PoliticianProfile.objects.filter(user=user).exists()
    real = PoliticianProfile.objects.get(user=politician)
    client.post(
        reverse(f"{NS}:edit", args=[real.pk]),
        {**FAKE, "user": user.pk, "name": "Någon annan"},
    )
    real.refresh_from_db()
    assert (real.user_id, real.name) == (politician.pk, "Per Holm")
    assert PoliticianProfile.objects.count() == 1
