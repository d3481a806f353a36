"""The aanbieder corrects an approved prestatie (correcties): the request and its refusals,
the credit and corrected debit it becomes (in a concept at once, or in the next proposal),
withdrawing it, and its pages.

April 2026 is declared and approved (the 325 applied directly to the records: the real 325
runs in ``test_correctieketen``): 10 hours at € 50,00 on one allocation.
"""

from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client as Web
from django.test import TestCase
from django.urls import reverse

from wmoketen.accounts.constants import Rol
from wmoketen.audit.models import AuditRegel
from wmoketen.declaraties import correcties, indienen
from wmoketen.declaraties.constants import DeclaratieStatus, Oordeel
from wmoketen.declaraties.correcties import voorstellen, vraag_correctie_aan
from wmoketen.declaraties.models import Correctie, Declaratie, Prestatie
from wmoketen.declaraties.tests.test_voorstel import APRIL, Opzet
from wmoketen.factories import GebruikerFactory

MEI = date(2026, 5, 1)
JUNI = date(2026, 6, 1)
REDEN = "Twee uur dubbel geteld."


def beantwoord(declaratie, oordeel=Oordeel.GOEDGEKEURD) -> None:
    """The 325 as applied by the aanbieder's handler: answered, every prestatie ``oordeel``."""
    Declaratie.objects.filter(pk=declaratie.pk).update(status=DeclaratieStatus.BEANTWOORD)
    declaratie.prestaties.update(oordeel=oordeel)


class Goedgekeurd:
    """April declared and approved: one prestatie of 10 hours at 5000 cent."""

    def __init__(self, *, tweede: bool = False, **toewijzing):
        """``tweede``: a second allocation (another product), approved in April too;
        ``toewijzing``: the first allocation's Omvang and dates (``Opzet.toewijzing``)."""
        self.o = Opzet()
        self.toewijzing = self.o.toewijzing(self.o.product(productcode="02A01"), **toewijzing)
        if tweede:
            self.tweede = self.o.toewijzing(self.o.product(productcode="02A02"))
        self.april = self.o.stel_voor()
        beantwoord(self.april)
        self.origineel = self.april.prestaties.get(toewijzing=self.toewijzing)
        self.gebruiker = self.o.gebruiker

    def vraag(self, volume=7, reden=REDEN, prestatie=None, gebruiker=None):
        return vraag_correctie_aan(
            prestatie or self.origineel,
            volume=volume,
            reden=reden,
            acting_user=gebruiker or self.gebruiker,
        )

    def voorstellen(self):
        return voorstellen(self.o.aanbieder, self.o.gemeente, "wmo")


def _verwacht(origineel, correctie, volume) -> list[dict]:
    gemeen = {
        "toewijzing_id": origineel.toewijzing_id,
        "periode_begin": APRIL,
        "periode_eind": date(2026, 4, 30),
        "eenheid": "04",
        "tarief": 5000,
        "correctie_id": correctie.pk,
    }
    regels = [
        gemeen
        | {
            "voorgesteld_volume": 10,
            "geleverd_volume": 10,
            "debet_credit": "C",
            "vorig_referentienummer": origineel.referentienummer,
        }
    ]
    if volume:
        regels.append(
            gemeen
            | {
                "voorgesteld_volume": volume,
                "geleverd_volume": volume,
                "debet_credit": "D",
                "vorig_referentienummer": "",
            }
        )
    return regels


