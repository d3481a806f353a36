from django.apps import AppConfig


class EvaluatiesConfig(AppConfig):
    name = "wmoketen.evaluaties"
    verbose_name = "Evaluaties"
