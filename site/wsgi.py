"""WSGI entry point: `gunicorn delaktig_site.wsgi` (with `--preload`, the code below
is loaded once in gunicorn's master and shared by its workers)."""

import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

from delaktig_site.collector import freeze_loaded
from municipality.language.hunspell import dictionary

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "delaktig_site.settings.production")

application = get_wsgi_application()

# Django loads the URL configuration, and with it every view and the Wagtail admin,
# on a process's first request: ~0.5 s of CPU that the first visitor of every new
# worker would wait for. Load it now. (Nothing here touches the database.)
get_resolver().url_patterns  # noqa: B018 (loading is the point)

# The Swedish dictionary the search reads (municipality/language/hunspell.py) takes
# a few seconds to load; load it here too rather than on a visitor's first search.
dictionary()

# With --preload this runs in gunicorn's master, so the workers share those memory
# pages too (delaktig_site/collector.py).
freeze_loaded()
