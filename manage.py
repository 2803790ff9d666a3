#!/usr/bin/env python
"""Django's command-line utility for Delaktig."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "delaktig_site.settings.dev")
    try:
        from django.core.management import execute_from_command_line
    except ImportError as exc:
        raise ImportError(
            "Django is not installed here: run `make run` or `make test` first."
        ) from exc
    try:
        import delaktig_site  # noqa: F401
    except ImportError as exc:
        raise ImportError(
            "The project package is not installed: run `make install` "
            "(it maps the folder site/ to the package delaktig_site)."
        ) from exc
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
