"""Many allocations at once for the list tests: both sides, each with its 301 (some with a
retour) and a delivery period in a given or rotating state, and a web client per role."""

from datetime import date, time, timedelta
from itertools import count

from django.test import Client as Web

from wmoketen.accounts.constants import Rol
from wmoketen.berichten.constants import Soort, Status, Transport
from wmoketen.berichten.models import Bericht
from wmoketen.factories import (
    AanbiederFactory,
    ClientFactory,
    GebruikerFactory,
    GemeenteFactory,
    ProductFactory,
)
from wmoketen.termijnen.models import Sluitingsdag
from wmoketen.termijnen.services import laad_standaardregels
from wmoketen.toewijzingen.constants import LeveringStatus
from wmoketen.toewijzingen.models import AanbiederToewijzing, Levering, Toewijzing

NUMMER = count(1)
STATUSSEN = [None, LeveringStatus.GESTART, LeveringStatus.GEPAUZEERD, LeveringStatus.GESTOPT]


class Opzet:
    def __init__(self):
        laad_standaardregels(acting_user=None)
        self.gemeente = GemeenteFactory(naam="Weert", gemeentecode="0988")
        self.aanbieder = AanbiederFactory(naam="Zorggroep Maasland", agb_code="73730101")
        self.product = ProductFactory(productcategorie="02", productcode="02A01")
        Sluitingsdag.objects.create(gemeente=self.gemeente, datum=date.today() - timedelta(3))
        self.backoffice = self._web(self.gemeente, Rol.BACKOFFICE)
        self.manager = self._web(self.gemeente, Rol.CONTRACTMANAGER)
        self.medewerker = self._web(self.aanbieder, Rol.AANBIEDER)

    @staticmethod
    def _web(organisatie, rol):
        web = Web()
        web.force_login(GebruikerFactory(organisatie=organisatie, rol=rol))
        return web

    def _bericht(self, afzender, ontvanger, nummer=301, **extra):
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
            identificatie=f"T{next(NUMMER)}",
            status=Status.VERZONDEN,
            **extra,
        )

    def vul(self, aantal: int, *, status=None, dagen_geleden: int = 30):
        """``aantal`` allocations on both sides, each a 301 of its own; the states rotate
        through not started, started, paused and stopped unless ``status`` is given ("":
        none); returns the (gemeente's, aanbieder's) pairs."""
        paren = []
        for i in range(aantal):
            nummer = next(NUMMER)
            toegewezen = date.today() - timedelta(days=dagen_geleden + i % 20)
            gemeente_client = ClientFactory(organisatie=self.gemeente, geslachtsnaam=f"K{nummer}")
            bericht = self._bericht(self.gemeente, self.aanbieder)
            if i % 3 == 0:  # some with a retour
                self._bericht(self.aanbieder, self.gemeente, 302, heenbericht=bericht)
            velden = {
                "gemeente": self.gemeente,
                "aanbieder": self.aanbieder,
                "wet": "wmo",
                "toewijzingnummer": nummer,
                "product": self.product,
                "ingangsdatum": toegewezen,
                "toewijzingsdatum": toegewezen,
                "toewijzingstijd": time(9, 0),
                "bericht": bericht,
            }
            eigen = Toewijzing.objects.create(client=gemeente_client, **velden)
            ontvangen = AanbiederToewijzing.objects.create(
                client=ClientFactory(organisatie=self.aanbieder, geslachtsnaam=f"K{nummer}"),
                productcategorie="02",
                ontvangen_op=toegewezen,
                **velden,
            )
            levering = STATUSSEN[i % 4] if status is None else status
            if levering:
                self.lever((eigen, ontvangen), levering, toegewezen)
            paren.append((eigen, ontvangen))
        return paren

    @staticmethod
    def lever(paar, status, begindatum):
        """A delivery period in ``status`` on both sides of an allocation."""
        eigen, ontvangen = paar
        for kant in ({"toewijzing": eigen}, {"aanbieder_toewijzing": ontvangen}):
            Levering.objects.create(begindatum=begindatum, status=status, **kant)
