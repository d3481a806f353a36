"""Write what our organisations send to mailbox counterparties into the out/ folders."""

from django.core.management.base import BaseCommand, CommandError

from wmoketen.berichten import brievenbus


class Command(BaseCommand):
    help = (
        "Schrijft elk nog niet geëxporteerd bericht voor een partij met berichtkanaal "
        "'bestand' naar <brievenbus>/<eigen code>/out/<code ontvanger>/, plus een foutrapport "
        "(FOUTRAPPORT-<id>.txt) voor elk bericht van die partij dat zonder retour is afgekeurd."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--organisatie",
            metavar="CODE",
            help="Alleen wat deze organisatie (gemeente- of AGB-code) verstuurt.",
        )

    def handle(self, *args, organisatie=None, **options):
        eigen = None
        if organisatie:
            try:
                eigen = brievenbus.eigen_organisatie(organisatie)
            except ValueError as fout:
                raise CommandError(str(fout)) from None
        try:
            verslag = brievenbus.exporteer(eigen)
        except (brievenbus.Bezet, brievenbus.Onveilig) as fout:
            raise CommandError(str(fout)) from None
        for pad in verslag.berichten + verslag.foutrapporten:
            self.stdout.write(f"  {pad}")
        for pad, reden in verslag.niet_geschreven:  # tried again on the next run
            self.stderr.write(f"  niet geschreven: {pad}: {reden}")
        self.stdout.write(
            f"{len(verslag.berichten)} berichten en {len(verslag.foutrapporten)} foutrapporten "
            "geschreven."
        )