class VoorstellenTest(TestCase):
    def setUp(self):
        self.g = Goedgekeurd()

    def test_zonder_correctie_niets(self):
        self.assertEqual(self.g.voorstellen(), [])

    def test_credit_identiek_aan_het_origineel_dan_de_gecorrigeerde_debet(self):
        """IV091: the credit repeats the original but for its number, VorigReferentieNummer
        and C; the corrected debit is a plain debit (CD060: no VorigReferentieNummer)."""
        self.assertEqual((self.g.origineel.geleverd_volume, self.g.origineel.tarief), (10, 5000))
        correctie = self.g.vraag(volume=7)
        self.assertFalse(correctie.prestaties.exists())  # no concept: it waits
        self.assertEqual(self.g.voorstellen(), _verwacht(self.g.origineel, correctie, 7))

    def test_naar_nul_alleen_een_credit(self):
        correctie = self.g.vraag(volume=0)
        self.assertEqual(self.g.voorstellen(), _verwacht(self.g.origineel, correctie, 0))

    def test_alleen_van_deze_gemeente_en_wet(self):
        self.g.vraag()
        self.assertEqual(voorstellen(self.g.o.aanbieder, self.g.o.gemeente, "jeugdwet"), [])
        ander = Opzet(aanbieder=self.g.o.aanbieder, gemeentecode="0946")
        self.assertEqual(voorstellen(self.g.o.aanbieder, ander.gemeente, "wmo"), [])

    def test_het_volgende_voorstel_neemt_de_wachtende_correctie_mee(self):
        """The hook in ``stel_voor``: May's proposal holds May's prestatie and the correction
        of April, the credit before its debit (OP366), both pointing at the correction."""
        correctie = self.g.vraag(volume=7)
        mei = self.g.o.stel_voor(maand=MEI)
        regels = list(mei.prestaties.order_by("pk"))
        correctieregels = [p for p in regels if p.correctie_id]
        self.assertEqual(
            [
                (p.debet_credit, p.geleverd_volume, p.vorig_referentienummer)
                for p in correctieregels
            ],
            [("C", 10, self.g.origineel.referentienummer), ("D", 7, "")],
        )
        self.assertEqual({p.correctie_id for p in correctieregels}, {correctie.pk})
        self.assertEqual(
            [p.periode_begin for p in regels if not p.correctie_id], [MEI]
        )  # May itself
        self.assertEqual(self.g.voorstellen(), [])  # taken: not proposed twice


class AanvragenTest(TestCase):
    def setUp(self):
        self.g = Goedgekeurd()

    def test_in_een_bestaand_concept_meteen(self):
        mei = self.g.o.stel_voor(maand=MEI)
        [eigen] = mei.prestaties.all()
        correctie = self.g.vraag(volume=9)
        regels = list(mei.prestaties.order_by("pk"))
        self.assertEqual(
            [
                (p.referentienummer, p.debet_credit, p.geleverd_volume, p.correctie_id)
                for p in regels
            ],
            [
                (eigen.referentienummer, "D", eigen.geleverd_volume, None),
                (f"{mei.declaratienummer}-2", "C", 10, correctie.pk),
                (f"{mei.declaratienummer}-3", "D", 9, correctie.pk),
            ],
        )
        credit = regels[1]
        self.assertEqual(
            (credit.vorig_referentienummer, credit.periode_begin, credit.tarief, credit.eenheid),
            (self.g.origineel.referentienummer, APRIL, 5000, "04"),
        )
        self.assertEqual(self.g.voorstellen(), [])
        self.assertEqual(correcties.toestand(correctie), correcties.IN_CONCEPT)
        regel = AuditRegel.objects.get(actie="prestatie.correctie_aangevraagd")
        self.assertIn(f"opgenomen in declaratie {mei.declaratienummer}", regel.omschrijving)
        self.assertEqual(regel.client_id, self.g.toewijzing.client_id)
        self.assertEqual(regel.wijzigingen, {"geleverd_volume": ["10", "9"]})

    def test_nummering_na_een_verwijderde_regel(self):
        mei = self.g.o.stel_voor(maand=MEI)
        Prestatie.objects.create(
            declaratie=mei,
            toewijzing=self.g.toewijzing,
            referentienummer=f"{mei.declaratienummer}-5",
            periode_begin=MEI,
            periode_eind=date(2026, 5, 31),
            voorgesteld_volume=1,
            geleverd_volume=1,
            eenheid="04",
            tarief=5000,
        )
        self.g.vraag()
        self.assertEqual(
            sorted(
                mei.prestaties.filter(correctie__isnull=False).values_list(
                    "referentienummer", flat=True
                )
            ),
            [f"{mei.declaratienummer}-6", f"{mei.declaratienummer}-7"],
        )

    def test_nummer_van_een_verwijderde_regel_niet_opnieuw(self):
        """A removed line's ReferentieNummer is not given again (``verwijder_prestatie``):
        the correction's lines count on from the highest number the concept ever had."""
        mei = self.g.o.stel_voor(maand=MEI)
        indienen.verwijder_prestatie(mei.prestaties.get(), acting_user=self.g.gebruiker)
        self.g.vraag()
        self.assertEqual(
            sorted(mei.prestaties.values_list("referentienummer", flat=True)),
            [f"{mei.declaratienummer}-2", f"{mei.declaratienummer}-3"],
        )

    def test_wacht_zonder_concept(self):
        correctie = self.g.vraag(volume=7)
        self.assertEqual(
            (correctie.prestatie, correctie.volume, correctie.reden),
            (self.g.origineel, 7, REDEN),
        )
        self.assertEqual(correcties.toestand(correctie), correcties.WACHT)
        regel = AuditRegel.objects.get(actie="prestatie.correctie_aangevraagd")
        self.assertIn("wacht op de volgende declaratie", regel.omschrijving)


