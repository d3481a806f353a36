from django.apps import AppConfig


class TermijnenConfig(AppConfig):
    name = "wmoketen.termijnen"
    verbose_name = "Termijnen"
