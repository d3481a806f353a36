from django.apps import AppConfig


class ToewijzingenConfig(AppConfig):
    name = "wmoketen.toewijzingen"
    verbose_name = "Toewijzingen"

    def ready(self) -> None:
        from wmoketen.organisaties.dekking import registreer_afnemer

        from . import ontvangst  # noqa: F401  (registers the 305/307 handlers)
        from .queries import DEKKING
        from .regels import registreer_regels

        registreer_regels()
        registreer_afnemer(DEKKING)  # a contract change may not leave these without cover
