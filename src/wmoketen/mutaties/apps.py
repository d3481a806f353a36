from django.apps import AppConfig


class MutatiesConfig(AppConfig):
    name = "wmoketen.mutaties"
    verbose_name = "Mutaties"

    def ready(self) -> None:
        from wmoketen.toegang.signals import beschikking_genomen

        from .signals import profiel_beschikt

        beschikking_genomen.connect(profiel_beschikt, dispatch_uid="mutaties.profiel_beschikt")
