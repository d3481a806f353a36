"""Declarations on both sides made directly with the models, for the page and query-count
tests (the services have tests of their own): a gemeente and an aanbieder with a contract, a
second pair that takes no part, allocations with their client records, a web client per role."""

from datetime import date, time, timedelta
from itertools import count

from django.contrib.contenttypes.models import ContentType
from django.test import Client as Web

from wmoketen.accounts.constants import Rol
from wmoketen.berichten.constants import Soort, Status, Transport
from wmoketen.berichten.models import Bericht
from wmoketen.declaraties.constants import BeoordelingStatus, DeclaratieStatus, Oordeel
from wmoketen.declaraties.models import (
    Declaratie,
    OntvangenDeclaratie,
    OntvangenPrestatie,
    Prestatie,
)
from wmoketen.factories import (
    AanbiederFactory,
    ClientFactory,
    ContractFactory,
    GebruikerFactory,
    GemeenteFactory,
    ProductFactory,
)
from wmoketen.termijnen.models import Termijn
from wmoketen.termijnen.queries import regel_voor
from wmoketen.termijnen.services import laad_standaardregels
from wmoketen.toewijzingen.models import AanbiederToewijzing, Toewijzing

NUMMER = count(1)
MAAND = date(2026, 3, 1)
MAAND_EIND = date(2026, 3, 31)


