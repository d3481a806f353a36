from django.apps import AppConfig


class PortaalConfig(AppConfig):
    name = "wmoketen.portaal"
    verbose_name = "Portaal"
