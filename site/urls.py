"""URL configuration: the admin outside, the public site inside language prefixes."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from municipality.password_reset import LimitedPasswordResetView
from opendata.views import page_not_found
from proposals import privacy_views
from proposals.views import eid as eid_views
from search import views as search_views

urlpatterns = [
    # The admin's password reset sends mail: limited like every such form.
    path(
        f"{settings.ADMIN_PATH}/password_reset/",
        LimitedPasswordResetView.as_view(),
        name="wagtailadmin_password_reset",
    ),
    path(f"{settings.ADMIN_PATH}/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap),
    # Open data: versioned, outside the language prefixes.
    path("api/v1/", include("opendata.urls")),
    # The one address the e-legitimation broker sends residents back to.
    path("e-legitimation/retur/", eid_views.callback, name="eid_callback"),
]

# Test-e-legitimation, the local test identity provider (development and tests
# only; the production settings refuse DELAKTIG_TEST_EID).
if settings.DELAKTIG_TEST_EID:
    urlpatterns.append(
        path("test-e-legitimation/", include("eid.testidp.urls", namespace="testidp"))
    )

# JSON 404s under /api/, the site's page elsewhere.
handler404 = page_not_found

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Public pages: Swedish at /, English at /en/. Apps add their routes above Wagtail's.
urlpatterns += i18n_patterns(
    path("sok/", search_views.search, name="search"),
    path(
        "mina-underskrifter/",
        privacy_views.request_removal,
        name="remove_signatures",
    ),
    path(
        "mina-underskrifter/<str:token>/",
        privacy_views.confirm_removal,
        name="remove_signatures_confirm",
    ),
    path("kommentarer/", include("comments.urls")),
    path("", include("proposals.accountability_urls")),
    # Pages routed from the shared cache; Wagtail routes what that leaves.
    path("", include("caching.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
