from django.apps import AppConfig


class VerzoekenConfig(AppConfig):
    name = "wmoketen.verzoeken"
    verbose_name = "Verzoeken"

    def ready(self) -> None:
        # Register the 315/317 (gemeente) and 319 (aanbieder) handlers and the retour hooks.
        from . import antwoord, ontvangst, status  # noqa: F401
        from .regels import registreer_regels

        registreer_regels()