class WeigeringTest(TestCase):
    """Each refusal in Dutch, and nothing changed."""

    def setUp(self):
        self.g = Goedgekeurd()

    def _geweigerd(self, melding, fout=ValidationError, **kwargs):
        aantal = (Correctie.objects.count(), Prestatie.objects.count())
        with self.assertRaisesMessage(fout, melding):
            self.g.vraag(**kwargs)
        self.assertEqual((Correctie.objects.count(), Prestatie.objects.count()), aantal)

    def test_afgewezen_prestatie_nooit_crediteren(self):
        self.g.origineel.__class__.objects.filter(pk=self.g.origineel.pk).update(
            oordeel=Oordeel.AFGEWEZEN
        )
        self._geweigerd("wordt nooit gecrediteerd (IV085)")

    def test_open_prestatie_van_een_ingediende_declaratie(self):
        Declaratie.objects.filter(pk=self.g.april.pk).update(status=DeclaratieStatus.INGEDIEND)
        self.g.april.prestaties.update(oordeel=Oordeel.OPEN)
        self._geweigerd("nog niet goedgekeurd")

    def test_prestatie_van_een_concept(self):
        mei = self.g.o.stel_voor(maand=MEI)
        self._geweigerd("nog niet goedgekeurd", prestatie=mei.prestaties.get())

    def test_twee_keer_corrigeren(self):
        self.g.vraag(volume=7)
        self._geweigerd("al gecrediteerd of wordt al gecorrigeerd (TR390)", volume=8)

    def test_twee_keer_ook_als_de_eerste_al_in_een_concept_staat(self):
        self.g.o.stel_voor(maand=MEI)
        self.g.vraag(volume=7)
        self._geweigerd("TR390", volume=8)

    def test_andermans_prestatie(self):
        vreemde = GebruikerFactory(rol=Rol.AANBIEDER)
        self._geweigerd("eigen organisatie", fout=PermissionDenied, gebruiker=vreemde)
        gemeente = GebruikerFactory(organisatie=self.g.o.gemeente, rol=Rol.BACKOFFICE)
        self._geweigerd("eigen organisatie", fout=PermissionDenied, gebruiker=gemeente)

    def test_zelfde_volume_is_niets_te_corrigeren(self):
        self._geweigerd("niets te corrigeren", volume=10)

    def test_creditprestatie_niet_corrigeren(self):
        self.g.o.stel_voor(maand=MEI)
        correctie = self.g.vraag(volume=7)
        credit = correctie.prestaties.get(debet_credit="C")
        beantwoord(credit.declaratie)
        self._geweigerd("Een creditprestatie wordt niet gecorrigeerd", prestatie=credit)

    def test_reden_en_volume(self):
        for kwargs, melding in [
            ({"reden": "  "}, "Geef de reden"),
            ({"volume": -1}, "heel getal van 0"),
            ({"volume": "7"}, "heel getal van 0"),
            ({"volume": True}, "heel getal van 0"),
            ({"volume": 100_000_000}, "heel getal van 0"),
        ]:
            with self.subTest(**kwargs):
                self._geweigerd(melding, **kwargs)


