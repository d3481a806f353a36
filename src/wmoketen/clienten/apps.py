from django.apps import AppConfig


class ClientenConfig(AppConfig):
    name = "wmoketen.clienten"
    verbose_name = "Cliënten"

    def ready(self):
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("dossier")  # each app's sections of the client page
