from django.apps import AppConfig


class VerzoekenConfig(AppConfig):
    name = "wmoketen.verzoeken"
    verbose_name = "Verzoeken"

    def ready(self) -> None:
        # Register the 315/317 (gemeente) and 319 (aanbieder) handlers.
        from . import antwoord, ontvangst  # noqa: F401
        from .regels import registreer_regels

        registreer_regels()
