"""The foundation: home page, languages, 404, admin log-in."""

import pytest
from django.contrib.auth.models import Group

from home.demo import DEMO_USERS
from home.models import HomePage

pytestmark = pytest.mark.django_db


def test_home_page_renders_in_swedish(client, site):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="sv">' in html
    assert "Hoppa till innehållet" in html
    assert "Delaktighet i Mittköping" in html
    assert "Tillgänglighetsredogörelse" in html
    assert "Så hanterar vi personuppgifter" in html


def test_home_page_renders_in_english(client, site):
    response = client.get("/en/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en">' in html
    assert "Skip to content" in html
    assert "Accessibility statement" in html
    assert "How we handle personal data" in html
    # Links inside the English site stay English.
    assert 'href="/en/personuppgifter/"' in html


def test_language_switcher_links_to_same_page(client, site):
    html = client.get("/personuppgifter/").content.decode()
    assert 'href="/en/personuppgifter/" lang="en" hreflang="en"' in html
    html = client.get("/en/personuppgifter/").content.decode()
    assert 'href="/personuppgifter/" lang="sv" hreflang="sv"' in html


def test_language_links_keep_the_path_and_query_and_swap_only_the_prefix():
    from home.templatetags.site_tags import in_language

    assert in_language("/", "en") == "/en/"
    assert in_language("/en/", "sv") == "/"
    assert in_language("/sok/?q=cykel", "en") == "/en/sok/?q=cykel"
    assert in_language("/en/sok/?q=cykel", "sv") == "/sok/?q=cykel"
    assert in_language("/en/sok/", "en") == "/en/sok/"
    # A Swedish path that only starts like the prefix keeps its words.
    assert in_language("/energi/", "en") == "/en/energi/"
    assert in_language("/energi/", "sv") == "/energi/"


def test_header_shows_municipality_name_and_logo(client, site):
    html = client.get("/").content.decode()
    assert "Mittköpings kommun" in html
    assert 'class="site-brand__logo"' in html


def test_main_navigation_has_search(client, site):
    html = client.get("/").content.decode()
    assert 'aria-label="Huvudmeny"' in html
    assert 'href="/sok/"' in html


def test_editable_introduction_is_shown(client, site):
    home = HomePage.objects.get(locale__language_code="sv")
    home.introduction = "<p>Välkommen till samrådet om Storgatan.</p>"
    home.save_revision().publish()
    assert "Välkommen till samrådet om Storgatan." in client.get("/").content.decode()


def test_missing_page_gives_styled_swedish_404(client, site):
    response = client.get("/finns-inte/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "Sidan finns inte" in html
    assert 'class="skip-link"' in html
    assert "Mittköpings kommun" in html


def test_missing_page_in_english_gives_english_404(client, site):
    response = client.get("/en/does-not-exist/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_both_groups_exist_on_a_fresh_database():
    communicators = Group.objects.get(name="Kommunikatörer")
    politicians = Group.objects.get(name="Politiker")
    assert communicators.permissions.filter(codename="access_admin").exists()
    assert politicians.permissions.filter(codename="access_admin").exists()
    assert communicators.page_permissions.filter(
        permission__codename="publish_page"
    ).exists()
    assert not politicians.page_permissions.exists()


def test_demo_communicator_can_log_in_to_admin(client, site, settings):
    username, password = next((u, p) for u, p, *_ in DEMO_USERS if u == "kommunikator")
    login_url = f"/{settings.ADMIN_PATH}/login/"
    response = client.post(login_url, {"username": username, "password": password})
    assert response.status_code == 302
    dashboard = client.get(f"/{settings.ADMIN_PATH}/")
    assert dashboard.status_code == 200
    assert 'lang="sv"' in dashboard.content.decode()


def test_wrong_password_is_refused(client, site, settings):
    response = client.post(
        f"/{settings.ADMIN_PATH}/login/",
        {"username": "kommunikator", "password": "fel"},
    )
    assert response.status_code == 200
    assert client.get(f"/{settings.ADMIN_PATH}/").status_code == 302


def test_municipality_settings_bring_logo_and_footer_pages_in_one_query(
    site, django_assert_num_queries
):
    from municipality.models import MunicipalitySettings

    with django_assert_num_queries(1):
        settings = MunicipalitySettings.for_site(site)
        assert settings.logo is not None
        assert settings.accessibility_page is not None
        assert settings.privacy_page is not None
