from datetime import date

from django.core.management.base import BaseCommand, CommandError

from wmoketen.termijnen import services


class Command(BaseCommand):
    help = "Markeer open termijnen waarvan de uiterste datum voorbij is als verlopen."

    def add_arguments(self, parser):
        parser.add_argument(
            "--datum", help="Bewaak alsof het deze dag is (JJJJ-MM-DD); standaard vandaag."
        )

    def handle(self, *args, datum=None, **options):
        try:
            vandaag = date.fromisoformat(datum) if datum else None
        except ValueError as fout:
            raise CommandError(f"Ongeldige datum '{datum}': gebruik JJJJ-MM-DD.") from fout
        aantal = services.markeer_verlopen(vandaag)
        self.stdout.write(f"{aantal} termijn(en) als verlopen gemarkeerd.")
