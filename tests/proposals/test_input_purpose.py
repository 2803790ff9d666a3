"""WCAG 1.3.5: name and e-mail inputs say what they are for."""

import pytest

pytestmark = pytest.mark.django_db


def test_submit_and_sign_forms_identify_name_and_email(client, box, open_proposal):
    submit = client.get(box.url + box.reverse_subpage("submit_view")).content.decode()
    sign = client.get(open_proposal.get_url()).content.decode()
    for html in (submit, sign):
        assert 'autocomplete="name"' in html
        assert 'autocomplete="email"' in html
