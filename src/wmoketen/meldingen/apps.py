from django.apps import AppConfig


class MeldingenConfig(AppConfig):
    name = "wmoketen.meldingen"
    verbose_name = "Notificaties"
