from django.apps import AppConfig


class TrajectenConfig(AppConfig):
    name = "wmoketen.trajecten"
    verbose_name = "Samenwerkingstrajecten"