class Opzet:
    def __init__(self):
        laad_standaardregels(acting_user=None)
        self.gemeente = GemeenteFactory(naam="Weert", gemeentecode="0988")
        self.aanbieder = AanbiederFactory(naam="Zorggroep Maasland", agb_code="73730101")
        self.andere_gemeente = GemeenteFactory(naam="Nederweert", gemeentecode="0946")
        self.andere_aanbieder = AanbiederFactory(naam="Thuiszorg Elders", agb_code="73730202")
        ContractFactory(gemeente=self.gemeente, aanbieder=self.aanbieder)
        ContractFactory(gemeente=self.andere_gemeente, aanbieder=self.andere_aanbieder)
        self.product = ProductFactory(
            productcategorie="02", productcode="02A01", naam="Begeleiding"
        )
        self.toewijzingsbericht = self.bericht(self.gemeente, self.aanbieder, 301)
        self.backoffice_gebruiker = GebruikerFactory(organisatie=self.gemeente, rol=Rol.BACKOFFICE)
        self.medewerker_gebruiker = GebruikerFactory(organisatie=self.aanbieder, rol=Rol.AANBIEDER)
        self.backoffice = self._web(self.backoffice_gebruiker)
        self.medewerker = self._web(self.medewerker_gebruiker)
        self.andere_backoffice = self._web(
            GebruikerFactory(organisatie=self.andere_gemeente, rol=Rol.BACKOFFICE)
        )
        self.andere_medewerker = self._web(
            GebruikerFactory(organisatie=self.andere_aanbieder, rol=Rol.AANBIEDER)
        )

    @staticmethod
    def _web(gebruiker):
        web = Web()
        web.force_login(gebruiker)
        return web

    def bericht(self, afzender, ontvanger, nummer=323, **extra):
        return Bericht.objects.create(
            inhoud=b"<xml/>",
            sha256="0" * 64,
            grootte=6,
            afzender=afzender,
            ontvanger=ontvanger,
            transport=Transport.INTERN,
            soort=Soort.HEENBERICHT,
            standaard="iwmo",
            nummer=nummer,
            identificatie=f"D{next(NUMMER)}",
            status=Status.VERZONDEN,
            **extra,
        )

    def toewijzingen(self, naam: str):
        """An allocation on both sides for a client called ``naam``."""
        nummer = next(NUMMER)
        velden = {
            "gemeente": self.gemeente,
            "aanbieder": self.aanbieder,
            "wet": "wmo",
            "toewijzingnummer": nummer,
            "product": self.product,
            "ingangsdatum": date(2026, 1, 1),
            "toewijzingsdatum": date(2026, 1, 1),
            "toewijzingstijd": time(9, 0),
        }
        eigen = Toewijzing.objects.create(
            client=ClientFactory(organisatie=self.gemeente, geslachtsnaam=naam), **velden
        )
        ontvangen = AanbiederToewijzing.objects.create(
            client=ClientFactory(organisatie=self.aanbieder, geslachtsnaam=naam),
            productcategorie="02",
            productcode="02A01",
            ontvangen_op=date(2026, 1, 1),
            bericht=self.toewijzingsbericht,
            **velden,
        )
        return eigen, ontvangen

    # The aanbieder's side ---------------------------------------------------------------------

    def declaratie(self, aantal: int = 2, *, status=DeclaratieStatus.CONCEPT, maand=MAAND, **extra):
        nummer = next(NUMMER)
        declaratie = Declaratie.objects.create(
            aanbieder=self.aanbieder,
            gemeente=self.gemeente,
            wet="wmo",
            declaratienummer=f"N{nummer}",
            periode_begin=maand,
            periode_eind=(maand + timedelta(days=32)).replace(day=1) - timedelta(days=1),
            status=status,
            **extra,
        )
        self.prestaties(declaratie, aantal)
        return declaratie

    def prestaties(self, declaratie, aantal: int, **velden) -> list[Prestatie]:
        rijen = []
        for i in range(aantal):
            _, ontvangen = self.toewijzingen(f"Klant{next(NUMMER)}")
            rijen.append(
                Prestatie.objects.create(
                    declaratie=declaratie,
                    toewijzing=ontvangen,
                    referentienummer=f"{declaratie.declaratienummer}-{i + 1}",
                    periode_begin=declaratie.periode_begin,
                    periode_eind=declaratie.periode_eind,
                    voorgesteld_volume=8,
                    geleverd_volume=velden.get("geleverd_volume", 8),
                    eenheid="04",
                    tarief=velden.get("tarief", 6250),
                    oordeel=velden.get("oordeel", Oordeel.OPEN),
                    retourcodes=velden.get("retourcodes", []),
                )
            )
        return rijen

    # The gemeente's side ----------------------------------------------------------------------

    def ontvangen(self, aantal: int = 2, *, status=BeoordelingStatus.TE_BEOORDELEN, dagen=10):
        """A received declaration of ``aantal`` prestaties and its antwoord_323 deadline due in
        ``dagen`` days."""
        nummer = next(NUMMER)
        declaratie = OntvangenDeclaratie.objects.create(
            gemeente=self.gemeente,
            aanbieder=self.aanbieder,
            wet="wmo",
            bericht=self.bericht(self.aanbieder, self.gemeente),
            declaratienummer=f"N{nummer}",
            periode_begin=MAAND,
            periode_eind=MAAND_EIND,
            ingediend_bedrag=aantal * 50000,
            status=status,
        )
        vandaag = date.today()
        declaratie.termijn = Termijn.objects.create(
            regel=regel_voor("antwoord_323", self.gemeente),
            gemeente=self.gemeente,
            content_type=ContentType.objects.get_for_model(OntvangenDeclaratie),
            object_id=declaratie.pk,
            startdatum=vandaag,
            vervaldatum=vandaag + timedelta(days=dagen),
        )
        declaratie.save(update_fields=["termijn"])
        self.ontvangen_prestaties(declaratie, aantal)
        return declaratie

    def ontvangen_prestaties(self, declaratie, aantal: int, **velden) -> list[OntvangenPrestatie]:
        rijen = []
        for i in range(aantal):
            eigen, _ = self.toewijzingen(f"Klant{next(NUMMER)}")
            rijen.append(
                OntvangenPrestatie.objects.create(
                    declaratie=declaratie,
                    toewijzing=eigen,
                    client=eigen.client,
                    bsn=eigen.client.bsn,
                    referentienummer=f"{declaratie.declaratienummer}-{i + 1}",
                    toewijzingnummer=eigen.toewijzingnummer,
                    productcategorie="02",
                    productcode="02A01",
                    periode_begin=MAAND,
                    periode_eind=MAAND_EIND,
                    geleverd_volume=8,
                    eenheid="04",
                    tarief=6250,
                    bedrag=50000,
                    debet_credit="D",
                    oordeel=velden.get("oordeel", Oordeel.GOEDGEKEURD),
                    retourcodes=velden.get("retourcodes", []),
                    reden=velden.get("reden", ""),
                )
            )
        return rijen
