"""Create an API token for an organisation; the key is shown once and never stored."""

from django.core.management.base import BaseCommand, CommandError

from wmoketen.berichten.api.authenticatie import nieuwe_token
from wmoketen.berichten.constants import Transport
from wmoketen.berichten.services import kanaal_van
from wmoketen.organisaties.queries import met_code


class Command(BaseCommand):
    help = (
        "Maakt een API-token voor de organisatie met gemeente- of AGB-code ORGCODE. De sleutel "
        "verschijnt één keer (op stdout, de rest op stderr) en wordt niet bewaard."
    )

    def add_arguments(self, parser):
        parser.add_argument("orgcode", metavar="ORGCODE")
        parser.add_argument("naam", metavar="NAAM", help="Waarvoor de token is, bijv. 'ERP'.")

    def handle(self, *args, orgcode: str, naam: str, **options):
        organisatie = met_code(orgcode)
        if organisatie is None:
            raise CommandError(f"Er is geen organisatie met code {orgcode}.")
        if not naam.strip():
            raise CommandError("Geef de token een naam.")
        token, sleutel = nieuwe_token(organisatie=organisatie, naam=naam.strip()[:100])
        self.stderr.write(
            f"Token '{token.naam}' voor {organisatie} ({orgcode}) aangemaakt. Bewaar de sleutel "
            "nu: hij wordt niet opnieuw getoond."
        )
        if kanaal_van(organisatie) != Transport.API:
            self.stderr.write(
                f"Let op: het berichtkanaal van {organisatie} is niet 'HTTP-API'; zet het in het "
                "beheer op HTTP-API, anders weigert de API berichten van deze organisatie."
            )
        self.stdout.write(sleutel)
