from django.apps import AppConfig


class ToewijzingenConfig(AppConfig):
    name = "wmoketen.toewijzingen"
    verbose_name = "Toewijzingen"

    def ready(self) -> None:
        from . import ontvangst  # noqa: F401  (registers the 301/305/307 handlers)
        from .regels import registreer_regels

        registreer_regels()
