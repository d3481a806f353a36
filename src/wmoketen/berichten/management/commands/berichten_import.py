"""Read the file mailboxes' in/ folders into the message store (cron, or after a sync)."""

from django.core.management.base import BaseCommand, CommandError

from wmoketen.berichten import brievenbus


class Command(BaseCommand):
    help = (
        "Leest elk bestand (.xml of .zip met ten hoogste 30 berichten) uit "
        "<brievenbus>/<eigen code>/in/<code afzender>/ in en verwerkt het; daarna staat het in "
        "in/verwerkt/ of, als het geweigerd is, in in/fout/ met de reden."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--organisatie",
            metavar="CODE",
            help="Alleen de brievenbus van deze organisatie (gemeente- of AGB-code).",
        )

    def handle(self, *args, organisatie=None, **options):
        for eigen in eigen_organisaties(organisatie, self.stderr):
            try:
                verslag = brievenbus.importeer(eigen)
            except brievenbus.Bezet as fout:
                self.stderr.write(str(fout))
                continue
            self.stdout.write(f"{eigen} ({eigen.code}): {samenvatting(verslag)}")
            for pad, reden in verslag.geweigerd:
                self.stderr.write(f"  geweigerd: {pad}: {reden}")
            for reden in verslag.niet_gelezen:
                self.stderr.write(f"  niet gelezen: {reden}")


def samenvatting(verslag) -> str:
    statussen = ", ".join(f"{n} {s}" for s, n in sorted(verslag.per_status.items()))
    # Stored by an earlier run that was killed before it moved the file: not stored again.
    eerder = f"{verslag.al_ingelezen} al ingelezen, " if verslag.al_ingelezen else ""
    return (
        f"{verslag.bestanden} bestanden, {len(verslag.berichten)} berichten ingelezen"
        f"{f' ({statussen})' if statussen else ''}, {eerder}"
        f"{len(verslag.geweigerd)} bestanden geweigerd."
    )


def eigen_organisaties(code, stderr) -> list:
    """The organisation asked for, or every one with a folder in the mailbox root."""
    if code:
        try:
            return [brievenbus.eigen_organisatie(code)]
        except ValueError as fout:
            raise CommandError(str(fout)) from None
    root = brievenbus.root()
    if not root.is_dir():
        return []
    gevonden = []
    for map_ in sorted(p for p in root.iterdir() if p.is_dir() and not p.is_symlink()):
        try:
            gevonden.append(brievenbus.eigen_organisatie(map_.name))
        except ValueError as fout:
            stderr.write(f"Map {map_} overgeslagen: {fout}")
    return gevonden
