"""Moving areas, committees, settings and population figures into the municipality
app keeps the groups' permissions, and the old list of areas becomes area rows."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

COMMUNICATORS = "Kommunikatörer"
# What communicators may do with the moved models, as the old apps' migrations gave.
EXPECTED = {
    "area": {"add", "change", "delete"},
    "committee": {"add", "change", "delete", "view"},
    "areapopulation": {"add", "change", "delete", "view"},
    "municipalitysettings": {"change"},
}
BEFORE = [("proposals", "0013_municipality_committee"), ("stats", "0002_permissions")]


@pytest.mark.django_db
def test_communicators_keep_their_permissions_on_the_moved_models():
    granted = set(
        Group.objects.get(name=COMMUNICATORS).permissions.values_list(
            "content_type__app_label", "codename"
        )
    )
    for model, actions in EXPECTED.items():
        for action in actions:
            assert ("municipality", f"{action}_{model}") in granted, (action, model)
    old = {("dialogues", "area"), ("dialogues", "committee")}
    old |= {("home", "municipalitysettings"), ("stats", "areapopulation")}
    labels = set(ContentType.objects.values_list("app_label", "model"))
    assert not labels & old


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _root(old_apps):
    """Wagtail's root page, should an earlier test have emptied the tables."""
    Locale = old_apps.get_model("wagtailcore", "Locale")
    locale = Locale.objects.first() or Locale.objects.create(language_code="sv")
    page_type = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    return old_apps.get_model("wagtailcore", "Page").objects.create(
        title="Root",
        slug="root",
        path="0001",
        depth=1,
        content_type_id=page_type[0].pk,
        locale_id=locale.pk,
    )


# Serialized like the other transactional tests: a flush that recreated content
# types would give them other ids than the ones the next test restores.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_old_area_values_become_rows():
    """Values in use get an area: one with the same slug or name is reused, the
    others are made with the old list's names; proposals, signatures and the
    population figures point at them."""
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    old_apps = _migrate(BEFORE)
    try:
        Area = old_apps.get_model("municipality", "Area")
        centrum = Area.objects.create(slug="centrum", name="Centrum")
        north = Area.objects.create(slug="norra-mittkoping", name="Norra Mittköping")
        box_type = ContentType.objects.get_or_create(
            app_label="proposals", model="suggestionboxpage"
        )[0]
        Page = old_apps.get_model("wagtailcore", "Page")
        root = Page.objects.filter(depth=1).first() or _root(old_apps)
        Box = old_apps.get_model("proposals", "SuggestionBoxPage")
        box = Box.objects.create(
            title="Förslagslådan",
            slug="forslag-migrering",
            path=root.path + "9999",
            depth=2,
            content_type_id=box_type.pk,
            locale_id=root.locale_id,
        )
        Topic = old_apps.get_model("proposals", "Topic")
        topic = Topic.objects.create(name="Trafik", slug="trafik")
        Proposal = old_apps.get_model("proposals", "Proposal")
        made = {
            value: Proposal.objects.create(
                box=box,
                title=value,
                text="Text",
                topic=topic,
                area=value,
                author_name="A",
                author_email="a@example.org",
            )
            for value in ("centrum", "norra", "kustbyarna")
        }
        Signature = old_apps.get_model("proposals", "Signature")
        signed = Signature.objects.create(
            proposal=made["centrum"], name="S", email="s@example.org", area="adalen"
        )
        unsigned_area = Signature.objects.create(
            proposal=made["centrum"], name="T", email="t@example.org", area=""
        )
        OldPopulation = old_apps.get_model("stats", "AreaPopulation")
        OldPopulation.objects.create(area="hela-kommunen", population=9000, year=2025)
    finally:
        new_apps = _migrate(latest)

    Area = new_apps.get_model("municipality", "Area")
    Proposal = new_apps.get_model("proposals", "Proposal")
    Signature = new_apps.get_model("proposals", "Signature")
    Population = new_apps.get_model("municipality", "AreaPopulation")
    areas = {p.title: p.area for p in Proposal.objects.select_related("area")}
    assert areas["centrum"].pk == centrum.pk
    assert areas["norra"].pk == north.pk  # the same name, another slug
    assert (areas["kustbyarna"].slug, areas["kustbyarna"].name) == (
        "kustbyarna",
        "Kustbyarna",
    )
    assert Signature.objects.get(pk=signed.pk).area.name == "Ådalen"
    assert Signature.objects.get(pk=unsigned_area.pk).area is None
    whole = Population.objects.select_related("area").get()
    assert (whole.area.name, whole.area.whole_municipality) == ("Hela kommunen", True)
    assert whole.population == 9000
    assert Area.objects.filter(whole_municipality=True).count() == 1
