"""Production settings refuse to start without their secrets."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection

SAFE_ENV = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}


def import_production_settings(**env):
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", "import delaktig_site.settings.production"],
        env={**SAFE_ENV, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_to_start_without_secret_key():
    result = import_production_settings(DJANGO_ALLOWED_HOSTS="delaktig.example")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = import_production_settings(DJANGO_SECRET_KEY="x" * 60)
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS" in result.stderr


def test_production_starts_with_both():
    result = import_production_settings(
        DJANGO_SECRET_KEY="x" * 60, DJANGO_ALLOWED_HOSTS="delaktig.example"
    )
    assert result.returncode == 0, result.stderr


def test_database_url_selects_the_database():
    code = (
        "from delaktig_site.settings import base;"
        "print(base.DATABASES['default']['ENGINE'], base.IS_POSTGRES)"
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        env={**SAFE_ENV, "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/test"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.split() == ["django.db.backends.postgresql", "True"]
    default = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        env={k: v for k, v in SAFE_ENV.items() if k != "DATABASE_URL"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert default.stdout.split() == ["django.db.backends.sqlite3", "False"]


def test_the_wsgi_entry_point_moves_what_it_loaded_out_of_garbage_collection():
    code = (
        "import gc; before = gc.get_freeze_count(); import delaktig_site.wsgi; "
        "from delaktig_site.collector import YOUNG_THRESHOLD; "
        "print(before, gc.get_freeze_count() > 1000, "
        "gc.get_threshold()[0] == YOUNG_THRESHOLD, "
        "'delaktig_site.urls' in __import__('sys').modules)"
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        env={
            **SAFE_ENV,
            "DJANGO_SECRET_KEY": "test-" + "x" * 50,
            "DJANGO_ALLOWED_HOSTS": "delaktig.example",
        },
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.split() == ["0", "True", "True", "True"]


@pytest.mark.django_db
@pytest.mark.postgres
@pytest.mark.skipif(
    not settings.IS_POSTGRES, reason="PostgreSQL not configured (DATABASE_URL)"
)
def test_postgresql_connections_run_queries_without_parallel_workers():
    with connection.cursor() as cursor:
        cursor.execute("SHOW max_parallel_workers_per_gather")
        assert cursor.fetchone()[0] == "0"
