from django.apps import AppConfig


class ToewijzingenConfig(AppConfig):
    name = "wmoketen.toewijzingen"
    verbose_name = "Toewijzingen"
