"""On PostgreSQL, the site search's match filter is answered from an index
(search/migrations/0001): without it every search read the whole index table."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from municipality import swedish
from search import results
from tests.proposals.factories import make_box, make_proposal, make_topic

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.postgres,
    pytest.mark.skipif(
        not settings.IS_POSTGRES, reason="PostgreSQL not configured (DATABASE_URL)"
    ),
]


MATCH = '("wagtailsearch_indexentry"."title" || "wagtailsearch_indexentry"."body") @@'


def test_the_site_search_filters_on_the_indexed_expression(site):
    make_proposal(make_box(site), make_topic(), title="Ny cykelbana")
    with CaptureQueriesContext(connection) as captured:
        results.find(swedish.expand("cykelbanan"), site=Site.objects.get(pk=site.pk))
    searches = [q["sql"] for q in captured.captured_queries if "@@" in q["sql"]]
    # The candidates among pages (none match) and proposals, then the proposals'
    # ranking (search/results.py).
    assert len(searches) == 3
    assert all(MATCH in sql for sql in searches)


def test_the_expression_is_answered_from_the_index(site):
    with connection.cursor() as cursor:
        # The test tables are tiny: without this the planner reads them whole.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            "EXPLAIN SELECT id FROM wagtailsearch_indexentry WHERE "
            '("wagtailsearch_indexentry"."title" || "wagtailsearch_indexentry"."body")'
            " @@ to_tsquery('swedish', 'cykelbana')"
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Bitmap Index Scan on search_indexentry_title_body_gin" in plan, plan
