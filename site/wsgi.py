"""WSGI entry point: `gunicorn delaktig_site.wsgi` (with `--preload`, the code below
is loaded once in gunicorn's master and shared by its workers)."""

import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

GC_YOUNG_THRESHOLD = 10_000

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "delaktig_site.settings.production")

application = get_wsgi_application()

# Django loads the URL configuration, and with it every view and the Wagtail admin,
# on a process's first request: ~0.5 s of CPU that the first visitor of every new
# worker would wait for. Load it now. (Nothing here touches the database.)
get_resolver().url_patterns  # noqa: B018 (loading is the point)

# Garbage collection (bench/README.md, "Processes"). What is loaded by now lives as
# long as the process: moved out of the collector's generations, it is never scanned
# again (a full collection over it took ~170 ms of CPU, about once every 100
# requests, and landed on some visitor's request). With --preload this runs in
# gunicorn's master, so the workers share those memory pages too. A young
# collection every 10,000 allocations instead of 700 keeps the collector's share of
# a request small; almost everything a request allocates is freed by reference
# counting before that.
gc.collect()
gc.freeze()
gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])
