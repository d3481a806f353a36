from django.apps import AppConfig


class BetalingenConfig(AppConfig):
    name = "wmoketen.betalingen"
    verbose_name = "Betalingen"
