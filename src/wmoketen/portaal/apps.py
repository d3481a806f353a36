from django.apps import AppConfig


class PortaalConfig(AppConfig):
    name = "wmoketen.portaal"
    verbose_name = "Portaal"

    def ready(self):
        from django.utils.module_loading import autodiscover_modules

        # The registries live in gedeeld (below every app); the shell that shows them fills them.
        autodiscover_modules("werklijst")  # each app's worklist sources
        autodiscover_modules("startblokken")  # each app's counts on the start page
