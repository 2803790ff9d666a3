"""Send an e-mail at most once per key, even when its task runs again.

The key is written in the same transaction as the message is sent, and the
transaction commits only after the mail server accepted it: a failed send leaves
no key (the task may try again), and a second run of the task finds the key and
sends nothing. The one duplicate left: the worker or the database dies after the
server accepted the message and before the commit; the re-run sends it again.
Losing a confirmation mail would be worse than sending it twice."""

import logging

from django.db import IntegrityError, transaction

from background.models import SentMail
from background.running import next_message_key

logger = logging.getLogger("delaktig.mail")


def send_once(message, key=None):
    """Send an EmailMessage unless one with the same key was sent; returns the
    number sent (0 or 1). Outside a task, with no key given, it just sends."""
    key = key or next_message_key()
    if key is None:
        return message.send()
    try:
        with transaction.atomic():
            # A second worker running the same task waits here for the first.
            SentMail.objects.create(key=key)
            return message.send()
    except IntegrityError:
        logger.info("E-mail %s was sent before; not sent again", key)
        return 0
