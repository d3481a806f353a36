from django.apps import AppConfig


class EvaluatiesConfig(AppConfig):
    name = "wmoketen.evaluaties"
    verbose_name = "Evaluaties"

    def ready(self) -> None:
        # Connects the receiver of toegang.signals.beschikking_genomen (plans evaluations).
        from . import services  # noqa: F401
