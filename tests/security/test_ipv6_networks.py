"""Per-address rate limits count an IPv6 client by its /64 network: one home
connection or server is handed a whole /64, so counting single IPv6 addresses let
one attacker rotate through them and mail without limit. IPv4 addresses (also
written IPv4-mapped) are still counted one by one."""

import pytest
from django.core import mail

from municipality import ratelimit
from proposals.models import Signature
from tests.proposals.helpers import sign_data, started
from tests.security.test_mail_relay import BURST, allowed

pytestmark = pytest.mark.django_db


def in_one_network(n):
    return {"REMOTE_ADDR": f"2001:db8:5:7:{n:x}::{n + 1:x}"}


def test_a_burst_of_signatures_from_one_ipv6_network_is_limited(client, open_proposal):
    statuses = [
        client.post(
            open_proposal.get_url() + "skriv-under/",
            sign_data(email=f"offer{n}@example.org"),
            **in_one_network(n),
        ).status_code
        for n in range(BURST)
    ]
    assert statuses.count(302) == allowed("sign")
    assert len(mail.outbox) == allowed("sign")
    assert Signature.objects.count() == allowed("sign")


def test_limits_count_ipv6_networks_and_ipv4_addresses(settings):
    settings.RATE_LIMITS = {"comment": {"burst": (1, 600)}}
    assert ratelimit.hit("comment", "2001:db8:1:2::1")
    assert not ratelimit.hit("comment", "2001:DB8:1:2:ffff:ffff:ffff:ffff")
    assert ratelimit.hit("comment", "2001:db8:1:3::1")
    assert ratelimit.hit("comment", "198.51.100.1")
    assert ratelimit.hit("comment", "198.51.100.2")
    assert not ratelimit.hit("comment", "::ffff:198.51.100.2")


def test_one_start_time_passes_five_times_from_one_ipv6_network(client, open_proposal):
    token = started()
    statuses = [
        client.post(
            open_proposal.get_url() + "skriv-under/",
            sign_data(email=f"p{n}@example.org", started=token),
            **in_one_network(n),
        ).status_code
        for n in range(6)
    ]
    assert statuses == [302] * 5 + [400]