class NaHetAntwoordTest(TestCase):
    """What the 325 on the declaration with the correction does to it."""

    def setUp(self):
        self.g = Goedgekeurd()
        self.mei = self.g.o.stel_voor(maand=MEI)
        self.correctie = self.g.vraag(volume=7)
        self.credit = self.correctie.prestaties.get(debet_credit="C")
        self.debet = self.correctie.prestaties.get(debet_credit="D")
        Declaratie.objects.filter(pk=self.mei.pk).update(status=DeclaratieStatus.INGEDIEND)

    def test_ingediend(self):
        self.assertEqual(correcties.toestand(self.correctie), correcties.INGEDIEND)

    def test_verwerkt_dan_de_gecorrigeerde_prestatie_corrigeren(self):
        beantwoord(self.mei)
        self.assertEqual(correcties.toestand(self.correctie), correcties.VERWERKT)
        with self.assertRaisesMessage(ValidationError, "TR390"):
            self.g.vraag(volume=6)
        tweede = self.g.vraag(volume=6, prestatie=self.debet)
        self.assertEqual(
            voorstellen(self.g.o.aanbieder, self.g.o.gemeente, "wmo")[0]["vorig_referentienummer"],
            self.debet.referentienummer,
        )
        self.assertEqual(tweede.prestatie, self.debet)

    def test_afgewezen_credit_dan_opnieuw_aan_te_vragen(self):
        """A credit the gemeente rejected cancels nothing (TR389): the original stands and may
        be corrected again."""
        beantwoord(self.mei)
        Prestatie.objects.filter(pk__in=[self.credit.pk, self.debet.pk]).update(
            oordeel=Oordeel.AFGEWEZEN
        )
        self.assertEqual(correcties.toestand(self.correctie), correcties.MISLUKT)
        nieuw = self.g.vraag(volume=7)
        self.assertEqual(len(self.g.voorstellen()), 2)
        self.assertEqual(self.g.voorstellen()[0]["correctie_id"], nieuw.pk)

    def test_afgewezen_gecorrigeerde_debet_komt_terug_als_debet(self):
        """The credit approved, the corrected debit rejected: April has no debit left, so the
        next proposal offers it again (once), as a plain debit."""
        beantwoord(self.mei)
        Prestatie.objects.filter(pk=self.debet.pk).update(oordeel=Oordeel.AFGEWEZEN)
        verwacht = _verwacht(self.g.origineel, self.correctie, 7)[1]
        self.assertEqual(self.g.voorstellen(), [verwacht])
        juni = self.g.o.stel_voor(maand=JUNI)
        opnieuw = juni.prestaties.filter(periode_begin=APRIL)
        self.assertEqual(list(opnieuw.values_list("debet_credit", "geleverd_volume")), [("D", 7)])
        self.assertEqual(self.g.voorstellen(), [])


