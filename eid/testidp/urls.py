"""Test-e-legitimation's addresses, under the issuer's path (DELAKTIG_TEST_EID only)."""

from django.urls import path

from eid.testidp import views

app_name = "testidp"
urlpatterns = [
    path(".well-known/openid-configuration", views.discovery, name="discovery"),
    path("jwks/", views.jwks, name="jwks"),
    path("authorize/", views.authorize, name="authorize"),
    path("token/", views.token, name="token"),
]
