from django.apps import AppConfig


class OrganisatiesConfig(AppConfig):
    name = "wmoketen.organisaties"
    verbose_name = "Organisaties en contracten"
