"""The page view of caching/views.py, on Wagtail's own page paths; put it just before
Wagtail's URLs (it leaves Wagtail's `_util/` paths to them)."""

from django.urls import re_path

from caching import views

# Named as Wagtail's page view, so resolving and reversing a page's path (the
# language links' translate_url) work the same through either.
urlpatterns = [
    re_path(r"^(?!_util/)((?:[\w\-]+/)*)$", views.serve, name="wagtail_serve")
]
