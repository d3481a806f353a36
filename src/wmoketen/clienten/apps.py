from django.apps import AppConfig


class ClientenConfig(AppConfig):
    name = "wmoketen.clienten"
    verbose_name = "Cliënten"
