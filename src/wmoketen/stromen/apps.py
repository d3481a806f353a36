from django.apps import AppConfig


class StromenConfig(AppConfig):
    name = "wmoketen.stromen"
    verbose_name = "Stromen"

    def ready(self) -> None:
        # The received 301's handler and the one receiver of a linked retour.
        from . import retour, toewijzing  # noqa: F401
