"""Helpers shared by the mutation tests: their dates (relative to today) and what the
exchanged messages say.

* ``laatste_pk``/``berichten_sinds``: the messages stored after a point, each checked valid;
  ``uitgewisseld``: who sent what to whom.
* ``producten_301``/``reden_307``: the fields of a 301's products and a 307's stops.
"""

from datetime import timedelta

from django.utils import timezone

from istandaarden.validation import validate
from wmoketen.berichten.models import Bericht

VANDAAG = timezone.localdate()
INGANG = VANDAAG - timedelta(days=60)
EINDE = VANDAAG + timedelta(days=300)


def berichten_sinds(pk: int, standaard: str) -> list[Bericht]:
    """The messages stored after ``pk``, each valid XML and without retour errors."""
    nieuw = list(Bericht.objects.filter(pk__gt=pk).order_by("pk"))
    for bericht in nieuw:
        assert validate(bericht.bytes) == [], bericht
        assert bericht.foutmelding == "", bericht.foutmelding
        assert set(bericht.retourcodes or []) <= {"0200"}, (bericht, bericht.retourcodes)
        assert bericht.standaard == standaard
    return nieuw


def laatste_pk() -> int:
    return Bericht.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def uitgewisseld(berichten: list[Bericht]) -> list[tuple]:
    """(nummer, afzender, ontvanger) per message: who sent what to whom, in order."""
    return [(b.nummer, b.afzender.naam, b.ontvanger.naam) for b in berichten]


def producten_301(bericht: Bericht) -> dict[int, dict]:
    """Per ToewijzingNummer of a 301: Einddatum, RedenWijziging, Volume, Ingangsdatum."""
    from lxml import etree

    root = etree.fromstring(bericht.bytes)
    uit = {}
    for tp in root.iter("{*}ToegewezenProduct"):
        uit[int(tp.findtext("{*}ToewijzingNummer"))] = {
            "ingang": tp.findtext("{*}Ingangsdatum"),
            "einde": tp.findtext("{*}Einddatum"),
            "reden": tp.findtext("{*}RedenWijziging"),
            "volume": tp.findtext("{*}Omvang/{*}Volume"),
        }
    return uit


def reden_307(bericht: Bericht) -> list[tuple[str, str]]:
    from lxml import etree

    root = etree.fromstring(bericht.bytes)
    return [
        (sp.findtext("{*}RedenBeeindiging"), sp.findtext("{*}Einddatum"))
        for sp in root.iter("{*}StopProduct")
    ]
