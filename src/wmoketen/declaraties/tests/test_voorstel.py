"""The aanbieder's monthly proposal (voorstel.stel_voor).

April 2026 throughout: Wednesday 1 to Thursday 30, touching ISO weeks 14 to 18 (5 weeks) and
holding 4 Sundays (5, 12, 19, 26).
"""

from datetime import date, time, timedelta
from decimal import Decimal
from itertools import count

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wmoketen.accounts.constants import Rol
from wmoketen.audit.models import AuditRegel
from wmoketen.berichten.constants import Soort, Status, Transport
from wmoketen.berichten.models import Bericht
from wmoketen.declaraties.constants import DeclaratieStatus, Oordeel
from wmoketen.declaraties.models import Declaratie
from wmoketen.declaraties.voorstel import naar_rato, stel_voor
from wmoketen.factories import (
    AanbiederFactory,
    ClientFactory,
    ContractregelFactory,
    GebruikerFactory,
    GemeenteFactory,
    ProductFactory,
)
from wmoketen.toewijzingen.constants import LeveringStatus
from wmoketen.toewijzingen.models import AanbiederToewijzing, Levering

APRIL = date(2026, 4, 1)
NUMMER = count(1)


class Opzet:
    """A gemeente and an aanbieder with a contract; allocations made on demand."""

    def __init__(
        self, *, gemeente=None, aanbieder=None, gemeentecode="0988", agb="73730101", wet="wmo"
    ):
        self.wet = wet
        self.gemeente = gemeente or GemeenteFactory(naam="Weert", gemeentecode=gemeentecode)
        self.aanbieder = aanbieder or AanbiederFactory(naam="Zorggroep", agb_code=agb)
        self.gebruiker = GebruikerFactory(organisatie=self.aanbieder, rol=Rol.AANBIEDER)
        self.regels = {}

    def product(self, variant: str | None = "inspanningsgericht", *, tarief="50.00", **velden):
        """A product with (unless ``variant`` is None) a contract line of ``variant``."""
        velden.setdefault("productcategorie", "02" if self.wet == "wmo" else "45")
        product = ProductFactory(wet=self.wet, **velden)
        if variant:
            self.regels[product.pk] = ContractregelFactory(
                contract__gemeente=self.gemeente,
                contract__aanbieder=self.aanbieder,
                product=product,
                uitvoeringsvariant=variant,
                tarief=Decimal(tarief),
            )
        return product

    def bericht(self, nummer=301):
        return Bericht.objects.create(
            inhoud=b"<xml/>",
            sha256="0" * 64,
            grootte=6,
            afzender=self.gemeente,
            ontvanger=self.aanbieder,
            transport=Transport.INTERN,
            soort=Soort.HEENBERICHT,
            standaard="iwmo" if self.wet == "wmo" else "ijw",
            nummer=nummer,
            identificatie=f"T{next(NUMMER)}",
            status=Status.VERWERKT,
        )

    def toewijzing(
        self,
        product,
        *,
        ingang=date(2026, 1, 1),
        eind=None,
        volume=2,
        frequentie="2",
        budget=None,
        leveringen=((date(2026, 1, 10), None),),
        **velden,
    ) -> AanbiederToewijzing:
        """The aanbieder's allocation of ``product`` with deliveries (begin, einddatum)."""
        toewijzing = AanbiederToewijzing.objects.create(
            aanbieder=self.aanbieder,
            gemeente=self.gemeente,
            client=velden.pop("client", None) or ClientFactory(organisatie=self.aanbieder),
            wet=self.wet,
            toewijzingnummer=next(NUMMER),
            productcategorie=product.productcategorie,
            productcode=product.productcode,
            product=product,
            ingangsdatum=ingang,
            einddatum=eind,
            toewijzingsdatum=ingang,
            toewijzingstijd=time(9, 0),
            bericht=self.bericht(),
            ontvangen_op=ingang,
            volume=None if budget is not None else volume,
            eenheid="" if budget is not None else "04",
            frequentie="" if budget is not None else frequentie,
            budget=budget,
            **velden,
        )
        for begin, einde in leveringen:
            Levering.objects.create(
                aanbieder_toewijzing=toewijzing,
                begindatum=begin,
                einddatum=einde,
                status=LeveringStatus.GESTOPT if einde else LeveringStatus.GESTART,
            )
        return toewijzing

    def stel_voor(self, maand=APRIL, **kwargs) -> Declaratie:
        kwargs.setdefault("gemeente", self.gemeente)
        return stel_voor(
            aanbieder=self.aanbieder,
            wet=self.wet,
            maand=maand,
            acting_user=self.gebruiker,
            **kwargs,
        )


