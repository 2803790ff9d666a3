"""A request body in a character set the site does not read gets a 400, not a 500.

Django refuses a form body declared in anything but UTF-8 (ticket #34709) with
BadRequest, but its 400 handler runs the CSRF check, which reads the body again
and fails again: a 500 on every POST. This middleware answers first, before
anything reads the body: form bodies must be UTF-8, and no body may declare a
character set that is unknown or not ASCII-compatible (UTF-16, UTF-32), since
every parser here splits bodies on ASCII bytes."""

import codecs

from django.http import HttpResponse
from django.utils.translation import gettext as _

FORM = "application/x-www-form-urlencoded"
SAMPLE = b'a=b&c-d; e:"f"\r\n'


def _refused(content_type, charset):
    if content_type == FORM:
        # Django's own test, on the charset as sent (" utf-8" is refused too).
        return charset.lower() != "utf-8"
    try:
        codec = codecs.lookup(charset)
    except LookupError:
        return True
    try:
        return SAMPLE.decode(codec.name) != SAMPLE.decode("ascii")
    except UnicodeError:
        return True


class RequestCharsetMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        content_type = request.content_type or ""
        charset = request.content_params.get("charset")
        if charset and _refused(content_type.lower(), charset):
            return HttpResponse(
                _("Skicka formuläret som UTF-8."),
                status=400,
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
