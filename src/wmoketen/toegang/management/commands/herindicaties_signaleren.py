from datetime import date

from django.core.management.base import BaseCommand, CommandError

from wmoketen.toegang import vervolg


class Command(BaseCommand):
    help = (
        "Maak de taken 'Herindicatie voorbereiden' voor beschikkingen die over 8 weken "
        "(de termijnregel herindicatie_signaal) aflopen."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--datum", help="Signaleer alsof het deze dag is (JJJJ-MM-DD); standaard vandaag."
        )

    def handle(self, *args, datum=None, **options):
        try:
            op = date.fromisoformat(datum) if datum else None
        except ValueError as fout:
            raise CommandError(f"Ongeldige datum '{datum}': gebruik JJJJ-MM-DD.") from fout
        aantal = vervolg.signaleer_herindicaties(op)
        self.stdout.write(f"{aantal} beschikking(en) gesignaleerd voor herindicatie.")
