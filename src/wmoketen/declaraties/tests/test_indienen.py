"""Working on a concept declaration and submitting it as a 323 (indienen)."""

from unittest import mock

from django.core.exceptions import PermissionDenied, ValidationError
from django.test import TestCase

from istandaarden.safe_xml import parse_bytes
from wmoketen.accounts.constants import Rol
from wmoketen.audit.models import AuditRegel
from wmoketen.berichten.services import OngeldigBericht
from wmoketen.declaraties import indienen
from wmoketen.declaraties.constants import DeclaratieStatus
from wmoketen.declaraties.indienen import dien_in, verwijder_prestatie, wijzig_volume
from wmoketen.declaraties.models import Declaratie, Prestatie
from wmoketen.declaraties.tests.test_voorstel import APRIL, Opzet
from wmoketen.factories import GebruikerFactory


class Concept:
    """A concept declaration of April with two prestaties."""

    def __init__(self):
        self.o = Opzet()
        self.toewijzingen = [
            self.o.toewijzing(self.o.product(productcode=f"02A0{i}")) for i in (1, 2)
        ]
        self.declaratie = self.o.stel_voor()
        self.prestaties = list(self.declaratie.prestaties.order_by("pk"))
        self.gebruiker = self.o.gebruiker


class WijzigVolumeTest(TestCase):
    def setUp(self):
        self.c = Concept()
        self.p = self.c.prestaties[0]

    def test_wijzigt_het_geleverde_volume_niet_de_periode(self):
        wijzig_volume(self.p, volume=7, acting_user=self.c.gebruiker)
        self.p.refresh_from_db()
        self.assertEqual((self.p.geleverd_volume, self.p.voorgesteld_volume), (7, 10))
        self.assertEqual(
            (self.p.periode_begin, self.p.periode_eind), (APRIL, APRIL.replace(day=30))
        )
        regel = AuditRegel.objects.get(actie="prestatie.volume_gewijzigd")
        self.assertEqual(regel.wijzigingen, {"geleverd_volume": ["10", "7"]})

    def test_ongeldig_volume(self):
        for volume, melding in [
            (-1, "niet negatief"),
            (1.5, "heel getal"),
            ("3", "heel getal"),
            (True, "heel getal"),
            (None, "heel getal"),
            (100_000_000, "hoogstens"),
        ]:
            with self.subTest(volume=volume), self.assertRaisesMessage(ValidationError, melding):
                wijzig_volume(self.p, volume=volume, acting_user=self.c.gebruiker)
        self.p.refresh_from_db()
        self.assertEqual(self.p.geleverd_volume, 10)

    def test_nul_mag_als_concept(self):
        wijzig_volume(self.p, volume=0, acting_user=self.c.gebruiker)
        self.p.refresh_from_db()
        self.assertEqual(self.p.geleverd_volume, 0)

    def test_alleen_als_concept(self):
        Declaratie.objects.filter(pk=self.c.declaratie.pk).update(status=DeclaratieStatus.INGEDIEND)
        with self.assertRaisesMessage(ValidationError, "niet meer gewijzigd"):
            wijzig_volume(self.p, volume=3, acting_user=self.c.gebruiker)
        with self.assertRaisesMessage(ValidationError, "niet meer gewijzigd"):
            verwijder_prestatie(self.p, acting_user=self.c.gebruiker)
        self.assertTrue(Prestatie.objects.filter(pk=self.p.pk, geleverd_volume=10).exists())

    def test_alleen_de_eigen_aanbieder(self):
        vreemde = GebruikerFactory(organisatie=self.c.o.gemeente, rol=Rol.BACKOFFICE)
        with self.assertRaises(PermissionDenied):
            wijzig_volume(self.p, volume=3, acting_user=vreemde)
        with self.assertRaises(PermissionDenied):
            verwijder_prestatie(self.p, acting_user=vreemde)
        with self.assertRaises(PermissionDenied):
            dien_in(self.c.declaratie, acting_user=vreemde)


class VerwijderTest(TestCase):
    def test_verwijdert_de_prestatie(self):
        c = Concept()
        verwijder_prestatie(c.prestaties[0], acting_user=c.gebruiker)
        self.assertEqual(list(c.declaratie.prestaties.all()), [c.prestaties[1]])
        self.assertTrue(AuditRegel.objects.filter(actie="prestatie.verwijderd").exists())


class DienInTest(TestCase):
    def setUp(self):
        self.c = Concept()

    def test_verstuurt_de_323_en_zet_de_status(self):
        wijzig_volume(self.c.prestaties[0], volume=4, acting_user=self.c.gebruiker)
        bericht = dien_in(self.c.declaratie, acting_user=self.c.gebruiker)
        declaratie = Declaratie.objects.get(pk=self.c.declaratie.pk)
        self.assertEqual(declaratie.status, DeclaratieStatus.INGEDIEND)
        self.assertEqual(declaratie.bericht, bericht)
        self.assertEqual(declaratie.ingediend_door, self.c.gebruiker)
        self.assertIsNotNone(declaratie.ingediend_op)
        self.assertEqual((bericht.nummer, bericht.afzender_id), (323, self.c.o.aanbieder.pk))
        self.assertEqual(bericht.ontvanger_id, self.c.o.gemeente.pk)
        root = parse_bytes(bericht.bytes).getroot()
        volumes = [e.text for e in root.iter("{*}GeleverdVolume")]
        self.assertEqual(sorted(volumes), ["10", "4"])
        self.assertEqual(
            root.findtext("{*}Declaratie/{*}DeclaratieNummer"), declaratie.declaratienummer
        )
        self.assertTrue(AuditRegel.objects.filter(actie="declaratie.ingediend").exists())
        with self.assertRaisesMessage(ValidationError, "niet meer gewijzigd of ingediend"):
            dien_in(declaratie, acting_user=self.c.gebruiker)

    def test_lege_declaratie_geweigerd(self):
        for p in self.c.prestaties:
            verwijder_prestatie(p, acting_user=self.c.gebruiker)
        with self.assertRaisesMessage(ValidationError, "geen prestaties"):
            dien_in(self.c.declaratie, acting_user=self.c.gebruiker)
        self.assertEqual(Declaratie.objects.get().status, DeclaratieStatus.CONCEPT)

    def test_volume_nul_geweigerd(self):
        wijzig_volume(self.c.prestaties[1], volume=0, acting_user=self.c.gebruiker)
        with self.assertRaisesMessage(ValidationError, self.c.prestaties[1].referentienummer):
            dien_in(self.c.declaratie, acting_user=self.c.gebruiker)
        self.assertEqual(Declaratie.objects.get().status, DeclaratieStatus.CONCEPT)

    def test_geweigerd_bericht_laat_het_concept_staan(self):
        fout = OngeldigBericht(["Het WMO323-bericht voldoet niet aan de standaard."])
        with mock.patch.object(indienen, "maak_323", side_effect=fout):
            with self.assertRaises(OngeldigBericht):
                dien_in(self.c.declaratie, acting_user=self.c.gebruiker)
        declaratie = Declaratie.objects.get()
        self.assertEqual((declaratie.status, declaratie.bericht), (DeclaratieStatus.CONCEPT, None))
        self.assertFalse(AuditRegel.objects.filter(actie="declaratie.ingediend").exists())
