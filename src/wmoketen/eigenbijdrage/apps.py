from django.apps import AppConfig


class EigenbijdrageConfig(AppConfig):
    name = "wmoketen.eigenbijdrage"
    verbose_name = "Eigen bijdrage (CAK)"
