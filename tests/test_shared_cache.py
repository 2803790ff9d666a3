"""With the page cache on, the layout's header, menu and footer (the site's settings,
logo and linked pages) are shared fragments (caching/templatetags/caching.py), and
change at once when an editor changes a site or its settings, publishes, unpublishes
or restricts a page."""

import re

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction, Site

from caching import generation, middleware, shared
from home import linked_pages
from municipality.models import MunicipalitySettings
from proposals.models import SuggestionBoxPage
from tests.proposals.factories import make_box

pytestmark = pytest.mark.usefixtures("cache_on")

SETTINGS_QUERY = "municipality_municipalitysettings"


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


def test_second_request_renders_the_layout_without_queries(
    box, django_assert_max_num_queries
):
    first, first_sql = queries_of("/", django_assert_max_num_queries)
    second, second_sql = queries_of("/", django_assert_max_num_queries)
    assert any(SETTINGS_QUERY in sql for sql in first_sql)
    assert not any(SETTINGS_QUERY in sql for sql in second_sql)
    assert len(second_sql) < len(first_sql)
    assert second.content == first.content
    assert b'<a href="/forslagslada/">' in second.content


def test_off_with_the_page_cache(box, settings, django_assert_max_num_queries):
    settings.PAGE_CACHE_SECONDS = 0
    queries_of("/", django_assert_max_num_queries)
    _response, sql = queries_of("/", django_assert_max_num_queries)
    assert any(SETTINGS_QUERY in q for q in sql)


def test_unpublishing_a_section_drops_it_from_the_menu_at_once(box):
    assert b'<a href="/forslagslada/">' in logged_in_get("/").content
    SuggestionBoxPage.objects.get(pk=box.pk).unpublish()
    assert b'<a href="/forslagslada/">' not in logged_in_get("/").content


def test_a_view_restriction_hides_the_page_from_the_cache_and_menu(box):
    anonymous = Client()
    assert anonymous.get(box.url).status_code == 200
    assert Client().get(box.url)[middleware.HEADER] == "hit"
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
    generation.invalidate()
    assert logged_in_get("/").status_code == 200


def test_a_sections_layout_is_shared(box, django_assert_max_num_queries):
    first, _sql = queries_of(box.url, django_assert_max_num_queries)
    second, sql = queries_of(box.url, django_assert_max_num_queries)
    assert not any(SETTINGS_QUERY in q for q in sql)
    assert b'<a href="/forslagslada/" aria-current="page">' in second.content
    home, _sql = queries_of("/", django_assert_max_num_queries)
    assert b'<a href="/forslagslada/">' in home.content  # not current on home


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
    first = shared.remember(None, "copy-test", lambda: {"menu": ["a"]})
    first["menu"].append("changed")
    assert shared.remember(None, "copy-test", lambda: None) == {"menu": ["a"]}


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


def test_a_restricted_page_is_never_served_from_the_cache(box, django_user_model):
    """A page restricted to signed-in users: anonymous visitors are sent to log in
    every time, a signed-in user's page is rendered for them and never stored."""
    PageViewRestriction.objects.create(
        page=box, restriction_type=PageViewRestriction.LOGIN
    )
    user = django_user_model.objects.create_user("invanare", password="x" * 12)
    member = Client()
    member.force_login(user)
    for _ in range(2):
        page = member.get(box.url)
        assert page.status_code == 200 and middleware.HEADER not in page
        anonymous = Client().get(box.url)
        assert anonymous.status_code == 302 and middleware.HEADER not in anonymous


def test_a_view_without_a_page_shares_its_menu_by_address(box, monkeypatch):
    """The search page has no Wagtail page: its menu is shared per address, with
    "Sök" current there and nowhere else."""
    logged_in_get("/sok/?q=bänk")
    lookups = []
    real = linked_pages._lookup
    monkeypatch.setattr(linked_pages, "_lookup", lambda: lookups.append(1) or real())
    search = logged_in_get("/sok/?q=park")
    assert lookups == []  # the menu's pages were not looked up again
    assert b'<a href="/sok/" aria-current="page">' in search.content
    missing = logged_in_get("/finns-inte/")
    assert b'<a href="/sok/" aria-current="page">' not in missing.content
    assert b'<a href="/sok/">' in missing.content
