from django.apps import AppConfig


class BerichtenConfig(AppConfig):
    name = "wmoketen.berichten"
    verbose_name = "Berichtenverkeer"
