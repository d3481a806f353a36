from django.apps import AppConfig


class MutatiesConfig(AppConfig):
    name = "wmoketen.mutaties"
    verbose_name = "Mutaties"
