"""Benchmarks only: an e-mail backend that keeps each recipient's latest message
in a file named for the address, the mailbox the load-test client reads its
confirmation link from (bench/locustfile.py), as a resident reads theirs."""

import os
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend


def mailbox(folder, address):
    """The file holding `address`'s latest e-mail under `folder`."""
    return Path(folder) / quote(address.strip().lower(), safe="@.")


class MailboxBackend(BaseEmailBackend):
    def send_messages(self, messages):
        folder = Path(settings.EMAIL_FILE_PATH)
        folder.mkdir(parents=True, exist_ok=True)
        for message in messages:
            data = message.message().as_bytes()
            for address in message.recipients():
                path = mailbox(folder, address)
                partial = path.with_name(path.name + ".part")
                partial.write_bytes(data)
                # Whole or not at all for a reader polling for the file.
                os.replace(partial, path)
        return len(messages)