class IntrekkenTest(TestCase):
    def setUp(self):
        self.g = Goedgekeurd()

    def test_uit_het_concept(self):
        mei = self.g.o.stel_voor(maand=MEI)
        correctie = self.g.vraag()
        correcties.trek_in(correctie, acting_user=self.g.gebruiker)
        self.assertFalse(Correctie.objects.exists())
        self.assertEqual(list(mei.prestaties.values_list("correctie_id", flat=True)), [None])
        self.assertTrue(AuditRegel.objects.filter(actie="prestatie.correctie_ingetrokken").exists())
        self.g.vraag(volume=8)  # may be requested anew

    def test_niet_na_indienen(self):
        mei = self.g.o.stel_voor(maand=MEI)
        correctie = self.g.vraag()
        Declaratie.objects.filter(pk=mei.pk).update(status=DeclaratieStatus.INGEDIEND)
        with self.assertRaisesMessage(ValidationError, "al ingediend"):
            correcties.trek_in(correctie, acting_user=self.g.gebruiker)
        self.assertEqual(correctie.prestaties.count(), 2)

    def test_alleen_de_eigen_aanbieder(self):
        correctie = self.g.vraag()
        with self.assertRaises(PermissionDenied):
            correcties.trek_in(correctie, acting_user=GebruikerFactory(rol=Rol.AANBIEDER))
        self.assertTrue(Correctie.objects.exists())

    def test_credit_volume_niet_met_de_hand(self):
        """The service refuses it, not only the page (IV091: the credit repeats its
        original); the corrected debit's volume may change."""
        self.g.o.stel_voor(maand=MEI)
        correctie = self.g.vraag()
        credit = correctie.prestaties.get(debet_credit="C")
        with self.assertRaisesMessage(ValidationError, "IV091"):
            indienen.wijzig_volume(credit, volume=3, acting_user=self.g.gebruiker)
        credit.refresh_from_db()
        self.assertEqual(credit.geleverd_volume, 10)
        self.assertFalse(AuditRegel.objects.filter(actie="prestatie.volume_gewijzigd").exists())
        debet = correctie.prestaties.get(debet_credit="D")
        indienen.wijzig_volume(debet, volume=6, acting_user=self.g.gebruiker)  # allowed
        debet.refresh_from_db()
        self.assertEqual(debet.geleverd_volume, 6)

    def test_een_regel_van_de_correctie_niet_alleen_verwijderen(self):
        """The service refuses removing the credit or the debit alone (OP366: they go
        together, by ``trek_in``); nothing changed."""
        self.g.o.stel_voor(maand=MEI)
        correctie = self.g.vraag()
        for regel in correctie.prestaties.all():
            with self.subTest(regel.debet_credit):
                with self.assertRaisesMessage(ValidationError, "Trek de correctie in"):
                    indienen.verwijder_prestatie(regel, acting_user=self.g.gebruiker)
        self.assertEqual(correctie.prestaties.count(), 2)
        self.assertFalse(AuditRegel.objects.filter(actie="prestatie.verwijderd").exists())

    def test_nummers_na_intrekken_niet_opnieuw(self):
        mei = self.g.o.stel_voor(maand=MEI)
        eerste = self.g.vraag()
        correcties.trek_in(eerste, acting_user=self.g.gebruiker)
        self.g.vraag(volume=8)
        self.assertEqual(
            sorted(mei.prestaties.values_list("referentienummer", flat=True)),
            [f"{mei.declaratienummer}-{n}" for n in (1, 4, 5)],
        )


