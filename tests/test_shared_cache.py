"""With the page cache on, the Wagtail Site, the layout's links and the first routing
step come from the shared cache (home/shared_cache.py), and
change at once when an editor changes a site or its settings, publishes, unpublishes
or restricts a page."""

import re

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction, Site

from home import page_cache, shared_cache
from municipality.models import MunicipalitySettings
from proposals.models import SuggestionBoxPage
from tests.proposals.factories import make_box

pytestmark = pytest.mark.usefixtures("cache_on")

SITE_QUERY = "wagtailcore_site"


@pytest.fixture
def box(site):
    return make_box(site)


def logged_in_get(path):
    """A visitor with a session: never served from the page cache."""
    client = Client()
    client.cookies["sessionid"] = "not-a-session"
    return client.get(path)


def queries_of(path, django_assert_max_num_queries):
    with django_assert_max_num_queries(60) as captured:
        response = logged_in_get(path)
    assert response.status_code == 200
    return response, [q["sql"] for q in captured.captured_queries]


def test_second_request_finds_site_and_menu_without_queries(
    box, django_assert_max_num_queries
):
    first, first_sql = queries_of("/", django_assert_max_num_queries)
    second, second_sql = queries_of("/", django_assert_max_num_queries)
    assert any(SITE_QUERY in sql for sql in first_sql)
    assert not any(SITE_QUERY in sql for sql in second_sql)
    assert len(second_sql) < len(first_sql)
    assert second.content == first.content
    assert b'<a href="/forslagslada/">' in second.content


def test_off_with_the_page_cache(box, settings, django_assert_max_num_queries):
    settings.PAGE_CACHE_SECONDS = 0
    queries_of("/", django_assert_max_num_queries)
    _response, sql = queries_of("/", django_assert_max_num_queries)
    assert any(SITE_QUERY in q for q in sql)


def test_unpublishing_a_section_drops_it_from_the_menu_at_once(box):
    assert b'<a href="/forslagslada/">' in logged_in_get("/").content
    SuggestionBoxPage.objects.get(pk=box.pk).unpublish()
    assert b'<a href="/forslagslada/">' not in logged_in_get("/").content


def test_a_view_restriction_hides_the_page_from_the_cache_and_menu(box):
    anonymous = Client()
    assert anonymous.get(box.url).status_code == 200
    assert Client().get(box.url)[page_cache.HEADER] == "hit"
    PageViewRestriction.objects.create(
        page=box, restriction_type=PageViewRestriction.LOGIN
    )
    restricted = Client().get(box.url)
    assert restricted.status_code == 302  # to the log-in page, not the cached page
    assert b'<a href="/forslagslada/">' not in logged_in_get("/").content


def test_changing_the_site_takes_effect_at_once(site):
    logged_in_get("/")
    site.site_name = "Nytt namn"
    site.hostname = "annan.example"
    site.is_default_site = False
    site.save()
    assert logged_in_get("/").status_code == 404  # testserver has no site now
    Site.objects.filter(pk=site.pk).update(is_default_site=True)
    page_cache.invalidate()
    assert logged_in_get("/").status_code == 200


def test_routing_to_a_section_is_shared(box, django_assert_max_num_queries):
    queries_of(box.url, django_assert_max_num_queries)
    _response, sql = queries_of(box.url, django_assert_max_num_queries)
    assert not any(
        '"wagtailcore_page"."slug" = ' in q and "forslagslada" in q for q in sql
    )


def test_unpublished_section_answers_404_at_once(box):
    assert logged_in_get(box.url).status_code == 200
    SuggestionBoxPage.objects.get(pk=box.pk).unpublish()
    assert logged_in_get(box.url).status_code == 404
    assert logged_in_get("/finns-inte/").status_code == 404


def test_saved_settings_show_at_once(site):
    settings_ = MunicipalitySettings.for_site(site)
    settings_.name = "Mittköpings kommun"
    settings_.save()
    assert "Mittköpings kommun" in logged_in_get("/").content.decode()
    settings_.name = "Nyköpings kommun"
    settings_.save()
    assert "Nyköpings kommun" in logged_in_get("/").content.decode()


def test_pages_without_restrictions_skip_the_restriction_queries(
    box, django_assert_max_num_queries
):
    _response, first = queries_of(box.url, django_assert_max_num_queries)
    _response, second = queries_of(box.url, django_assert_max_num_queries)
    assert any("wagtailcore_pageviewrestriction" in q for q in first)
    assert not any("wagtailcore_pageviewrestriction" in q for q in second)
    assert not any('"alias_of_id" FROM "wagtailcore_page"' in q for q in second)


def test_a_restricted_section_stays_restricted(box):
    PageViewRestriction.objects.create(
        page=box, restriction_type=PageViewRestriction.LOGIN
    )
    for _ in range(2):
        assert logged_in_get(box.url).status_code == 302
        assert Client().get(box.url).status_code == 302


def test_each_use_gets_its_own_copy(site):
    """What a process keeps is unpickled anew for every use: a request changing an
    object it got (Wagtail sets attributes on pages and sites) cannot affect the
    next request."""
    first = shared_cache.remember(None, "copy-test", lambda: {"menu": ["a"]})
    first["menu"].append("changed")
    assert shared_cache.remember(None, "copy-test", lambda: None) == {"menu": ["a"]}


def test_the_logo_is_rendered_once_and_follows_a_new_image(site):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    settings_ = MunicipalitySettings.for_site(site)
    settings_.logo = Image.objects.create(title="Vapen", file=get_test_image_file())
    settings_.save()
    first = logged_in_get("/").content.decode()
    assert 'class="site-brand__logo"' in first and 'alt=""' in first
    assert logged_in_get("/").content.decode() == first
    settings_.logo = Image.objects.create(
        title="Nytt vapen", file=get_test_image_file(filename="nytt.png")
    )
    settings_.save()
    second = logged_in_get("/").content.decode()
    src = re.compile(r'<img[^>]*class="site-brand__logo"[^>]*>')
    assert src.search(first).group(0) != src.search(second).group(0)


def test_site_root_paths_are_read_once(box, monkeypatch):
    url = box.url
    calls = []
    real = Site.get_site_root_paths

    def counted():
        calls.append(1)
        return real()

    monkeypatch.setattr(Site, "get_site_root_paths", staticmethod(counted))
    first = logged_in_get(url).content
    assert logged_in_get(url).content.count(b"/forslagslada/forslag/") == (
        first.count(b"/forslagslada/forslag/")
    )
    assert len(calls) == 1
