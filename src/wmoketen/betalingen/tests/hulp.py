"""Test data of the payments: received declarations (323) answered with a 325, made directly
as records (the chain test walks the real pipeline), with IBANs for both sides."""

import itertools
from datetime import date, datetime, time

from django.utils import timezone

from wmoketen.accounts.constants import Rol
from wmoketen.berichten.models import Bericht
from wmoketen.betalingen.models import Betaalbatch, Betaalregel
from wmoketen.declaraties.models import OntvangenDeclaratie, OntvangenPrestatie
from wmoketen.declaraties.perioden import maand_van
from wmoketen.factories import AanbiederFactory, ClientFactory, GebruikerFactory, GemeenteFactory
from wmoketen.termijnen.services import laad_standaardregels

GEMEENTE_IBAN = "NL14BNGH0285001234"  # BNG Bank, BIC BNGHNL2G
AANBIEDER_IBAN = "NL44RABO0123456789"  # Rabobank, BIC RABONL2U

_nummers = itertools.count(1)


def gemeente(**kwargs):
    velden = dict(naam="Weert", gemeentecode="0988", iban=GEMEENTE_IBAN, bic="BNGHNL2G")
    velden["rekeninghouder"] = "Gemeente Weert"
    return GemeenteFactory(**(velden | kwargs))


def aanbieder(**kwargs):
    velden = dict(naam="Zorggroep Maasland", agb_code="73730101", iban=AANBIEDER_IBAN)
    velden |= {"bic": "RABONL2U", "rekeninghouder": "Stichting Zorggroep Maasland"}
    return AanbiederFactory(**(velden | kwargs))


def opzet(**backoffice):
    """The standard deadlines loaded, Weert and Zorggroep Maasland, and Weert's backoffice
    (``backoffice``: more fields of that user)."""
    laad_standaardregels(acting_user=None)
    weert, maasland = gemeente(), aanbieder()
    return weert, maasland, GebruikerFactory(organisatie=weert, rol=Rol.BACKOFFICE, **backoffice)


def _bericht(afzender, ontvanger, nummer: int, dagtekening: date) -> Bericht:
    return Bericht.objects.create(
        inhoud=b"<bericht/>",
        sha256="0" * 64,
        grootte=10,
        afzender=afzender,
        ontvanger=ontvanger,
        transport="intern",
        soort="heen",
        standaard="iwmo",
        nummer=nummer,
        identificatie=f"T{next(_nummers)}",
        dagtekening=dagtekening,
        status="verwerkt",
    )


def declaratie(
    gem,
    aanb,
    *,
    ontvangen: date,
    beantwoord: date | None,
    prestaties: list[tuple] = ((50000, "D", "goedgekeurd"),),
    client=None,
) -> OntvangenDeclaratie:
    """A 323 received on ``ontvangen`` and answered (325) on ``beantwoord`` (None: open),
    with ``prestaties`` as (bedrag in cent, debet/credit, oordeel)."""
    nummer = f"DN{next(_nummers)}"
    maand, einde = maand_van(ontvangen)
    d = OntvangenDeclaratie.objects.create(
        gemeente=gem,
        aanbieder=aanb,
        wet="wmo",
        bericht=_bericht(aanb, gem, 323, ontvangen),
        declaratienummer=nummer,
        periode_begin=maand,
        periode_eind=einde,
        ingediend_bedrag=sum(b if dc == "D" else -b for b, dc, _ in prestaties),
        status="beantwoord" if beantwoord else "te_beoordelen",
        antwoord=_bericht(gem, aanb, 325, beantwoord) if beantwoord else None,
    )
    moment = timezone.make_aware(datetime.combine(ontvangen, time(10, 0)))
    OntvangenDeclaratie.objects.filter(pk=d.pk).update(ontvangen_op=moment)
    d.refresh_from_db()
    client = client or ClientFactory(organisatie=gem)
    for i, (bedrag, dc, oordeel) in enumerate(prestaties, start=1):
        OntvangenPrestatie.objects.create(
            declaratie=d,
            client=client,
            bsn=client.bsn,
            referentienummer=f"{nummer}-{i}",
            toewijzingnummer=1000 + i,
            productcategorie="02",
            productcode="02A01",
            periode_begin=maand,
            periode_eind=einde,
            geleverd_volume=bedrag // 6250 or 1,
            eenheid="04",
            tarief=6250,
            bedrag=bedrag,
            debet_credit=dc,
            oordeel=oordeel,
        )
    return d


def in_maart_beantwoord(gem, aanb, **kwargs) -> OntvangenDeclaratie:
    """A ``declaratie`` received on 2 March 2026 and answered on 10 March: March's batch."""
    return declaratie(gem, aanb, ontvangen=date(2026, 3, 2), beantwoord=date(2026, 3, 10), **kwargs)


def andermans_betaalbatch(gem, aanb) -> Betaalbatch:
    """The other organisation's fixed batch paying its received prestatie (``tests/andermans.py``,
    the isolation tests): its line names the declaration (GEHEIMDECL…)."""
    prestatie = OntvangenPrestatie.objects.filter(declaratie__gemeente=gem).first()
    batch = Betaalbatch.objects.create(
        gemeente=gem, aanbieder=aanb, maand=date(2026, 3, 1), status="vastgesteld"
    )
    Betaalregel.objects.create(
        batch=batch,
        prestatie=prestatie,
        bedrag=prestatie.netto,
        productcode=prestatie.productcode,
        omschrijving=f"Prestatie {prestatie.referentienummer}",
    )
    return batch
