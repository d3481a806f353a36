from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "wmoketen.demo"
    verbose_name = "Demo"
