"""The municipality's own contact address is public, not a resident's."""

from background.retention import keep

keep(
    "municipality.MunicipalitySettings",
    "the municipality's public contact address (contact_email), not a resident's",
)
