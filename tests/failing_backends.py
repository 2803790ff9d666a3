"""Backends that fail on purpose: how the site behaves when a service is down."""

import smtplib

from django.core.mail.backends.base import BaseEmailBackend


class DownMailBackend(BaseEmailBackend):
    """A mail server that refuses every connection."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPConnectError(421, "Service not available")