class SchermenTest(TestCase):
    def setUp(self):
        self.g = Goedgekeurd()
        self.web = Web()
        self.web.force_login(self.g.gebruiker)

    def test_corrigeren_vanaf_de_declaratie(self):
        pagina = self.web.get(reverse("declaraties:declaratie", args=[self.g.april.pk]))
        url = reverse("declaraties:corrigeren", args=[self.g.origineel.pk])
        self.assertContains(pagina, f'href="{url}"')
        formulier = self.web.get(url)
        self.assertContains(formulier, "Correctie aanvragen")
        self.assertContains(formulier, "komt in het voorstel van uw volgende declaratie")
        antwoord = self.web.post(url, {"volume": "7", "reden": REDEN})
        self.assertRedirects(antwoord, reverse("declaraties:correcties"))
        correctie = Correctie.objects.get()
        lijst = self.web.get(reverse("declaraties:correcties"))
        self.assertContains(lijst, "Wacht op de volgende declaratie")
        self.assertContains(lijst, REDEN)
        pagina = self.web.get(reverse("declaraties:declaratie", args=[self.g.april.pk]))
        self.assertNotContains(pagina, f'href="{url}"')
        self.assertContains(pagina, "Correctie: wacht op de volgende declaratie")
        self.assertTrue(
            AuditRegel.objects.filter(
                actie="declaraties.correcties_gelezen", client_id=self.g.toewijzing.client_id
            ).exists()
        )
        self.web.post(reverse("declaraties:correctie_intrekken", args=[correctie.pk]))
        self.assertFalse(Correctie.objects.exists())

    def test_in_het_concept_en_daar_intrekken(self):
        mei = self.g.o.stel_voor(maand=MEI)
        url = reverse("declaraties:corrigeren", args=[self.g.origineel.pk])
        self.assertContains(self.web.get(url), f"conceptdeclaratie {mei.declaratienummer}")
        antwoord = self.web.post(url, {"volume": "0", "reden": REDEN})
        self.assertRedirects(antwoord, reverse("declaraties:declaratie", args=[mei.pk]))
        pagina = self.web.get(reverse("declaraties:declaratie", args=[mei.pk]))
        self.assertContains(pagina, f"Credit van {self.g.origineel.referentienummer}")
        credit = mei.prestaties.get(debet_credit="C")
        self.assertNotContains(pagina, f'id="volume-{credit.pk}"')  # no volume form on a credit
        antwoord = self.web.post(reverse("declaraties:volume", args=[credit.pk]), {"volume": "3"})
        self.assertContains(antwoord, "IV091")
        credit.refresh_from_db()
        self.assertEqual(credit.geleverd_volume, 10)
        self.web.post(reverse("declaraties:verwijderen", args=[credit.pk]))
        self.assertFalse(Correctie.objects.exists())
        self.assertFalse(mei.prestaties.filter(debet_credit="C").exists())

    def test_weigering_op_het_formulier(self):
        url = reverse("declaraties:corrigeren", args=[self.g.origineel.pk])
        antwoord = self.web.post(url, {"volume": "10", "reden": REDEN})
        self.assertContains(antwoord, "niets te corrigeren")
        self.assertFalse(Correctie.objects.exists())
        antwoord = self.web.post(url, {"volume": "", "reden": ""})
        self.assertContains(antwoord, "Geef het juiste volume.")
        self.assertContains(antwoord, "Geef de reden van de correctie.")

    def test_afgewezen_prestatie_geen_knop(self):
        self.g.april.prestaties.update(oordeel=Oordeel.AFGEWEZEN)
        url = reverse("declaraties:corrigeren", args=[self.g.origineel.pk])
        pagina = self.web.get(reverse("declaraties:declaratie", args=[self.g.april.pk]))
        self.assertNotContains(pagina, f'href="{url}"')
        self.assertContains(self.web.get(url), "kan nu niet worden gecorrigeerd")

    def test_andere_aanbieder_404(self):
        ander = Web()
        ander.force_login(GebruikerFactory(rol=Rol.AANBIEDER))
        url = reverse("declaraties:corrigeren", args=[self.g.origineel.pk])
        self.assertEqual(ander.get(url).status_code, 404)
        self.assertEqual(ander.post(url, {"volume": "7", "reden": REDEN}).status_code, 404)
        correctie = self.g.vraag()
        intrekken = reverse("declaraties:correctie_intrekken", args=[correctie.pk])
        self.assertEqual(ander.post(intrekken).status_code, 404)
        self.assertNotContains(ander.get(reverse("declaraties:correcties")), REDEN)
        self.assertTrue(Correctie.objects.exists())


class MaximumTest(TestCase):
    """The corrected volume within what the toewijzing allows (TR321, TR322), refused in
    Dutch naming the maximum, nothing changed."""

    def _geweigerd(self, g, volume, *meldingen):
        aantal = (Correctie.objects.count(), Prestatie.objects.count())
        with self.assertRaises(ValidationError) as fout:
            g.vraag(volume=volume)
        for melding in meldingen:
            self.assertIn(melding, fout.exception.messages[0])
        self.assertEqual((Correctie.objects.count(), Prestatie.objects.count()), aantal)

    def test_boven_het_maximum_van_de_productperiode(self):
        """2 hours a week, inspanningsgericht: April 2026 touches 5 calendar weeks, so 10."""
        g = Goedgekeurd()
        self._geweigerd(g, 11, "(TR321)", "hoogstens 10")
        self.assertEqual(g.vraag(volume=9).volume, 9)

    def test_boven_het_totaal_van_de_toewijzing(self):
        """20 hours in total over April and May (frequentie 6): April 9, May 10 declared;
        April corrected to 11 would make 21."""
        g = Goedgekeurd(
            ingang=APRIL,
            eind=date(2026, 5, 31),
            volume=20,
            frequentie="6",
            leveringen=((APRIL, None),),
        )
        mei = g.o.stel_voor(maand=MEI)
        self.assertEqual(
            (g.origineel.geleverd_volume, mei.prestaties.get().geleverd_volume), (9, 10)
        )
        self._geweigerd(g, 11, "(TR322)", "op 21", "de 20 die", "hoogstens 10")
        self.assertEqual(g.vraag(volume=10).volume, 10)

    def test_geen_omvang_geen_grens(self):
        """A budget sets no volume cap here (None: no cap)."""
        o = Opzet()
        toewijzing = o.toewijzing(o.product(productcode="02A01"), budget=Decimal("1000.00"))
        self.assertIsNone(toewijzing.volume)
        april = o.stel_voor()
        beantwoord(april)
        origineel = april.prestaties.get()
        correctie = vraag_correctie_aan(
            origineel, volume=origineel.geleverd_volume + 1, reden=REDEN, acting_user=o.gebruiker
        )
        self.assertEqual(correctie.volume, origineel.geleverd_volume + 1)


