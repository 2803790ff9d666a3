"""Hooks for drf-spectacular: the OpenAPI description covers the open data only
(Wagtail's admin has DRF views of its own, which are not public)."""


def only_open_data(endpoints, **kwargs):
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/")]
