"""A GIN index on title || body of Wagtail's search index (PostgreSQL only).

Wagtail's database backend filters matches with (title || body) @@ query, but only
indexes title and body apart, so every search read the whole index table: at
100,000 proposals a word that matched nothing still took ~130 ms (bench/README.md).
SQLite searches through its own FTS5 table and needs nothing."""

from django.db import migrations

INDEX = "search_indexentry_title_body_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
            "USING gin ((title || body))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(create, drop)]
