"""Rate limits slide: no burst of twice the limit fits across a window's boundary
(neither in the local cache nor in Redis), and the sign form's signed start time
expires and cannot be replayed for ever."""

import time
import uuid

import pytest
from django.core import signing

from municipality import ratelimit
from proposals.forms import STARTED_SALT
from proposals.models import Signature
from tests.proposals.helpers import sign_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock(monkeypatch):
    """The local log's clock, moved by the test."""
    moment = {"now": 1_000_000.0}
    monkeypatch.setattr(ratelimit, "now", lambda: moment["now"])
    return moment


def test_no_double_burst_across_a_window_boundary(settings, clock):
    settings.RATE_LIMITS = {"submit": {"burst": (5, 600)}}
    # Five at the end of one fixed window...
    clock["now"] = 600 * 2000 - 1
    assert all(ratelimit.hit("submit", "192.0.2.1") for _ in range(5))
    # ...and none just after the boundary, where a fixed window would restart.
    clock["now"] += 2
    assert not ratelimit.hit("submit", "192.0.2.1")
    clock["now"] += 597
    assert not ratelimit.hit("submit", "192.0.2.1")
    # Once the first five are a full window old, the next are let through.
    clock["now"] += 2
    assert ratelimit.hit("submit", "192.0.2.1")
    assert ratelimit.hit("submit", "192.0.2.2")


def test_refused_attempts_are_not_counted_and_every_check_must_pass(settings, clock):
    settings.RATE_LIMITS = {
        "sign": {"burst": (2, 60)},
        "mail-to": {"burst": (1, 60)},
    }
    victim = ratelimit.mail_to("Anna@Example.se ")
    assert ratelimit.allow(("sign", "192.0.2.1"), victim)
    # The recipient is at its limit: refused, and the address is not charged.
    assert not ratelimit.allow(
        ("sign", "192.0.2.1"), ratelimit.mail_to("anna@example.se")
    )
    # Nor are other spellings of the same mailbox another recipient.
    for spelling in ("anna+x@example.se", '"anna"@EXAMPLE.se'):
        assert not ratelimit.allow(("sign", "192.0.2.9"), ratelimit.mail_to(spelling))
    assert ratelimit.allow(("sign", "192.0.2.1"), ratelimit.mail_to("bo@example.se"))
    assert not ratelimit.allow(("sign", "192.0.2.1"), ratelimit.mail_to("c@example.se"))
    clock["now"] += 61
    assert ratelimit.allow(("sign", "192.0.2.1"), victim)


def test_redis_windows_slide_too(redis_cache, settings):
    settings.RATE_LIMITS = {"comment": {"burst": (3, 2)}}
    # A busy machine can stall past the two-second window; such a try proves
    # nothing and is made again with a fresh address.
    for _attempt in range(5):
        address = f"test-{uuid.uuid4()}"
        # Just before a two-second boundary, where a fixed window would restart.
        while not 1.6 < time.time() % 2 < 1.8:
            time.sleep(0.02)
        started = time.monotonic()
        assert all(ratelimit.hit("comment", address) for _ in range(3))
        time.sleep(0.5)  # across the boundary, well inside the sliding window
        refused = not ratelimit.hit("comment", address)
        if time.monotonic() - started < 1.5:
            break
    else:
        pytest.fail("the machine was too busy to time a two-second window")
    assert refused
    time.sleep(2.2)  # the first three are over two seconds old
    assert ratelimit.hit("comment", address)


def test_redis_checks_every_pair_at_once(redis_cache, settings):
    settings.RATE_LIMITS = {"sign": {"burst": (5, 60)}, "mail-to": {"burst": (1, 60)}}
    address, victim = f"test-{uuid.uuid4()}", ratelimit.mail_to(f"{uuid.uuid4()}@x.se")
    assert ratelimit.allow(("sign", address), victim)
    assert not ratelimit.allow(("sign", address), victim)
    for _ in range(4):
        assert ratelimit.allow(
            ("sign", address), ratelimit.mail_to(f"{uuid.uuid4()}@x")
        )
    assert not ratelimit.allow(("sign", address), ratelimit.mail_to("new@x.se"))


def _post(client, proposal, started, email):
    return client.post(
        proposal.get_url() + "skriv-under/",
        sign_data(started=started, email=email),
    )


def test_a_start_time_older_than_two_hours_is_refused(client, open_proposal):
    old = signing.dumps(time.time() - 2 * 3600 - 60, salt=STARTED_SALT)
    response = _post(client, open_proposal, old, "a@example.se")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Formuläret har gått ut" in html
    assert "a@example.se" in html  # what was typed comes back
    assert not Signature.objects.exists()
    # The form it comes back with carries a fresh start time that works.
    fresh = response.context["sign_form"].data["started"]
    assert fresh != old
    assert _post(client, open_proposal, fresh, "a@example.se").status_code == 302


def test_one_start_time_passes_at_most_five_times(client, open_proposal):
    token = signing.dumps(time.time() - 60, salt=STARTED_SALT)
    for n in range(5):
        assert (
            _post(client, open_proposal, token, f"p{n}@example.se").status_code == 302
        )
    replayed = _post(client, open_proposal, token, "p5@example.se")
    assert replayed.status_code == 400
    assert "Formuläret har gått ut" in replayed.content.decode()
    assert Signature.objects.count() == 5
