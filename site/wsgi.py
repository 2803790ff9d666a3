"""WSGI entry point: `gunicorn delaktig_site.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "delaktig_site.settings.production")

application = get_wsgi_application()
