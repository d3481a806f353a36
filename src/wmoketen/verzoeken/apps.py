from django.apps import AppConfig


class VerzoekenConfig(AppConfig):
    name = "wmoketen.verzoeken"
    verbose_name = "Verzoeken"
