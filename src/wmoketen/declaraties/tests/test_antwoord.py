"""The aanbieder receives the 325 on its 323 (antwoord), through the message pipeline."""

from datetime import date

from django.test import TestCase
from lxml import etree

import wmoketen.declaraties.antwoord  # noqa: F401  (registers the 325 handler)
from istandaarden.safe_xml import parse_bytes
from wmoketen.berichten.constants import Status, Transport
from wmoketen.berichten.services import ontvang
from wmoketen.declaraties.bericht325 import bouw_325
from wmoketen.declaraties.constants import DeclaratieStatus, Oordeel
from wmoketen.declaraties.indienen import dien_in
from wmoketen.declaraties.models import Declaratie
from wmoketen.declaraties.tests.test_voorstel import Opzet
from wmoketen.toewijzingen.models import Signaal

IDENTIFICATIE = iter(range(1, 10_000))


class AntwoordTest(TestCase):
    """A WMO325 on a WMO323 of three prestaties (three clients)."""

    WET = "wmo"

    def setUp(self):
        self.o = Opzet(wet=self.WET)
        for code in ("A01", "A02", "A03"):
            self.o.toewijzing(self.o.product(productcode=f"{self.o.wet[:1].upper()}{code}X"))
        declaratie = self.o.stel_voor()
        self.bericht_323 = dien_in(declaratie, acting_user=self.o.gebruiker)
        self.declaratie = Declaratie.objects.get(pk=declaratie.pk)
        self.prestaties = list(self.declaratie.prestaties.order_by("pk"))
        self.totaal = sum(p.bedrag for p in self.prestaties)
        self.root_323 = parse_bytes(self.bericht_323.bytes).getroot()

    def _325(self, wijzig=None, **verdicts) -> bytes:
        data = bouw_325(
            self.root_323,
            identificatie=f"G{next(IDENTIFICATIE)}",
            dagtekening=date.today(),
            **verdicts,
        )
        if wijzig is None:
            return data
        root = etree.fromstring(data)
        wijzig(root)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8")

    def _ontvang(self, data: bytes):
        return ontvang(
            data, afzender=self.o.gemeente, ontvanger=self.o.aanbieder, transport=Transport.INTERN
        )

    def _oordelen(self):
        return [(p.oordeel, p.retourcodes) for p in self.declaratie.prestaties.order_by("pk")]

    def test_volledig_goedgekeurd(self):
        bericht = self._ontvang(self._325(declaratie_codes=["8001"], toegekend=self.totaal))
        self.assertEqual(bericht.status, Status.VERWERKT, bericht.foutmelding)
        self.declaratie.refresh_from_db()
        self.assertEqual(self.declaratie.status, DeclaratieStatus.BEANTWOORD)
        self.assertEqual(self.declaratie.antwoord, bericht)
        self.assertEqual(self.declaratie.header_retourcodes, ["0200"])
        self.assertEqual(self.declaratie.antwoord_retourcodes, ["8001"])
        self.assertEqual(self.declaratie.toegekend_bedrag, self.totaal)
        self.assertEqual(self._oordelen(), [(Oordeel.GOEDGEKEURD, [])] * 3)
        self.assertFalse(Signaal.objects.exists())

    def test_deels_afgewezen(self):
        afgewezen = self.prestaties[1]
        bericht = self._ontvang(
            self._325(
                declaratie_codes=["0200"],
                toegekend=self.totaal - afgewezen.bedrag,
                afgewezen={afgewezen.referentienummer: ["9339", "9340"]},
            )
        )
        self.assertEqual(bericht.status, Status.VERWERKT, bericht.foutmelding)
        self.declaratie.refresh_from_db()
        self.assertEqual(self.declaratie.toegekend_bedrag, self.totaal - afgewezen.bedrag)
        self.assertEqual(
            self._oordelen(),
            [
                (Oordeel.GOEDGEKEURD, []),
                (Oordeel.AFGEWEZEN, ["9339", "9340"]),
                (Oordeel.GOEDGEKEURD, []),
            ],
        )
        self.assertFalse(Signaal.objects.exists())

    def test_client_afgewezen(self):
        bsn = self.prestaties[0].toewijzing.client.bsn
        self._ontvang(
            self._325(
                declaratie_codes=["0200"],
                toegekend=self.totaal - self.prestaties[0].bedrag,
                client_codes={bsn: ["8187"]},
            )
        )
        self.assertEqual(self._oordelen()[0], (Oordeel.AFGEWEZEN, ["0233", "8187"]))
        self.assertEqual(self._oordelen()[1][0], Oordeel.GOEDGEKEURD)

    def test_alleen_header_0001(self):
        bericht = self._ontvang(self._325(header_codes=["0001"]))
        self.assertEqual(bericht.status, Status.VERWERKT, bericht.foutmelding)
        self.declaratie.refresh_from_db()
        self.assertEqual(self.declaratie.status, DeclaratieStatus.BEANTWOORD)
        self.assertEqual(self.declaratie.header_retourcodes, ["0001"])
        self.assertEqual(self.declaratie.antwoord_retourcodes, [])
        self.assertEqual(self.declaratie.toegekend_bedrag, 0)
        self.assertEqual(self._oordelen(), [(Oordeel.AFGEWEZEN, ["0001"])] * 3)

    def test_declaratie_afgewezen_9333(self):
        self._ontvang(self._325(declaratie_codes=["9333"], toegekend=0))
        self.declaratie.refresh_from_db()
        self.assertEqual(self.declaratie.antwoord_retourcodes, ["9333"])
        self.assertEqual(self.declaratie.toegekend_bedrag, 0)
        self.assertEqual(self._oordelen(), [(Oordeel.AFGEWEZEN, ["9333"])] * 3)

    def test_325_zonder_323_tr337(self):
        def andere_identificatie(root):
            root.find("{*}Header/{*}DeclaratieIdentificatie/{*}Identificatie").text = "D99999999999"

        bericht = self._ontvang(
            self._325(andere_identificatie, declaratie_codes=["8001"], toegekend=self.totaal)
        )
        self.assertEqual(bericht.status, Status.FOUT_BIJ_VERWERKING)
        self.assertIn("TR337", bericht.foutmelding)
        self.assertIn("D99999999999", bericht.foutmelding)
        self.declaratie.refresh_from_db()
        self.assertEqual(self.declaratie.status, DeclaratieStatus.INGEDIEND)
        self.assertIsNone(self.declaratie.antwoord)
        self.assertEqual(self._oordelen(), [(Oordeel.OPEN, [])] * 3)

    def test_325_van_een_andere_gemeente_tr337(self):
        ander = Opzet(aanbieder=self.o.aanbieder, gemeentecode="0986", wet=self.WET)
        data = self._325(declaratie_codes=["8001"], toegekend=self.totaal)
        data = data.replace(b">0988<", b">0986<")  # the other gemeente's Afzender
        bericht = ontvang(
            data, afzender=ander.gemeente, ontvanger=self.o.aanbieder, transport=Transport.INTERN
        )
        self.assertEqual(bericht.status, Status.FOUT_BIJ_VERWERKING, bericht.foutmelding)
        self.assertIn("TR337", bericht.foutmelding)
        self.assertEqual(Declaratie.objects.get().status, DeclaratieStatus.INGEDIEND)

    def test_afwijkend_declaratienummer_en_prestatie_gesignaleerd(self):
        afgewezen = self.prestaties[0]

        def wijzig(root):
            root.find("{*}DeclaratieAntwoord/{*}DeclaratieNummer").text = "ANDERNUMMER"
            root.find(".//{*}Prestatie/{*}GeleverdVolume").text = "99"

        with self.assertLogs("wmoketen.declaraties.antwoord", "WARNING"):
            bericht = self._ontvang(
                self._325(
                    wijzig,
                    declaratie_codes=["0200"],
                    toegekend=self.totaal - afgewezen.bedrag,
                    afgewezen={afgewezen.referentienummer: ["9321"]},
                )
            )
        self.assertEqual(bericht.status, Status.VERWERKT, bericht.foutmelding)
        signaal = Signaal.objects.get()
        self.assertEqual(signaal.organisatie_id, self.o.aanbieder.pk)
        self.assertEqual(signaal.bericht, bericht)
        self.assertIn("TR376", signaal.tekst)
        self.assertIn("TR367", signaal.tekst)
        self.assertIn("GeleverdVolume 99 (wij: 10)", signaal.tekst)
        self.assertEqual(self._oordelen()[0], (Oordeel.AFGEWEZEN, ["9321"]))

    def test_onbekende_referentie_tr366_en_xsdversie_tr371(self):
        def wijzig(root):
            root.find(".//{*}Prestatie/{*}ProductReferentie/{*}ReferentieNummer").text = "ONBEKEND"
            root.find("{*}Header/{*}XsdVersieDeclaratie/{*}BerichtXsdVersie").text = "9.9.9"

        bericht = self._ontvang(
            self._325(
                wijzig,
                declaratie_codes=["0200"],
                toegekend=self.totaal - self.prestaties[0].bedrag,
                afgewezen={self.prestaties[0].referentienummer: ["9321"]},
            )
        )
        self.assertEqual(bericht.status, Status.VERWERKT, bericht.foutmelding)
        tekst = Signaal.objects.get().tekst
        self.assertIn("TR366", tekst)
        self.assertIn("ONBEKEND", tekst)
        self.assertIn("TR371", tekst)
        # The unknown one rejects nothing of ours.
        self.assertEqual(self._oordelen(), [(Oordeel.GOEDGEKEURD, [])] * 3)

    def test_tweede_325_verandert_niets(self):
        eerste = self._ontvang(self._325(declaratie_codes=["8001"], toegekend=self.totaal))
        tweede = self._ontvang(self._325(header_codes=["0001"]))
        self.assertEqual(tweede.status, Status.VERWERKT, tweede.foutmelding)
        self.declaratie.refresh_from_db()
        self.assertEqual(self.declaratie.antwoord, eerste)
        self.assertEqual(self._oordelen(), [(Oordeel.GOEDGEKEURD, [])] * 3)
        self.assertIn("al beantwoord", Signaal.objects.get().tekst)


class JeugdwetAntwoordTest(AntwoordTest):
    """The same for a JW325 on a JW323."""

    WET = "jeugdwet"
