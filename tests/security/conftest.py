"""The proposals' fixtures (box, proposals, the demo's politician) for the
security tests."""

from tests.proposals.conftest import (  # noqa: F401
    _fresh_limits,
    box,
    committee,
    communicator_user,
    open_proposal,
    politician,
    proposal_factory,
    registered_proposal,
    topic,
)
