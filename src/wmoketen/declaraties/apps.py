from django.apps import AppConfig


class DeclaratiesConfig(AppConfig):
    name = "wmoketen.declaraties"
    verbose_name = "Declaraties"