class OpnieuwNaCreditTest(TestCase):
    """Corrected debits the gemeente rejected after approving their credits come back, each
    once per toewijzing and period, with the volume last asked."""

    def setUp(self):
        self.g = Goedgekeurd(tweede=True)
        self.tweede = self.g.tweede
        self.mei = self.g.o.stel_voor(maand=MEI)
        for origineel in self.g.april.prestaties.all():
            self.g.vraag(volume=7, prestatie=origineel)
        beantwoord(self.mei)
        self.mei.prestaties.filter(correctie__isnull=False, debet_credit="D").update(
            oordeel=Oordeel.AFGEWEZEN
        )

    def test_elke_toewijzing_met_dezelfde_periode(self):
        voorstel = self.g.voorstellen()
        self.assertEqual(
            sorted(
                (v["toewijzing_id"], v["periode_begin"], v["geleverd_volume"]) for v in voorstel
            ),
            sorted([(self.g.toewijzing.pk, APRIL, 7), (self.tweede.pk, APRIL, 7)]),
        )

    def test_de_laatste_afgewezen_debet(self):
        juni = self.g.o.stel_voor(maand=JUNI)
        opnieuw = juni.prestaties.get(periode_begin=APRIL, toewijzing=self.tweede)
        indienen.wijzig_volume(opnieuw, volume=8, acting_user=self.g.gebruiker)
        beantwoord(juni, Oordeel.AFGEWEZEN)
        voorstel = {v["toewijzing_id"]: v["geleverd_volume"] for v in self.g.voorstellen()}
        self.assertEqual(voorstel, {self.g.toewijzing.pk: 7, self.tweede.pk: 8})

    def test_opnieuw_aangeboden_debet_los_te_verwijderen(self):
        """The debit offered again belongs to a correction already sent: it is a line of its
        own, removed with *Verwijderen* (not *Correctie intrekken*, which would be refused)."""
        juni = self.g.o.stel_voor(maand=JUNI)
        opnieuw = juni.prestaties.filter(periode_begin=APRIL).first()
        self.assertIsNotNone(opnieuw.correctie_id)
        web = Web()
        web.force_login(self.g.gebruiker)
        pagina = web.get(reverse("declaraties:declaratie", args=[juni.pk])).content.decode()
        rij = pagina[pagina.index(f'id="prestatie-{opnieuw.pk}"') :]
        rij = rij[: rij.index("</tr>")]
        self.assertIn("Verwijderen", rij)
        self.assertNotIn("Correctie intrekken", pagina)
        web.post(reverse("declaraties:verwijderen", args=[opnieuw.pk]))
        self.assertFalse(Prestatie.objects.filter(pk=opnieuw.pk).exists())
        self.assertTrue(Correctie.objects.filter(pk=opnieuw.correctie_id).exists())
        self.assertTrue(AuditRegel.objects.filter(actie="prestatie.verwijderd").exists())
        self.assertFalse(correcties.intrekbaar(juni.prestaties.filter(periode_begin=APRIL).get()))
