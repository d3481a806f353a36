from django.apps import AppConfig


class DeclaratiesConfig(AppConfig):
    name = "wmoketen.declaraties"
    verbose_name = "Declaraties"

    def ready(self) -> None:
        # antwoord: the 325 handlers (aanbieder); ontvangst: the 323 handler and its weigering.
        from . import antwoord, ontvangst  # noqa: F401
        from .regels import registreer_regels

        registreer_regels()
