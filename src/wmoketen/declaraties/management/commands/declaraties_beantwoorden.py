from datetime import date

from django.core.management.base import BaseCommand, CommandError

from wmoketen.declaraties import beantwoorden


class Command(BaseCommand):
    help = (
        "Beantwoord (325) de ontvangen declaraties die lang genoeg wachten en niet zijn "
        "aangehouden (zonder broker vanuit cron; met een broker doet beat dit elk uur)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--datum", help="Alsof het deze dag is (JJJJ-MM-DD); standaard vandaag."
        )

    def handle(self, *args, datum=None, **options):
        try:
            vandaag = date.fromisoformat(datum) if datum else None
        except ValueError as fout:
            raise CommandError(f"Ongeldige datum '{datum}': gebruik JJJJ-MM-DD.") from fout
        aantal = beantwoorden.beantwoord_openstaande(vandaag=vandaag)
        self.stdout.write(f"{aantal} declaratie(s) beantwoord.")
