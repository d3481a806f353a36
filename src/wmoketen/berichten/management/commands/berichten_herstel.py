"""Deliver or process again every message stuck on its way (after a crash or broker outage)."""

from datetime import timedelta

from django.core.management.base import BaseCommand

from wmoketen.berichten import herstel


class Command(BaseCommand):
    help = (
        "Biedt elk intern bericht dat nog niet bij de ontvanger is verwerkt opnieuw aan, en "
        "verwerkt elk ontvangen bericht dat na een crash is blijven staan opnieuw. Veilig om "
        "te herhalen: een bericht wordt één keer verwerkt."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--ouder-dan",
            type=int,
            metavar="MINUTEN",
            help="Alleen wat langer dan zoveel minuten vastzit "
            "(standaard BERICHTEN_HERSTEL_NA_MINUTEN).",
        )
        parser.add_argument(
            "--direct",
            action="store_true",
            help="Verwerk in dit proces in plaats van via de wachtrij (als de broker uit is).",
        )

    def handle(self, *args, ouder_dan=None, direct=False, **options):
        leeftijd = None if ouder_dan is None else timedelta(minutes=ouder_dan)
        verslag = herstel.herstel(leeftijd, direct=direct)
        self.stdout.write(
            f"{verslag.opnieuw_bezorgd} opnieuw aangeboden, {verslag.niet_bezorgd} niet aan "
            f"te bieden (wachtrij onbereikbaar), {verslag.opnieuw_verwerkt} opnieuw verwerkt, "
            f"{verslag.afgerond} al verwerkt."
        )
        if verslag.niet_bezorgd:
            self.stderr.write("De wachtrij is onbereikbaar: probeer het later of met --direct.")
