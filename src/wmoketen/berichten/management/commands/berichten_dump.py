"""Every stored message, verbatim, one file each: for audits and support."""

import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wmoketen.berichten.brievenbus import bestandsnaam
from wmoketen.berichten.models import Bericht


class Command(BaseCommand):
    help = (
        "Schrijft elk opgeslagen bericht onveranderd naar DIR (wordt aangemaakt), één bestand "
        "per bericht: <WMO|JW><nnn>-<id>.xml, of ONBEKEND-<id>.bin voor invoer die geen bericht "
        "was. De bestanden bevatten persoonsgegevens: alleen voor de eigenaar leesbaar."
    )

    def add_arguments(self, parser):
        parser.add_argument("dir", type=Path, metavar="DIR")

    def handle(self, *args, dir: Path, **options):
        if dir.exists() and not dir.is_dir():
            raise CommandError(f"{dir} bestaat al en is geen map.")
        dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        aantal = 0
        berichten = (
            # met_inhoud() first: only() on the manager's deferral would leave the body out.
            Bericht.objects.met_inhoud()
            .order_by("pk")
            .only("pk", "inhoud", "standaard", "nummer")
            .iterator(chunk_size=200)
        )
        for bericht in berichten:
            pad = dir / bestandsnaam(bericht)
            with open(pad, "wb", opener=_alleen_eigenaar) as bestand:
                bestand.write(bericht.bytes)
            aantal += 1
        self.stdout.write(f"{aantal} berichten geschreven naar {dir}.")


def _alleen_eigenaar(pad, vlaggen):
    return os.open(pad, vlaggen, 0o600)
