from django.core.management.base import BaseCommand

from wmoketen.termijnen import services


class Command(BaseCommand):
    help = (
        "Maak de ontbrekende landelijke, standaard- en regionale termijnregels aan "
        "(bestaande regels blijven ongewijzigd)."
    )

    def handle(self, *args, **options):
        gemaakt = services.laad_standaardregels(acting_user=None)
        for regel in gemaakt:
            self.stdout.write(f"+ {regel.code}: {regel}")
        self.stdout.write(f"{len(gemaakt)} termijnregel(s) aangemaakt.")
