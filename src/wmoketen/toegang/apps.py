from django.apps import AppConfig


class ToegangConfig(AppConfig):
    name = "wmoketen.toegang"
    verbose_name = "Toegang: melding tot beschikking"
