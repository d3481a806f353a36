from django.apps import AppConfig


class ProductenConfig(AppConfig):
    name = "wmoketen.producten"
    verbose_name = "Producten en codelijsten"