def prestatie_van(declaratie, toewijzing):
    return declaratie.prestaties.get(toewijzing=toewijzing)


class VoorstelTest(TestCase):
    def setUp(self):
        self.o = Opzet()

    def test_inspanningsgericht_per_week_telt_de_iso_weken(self):
        toewijzing = self.o.toewijzing(self.o.product("inspanningsgericht"), volume=2)
        declaratie = self.o.stel_voor()
        self.assertEqual(declaratie.status, DeclaratieStatus.CONCEPT)
        self.assertEqual(
            (declaratie.periode_begin, declaratie.periode_eind), (APRIL, date(2026, 4, 30))
        )
        p = prestatie_van(declaratie, toewijzing)
        self.assertEqual((p.periode_begin, p.periode_eind), (APRIL, date(2026, 4, 30)))
        self.assertEqual((p.voorgesteld_volume, p.geleverd_volume), (10, 10))  # 5 weeks x 2
        self.assertEqual((p.eenheid, p.tarief, p.bedrag), ("04", 5000, 50000))
        self.assertEqual(p.oordeel, Oordeel.OPEN)

    def test_outputgericht_per_week_telt_de_zondagen(self):
        toewijzing = self.o.toewijzing(self.o.product("outputgericht", tarief="12.34"), volume=3)
        p = prestatie_van(self.o.stel_voor(), toewijzing)
        self.assertEqual(p.geleverd_volume, 12)  # 4 Sundays x 3
        self.assertEqual(p.tarief, 1234)

    def test_taakgericht_en_zonder_contract_niet_voorgesteld(self):
        gedeclareerd = self.o.toewijzing(self.o.product("inspanningsgericht"))
        self.o.toewijzing(self.o.product("taakgericht"))
        self.o.toewijzing(self.o.product(None))  # no contract line
        declaratie = self.o.stel_voor()
        self.assertEqual(
            list(declaratie.prestaties.values_list("toewijzing", flat=True)), [gedeclareerd.pk]
        )

    def test_alleen_taakgericht_geweigerd(self):
        self.o.toewijzing(self.o.product("taakgericht"))
        with self.assertRaisesMessage(ValidationError, "niets te declareren"):
            self.o.stel_voor()
        self.assertFalse(Declaratie.objects.exists())

    def test_start_halverwege_vormt_het_volume_niet_de_periode(self):
        toewijzing = self.o.toewijzing(
            self.o.product(), volume=2, leveringen=[(date(2026, 4, 16), None)]
        )
        p = prestatie_van(self.o.stel_voor(), toewijzing)
        self.assertEqual((p.periode_begin, p.periode_eind), (APRIL, date(2026, 4, 30)))
        self.assertEqual(p.geleverd_volume, 5)  # 15 of 30 days of 10

    def test_stop_halverwege_vormt_het_volume_niet_de_periode(self):
        toewijzing = self.o.toewijzing(
            self.o.product(), volume=2, leveringen=[(date(2026, 1, 10), date(2026, 4, 10))]
        )
        p = prestatie_van(self.o.stel_voor(), toewijzing)
        self.assertEqual((p.periode_begin, p.periode_eind), (APRIL, date(2026, 4, 30)))
        self.assertEqual(p.geleverd_volume, 3)  # 10 of 30 days of 10: 3.33

    def test_pauze_telt_de_dagen_van_beide_leveringen(self):
        toewijzing = self.o.toewijzing(
            self.o.product(),
            volume=1,
            frequentie="1",  # per dag
            leveringen=[(date(2026, 3, 1), date(2026, 4, 5)), (date(2026, 4, 21), None)],
        )
        p = prestatie_van(self.o.stel_voor(), toewijzing)
        self.assertEqual(p.geleverd_volume, 15)  # 5 + 10 days, per dag: exact

    def test_einde_toewijzing_halverwege_knipt_de_periode(self):
        toewijzing = self.o.toewijzing(self.o.product(), volume=2, eind=date(2026, 4, 15))
        p = prestatie_van(self.o.stel_voor(), toewijzing)
        self.assertEqual((p.periode_begin, p.periode_eind), (APRIL, date(2026, 4, 15)))
        self.assertEqual(p.geleverd_volume, 6)  # ISO weeks 14, 15, 16 x 2

    def test_ingang_halverwege_knipt_de_periode(self):
        toewijzing = self.o.toewijzing(
            self.o.product(),
            ingang=date(2026, 4, 20),
            volume=1,
            frequentie="1",
            leveringen=[(date(2026, 4, 22), None)],
        )
        p = prestatie_van(self.o.stel_voor(), toewijzing)
        self.assertEqual(
            (p.periode_begin, p.periode_eind), (date(2026, 4, 20), APRIL.replace(day=30))
        )
        self.assertEqual(p.geleverd_volume, 9)  # delivered 22 .. 30

    def test_zonder_levering_in_de_maand_geen_prestatie(self):
        gedeclareerd = self.o.toewijzing(self.o.product())
        self.o.toewijzing(self.o.product(), leveringen=[(date(2026, 1, 10), date(2026, 3, 31))])
        self.o.toewijzing(self.o.product(), leveringen=[])  # never started
        self.o.toewijzing(self.o.product(), eind=date(2026, 3, 31))  # ended before April
        declaratie = self.o.stel_voor()
        self.assertEqual(
            list(declaratie.prestaties.values_list("toewijzing", flat=True)), [gedeclareerd.pk]
        )

    def test_verwijderde_toewijzing_niet_gedeclareerd(self):
        self.o.toewijzing(self.o.product())
        verwijderd = self.o.toewijzing(
            self.o.product(), reden_wijziging="13", eind=date(2026, 4, 30)
        )
        declaratie = self.o.stel_voor()
        self.assertFalse(declaratie.prestaties.filter(toewijzing=verwijderd).exists())  # TR384

    def test_budget_naar_rato_van_het_tarief(self):
        toewijzing = self.o.toewijzing(
            self.o.product(), budget=Decimal("3000.00"), eind=date(2026, 12, 31)
        )
        p = prestatie_van(self.o.stel_voor(), toewijzing)
        # 300000 cent over 365 days, 30 delivered: 24657 cent, at 5000 per uur: 4.
        self.assertEqual((p.geleverd_volume, p.eenheid, p.tarief), (4, "04", 5000))

    def test_totaal_binnen_geldigheidsduur_verdeeld_over_de_toewijzing(self):
        toewijzing = self.o.toewijzing(
            self.o.product(), volume=120, frequentie="6", eind=date(2026, 6, 29)
        )
        p = prestatie_van(self.o.stel_voor(), toewijzing)
        self.assertEqual(p.geleverd_volume, 20)  # 120 over 180 days, 30 of them: 20

    def test_nummers(self):
        eerste = self.o.toewijzing(self.o.product())
        tweede = self.o.toewijzing(self.o.product())
        declaratie = self.o.stel_voor()
        self.assertRegex(declaratie.declaratienummer, r"^202604\d{6}$")
        refs = [prestatie_van(declaratie, t).referentienummer for t in (eerste, tweede)]
        self.assertEqual(
            refs, [f"{declaratie.declaratienummer}-1", f"{declaratie.declaratienummer}-2"]
        )
        ander = Opzet(aanbieder=self.o.aanbieder, gemeentecode="0986")
        ander.toewijzing(ander.product())
        volgende = ander.stel_voor()
        self.assertNotEqual(volgende.declaratienummer, declaratie.declaratienummer)  # TR333
        self.assertTrue(all(len(r) <= 20 for r in refs))

    def test_tweede_voorstel_voor_dezelfde_maand_geweigerd(self):
        self.o.toewijzing(self.o.product())
        eerste = self.o.stel_voor()
        with self.assertRaisesMessage(ValidationError, eerste.declaratienummer):
            self.o.stel_voor(maand=date(2026, 4, 17))
        Declaratie.objects.filter(pk=eerste.pk).update(status=DeclaratieStatus.INGEDIEND)
        with self.assertRaisesMessage(ValidationError, "al een declaratie"):
            self.o.stel_voor()
        self.assertEqual(Declaratie.objects.count(), 1)

    def _beantwoord(self, declaratie, goed=(), fout=(), codes=("0200",)):
        declaratie.prestaties.filter(toewijzing__in=goed).update(oordeel=Oordeel.GOEDGEKEURD)
        declaratie.prestaties.filter(toewijzing__in=fout).update(oordeel=Oordeel.AFGEWEZEN)
        Declaratie.objects.filter(pk=declaratie.pk).update(
            status=DeclaratieStatus.BEANTWOORD,
            header_retourcodes=["0200"],
            antwoord_retourcodes=list(codes),
        )

    def test_na_antwoord_een_latere_maand_met_de_afgewezen_prestatie(self):
        """TR318: one declaration a month; what the 325 rejected comes back in the next one
        with its own ProductPeriode (TR319 allows earlier periods)."""
        goed = self.o.toewijzing(self.o.product())
        fout = self.o.toewijzing(self.o.product())
        eerste = self.o.stel_voor()
        self._beantwoord(eerste, goed=[goed], fout=[fout])
        with self.assertRaisesMessage(ValidationError, "TR318"):
            self.o.stel_voor()
        mei = self.o.stel_voor(maand=date(2026, 5, 1))
        rijen = mei.prestaties.values_list("toewijzing", "periode_begin", "geleverd_volume")
        self.assertEqual(
            sorted(rijen),
            sorted(
                [
                    (goed.pk, date(2026, 5, 1), 10),
                    (fout.pk, date(2026, 5, 1), 10),
                    (fout.pk, APRIL, 10),  # rejected in April: proposed again
                ]
            ),
        )
        self._beantwoord(mei, goed=[goed, fout])
        juni = self.o.stel_voor(maand=date(2026, 6, 1))
        self.assertFalse(juni.prestaties.filter(periode_begin__lt=date(2026, 6, 1)).exists())

    def test_geheel_geweigerde_declaratie_telt_niet(self):
        """Refused as a whole (here 9333) it counts as not sent: the month may be redone."""
        toewijzing = self.o.toewijzing(self.o.product())
        self._beantwoord(self.o.stel_voor(), fout=[toewijzing], codes=["9333"])
        opnieuw = self.o.stel_voor()
        self.assertEqual(
            list(opnieuw.prestaties.values_list("toewijzing", flat=True)), [toewijzing.pk]
        )

    def test_maand_in_de_toekomst_geweigerd(self):
        self.o.toewijzing(self.o.product())
        volgende = timezone.localdate().replace(day=1) + timedelta(days=32)
        with self.assertRaisesMessage(ValidationError, "toekomst"):
            self.o.stel_voor(maand=volgende)

    def test_alleen_de_eigen_aanbieder(self):
        self.o.toewijzing(self.o.product())
        vreemde = GebruikerFactory(organisatie=self.o.gemeente, rol=Rol.BACKOFFICE)
        with self.assertRaises(PermissionDenied):
            stel_voor(
                aanbieder=self.o.aanbieder,
                gemeente=self.o.gemeente,
                wet="wmo",
                maand=APRIL,
                acting_user=vreemde,
            )

    def test_andere_gemeente_en_wet_tellen_niet_mee(self):
        self.o.toewijzing(self.o.product())
        ander = Opzet(aanbieder=self.o.aanbieder, gemeentecode="0986")
        ander.toewijzing(ander.product())
        declaratie = self.o.stel_voor()
        self.assertEqual(declaratie.prestaties.count(), 1)
        with self.assertRaisesMessage(ValidationError, "niets te declareren"):
            stel_voor(
                aanbieder=self.o.aanbieder,
                gemeente=self.o.gemeente,
                wet="jeugdwet",
                maand=APRIL,
                acting_user=self.o.gebruiker,
            )

    def test_auditregel(self):
        self.o.toewijzing(self.o.product())
        declaratie = self.o.stel_voor()
        regel = AuditRegel.objects.get(actie="declaratie.voorgesteld")
        self.assertEqual(regel.object_id, str(declaratie.pk))
        self.assertEqual(regel.organisatie_id, self.o.aanbieder.pk)

    def test_aantal_queries_groeit_niet_met_de_toewijzingen(self):
        def queries(opzet, aantal):
            for _ in range(aantal):
                opzet.toewijzing(opzet.product())
            with CaptureQueriesContext(connection) as ctx:
                opzet.stel_voor()
            return len(ctx.captured_queries)

        weinig = queries(self.o, 2)
        veel = queries(Opzet(gemeentecode="0986", agb="73730102"), 8)
        self.assertEqual(weinig, veel)


class NaarRatoTest(TestCase):
    def test_afronding(self):
        self.assertEqual(naar_rato(10, 30, 30), 10)
        self.assertEqual(naar_rato(10, 15, 30), 5)
        self.assertEqual(naar_rato(10, 1, 30), 1)  # at least 1 when care was delivered
        self.assertEqual(naar_rato(3, 5, 30), 1)  # 0.5: half up
        self.assertEqual(naar_rato(0, 5, 30), 0)
