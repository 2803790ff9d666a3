"""The resident's own network address, behind as many proxies as the site trusts."""

from django.conf import settings


def client_ip(request):
    """The resident's address. With DELAKTIG_TRUSTED_PROXY_COUNT proxies in front,
    it is the entry those proxies appended to X-Forwarded-For (counted from the
    right, so a client cannot forge it); otherwise the connecting address."""
    proxies = getattr(settings, "DELAKTIG_TRUSTED_PROXY_COUNT", 0)
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR") or None
