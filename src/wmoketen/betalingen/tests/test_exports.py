"""The batch's files: the CSV for the financial system and the SEPA pain.001, validated here
against the XSD that sepaxml ships (independently of the library's own check)."""

from datetime import date
from pathlib import Path

import pytest
import sepaxml
import xmlschema
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from wmoketen.accounts.constants import Rol
from wmoketen.audit.models import AuditRegel
from wmoketen.betalingen import exports, services
from wmoketen.betalingen.constants import BatchStatus
from wmoketen.betalingen.models import Betaalbatch
from wmoketen.factories import GebruikerFactory
from wmoketen.organisaties.betaalgegevens import wijzig_betaalgegevens
from wmoketen.termijnen.services import laad_standaardregels

from .hulp import (
    AANBIEDER_IBAN,
    GEMEENTE_IBAN,
    aanbieder,
    declaratie,
    gemeente,
    in_maart_beantwoord,
    opzet,
)

D = date.fromisoformat
SCHEMA = Path(sepaxml.__file__).parent / "schemas" / f"{exports.SEPA_SCHEMA}.xsd"
NIEUW_IBAN = "NL51INGB0001234300"  # ING; the new account after the batch was fixed
NS = {"p": f"urn:iso:std:iso:20022:tech:xsd:{exports.SEPA_SCHEMA}"}


@pytest.fixture
def vastgesteld(db):
    """Weert's fixed March batch for Zorggroep Maasland: € 1.234,56 + € 500,00 − € 62,50."""
    weert, maasland, backoffice = opzet()
    in_maart_beantwoord(
        weert,
        maasland,
        prestaties=[
            (123456, "D", "goedgekeurd"),
            (50000, "D", "goedgekeurd"),
            (6250, "C", "goedgekeurd"),
        ],
    )
    [batch] = services.maak_batches(weert, acting_user=backoffice)
    services.stel_vast(batch, acting_user=backoffice)
    return batch, backoffice


def test_csv_een_regel_per_betaalregel_met_komma_en_puntkomma(vastgesteld):
    batch, backoffice = vastgesteld
    bestand = services.exporteer(batch, soort="csv", acting_user=backoffice)

    assert bestand.naam == "BB-0988-73730101-202603.csv"
    assert bestand.inhoud.startswith("\ufeff".encode())
    regels = bestand.inhoud.decode("utf-8-sig").split("\r\n")
    assert regels[0] == ";".join(exports.KOLOMMEN)
    velden = [r.split(";") for r in regels[1:] if r]
    assert [(v[15], v[16]) for v in velden] == [("D", "1234,56"), ("D", "500,00"), ("C", "-62,50")]
    eerste = velden[0]
    assert eerste[:9] == [
        "BB-0988-73730101-202603",
        "03-2026",
        "Weert",
        "Zorggroep Maasland",
        "73730101",
        AANBIEDER_IBAN,
        "RABONL2U",
        "Stichting Zorggroep Maasland",
        "Prestatie",
    ]
    assert eerste[12:15] == ["02A01", "01-03-2026", "31-03-2026"]
    batch.refresh_from_db()
    assert batch.status == BatchStatus.GEEXPORTEERD and batch.geexporteerd_op is not None
    assert AuditRegel.objects.filter(actie="betaalbatch.export_csv").count() == 1


def test_csv_bedragen():
    assert exports.euro(-5) == "-0,05" and exports.euro(123456789) == "1234567,89"


def test_sepa_is_geldig_volgens_het_xsd_van_sepaxml(vastgesteld):
    batch, backoffice = vastgesteld
    bestand = services.exporteer(batch, soort="sepa", acting_user=backoffice)

    assert bestand.naam == "BB-0988-73730101-202603.xml"
    schema = xmlschema.XMLSchema(SCHEMA)
    schema.validate(bestand.inhoud.decode())  # raises on any violation
    xml = schema.to_dict(bestand.inhoud.decode())
    betaling = xml["CstmrCdtTrfInitn"]["PmtInf"][0]
    assert xml["CstmrCdtTrfInitn"]["GrpHdr"]["NbOfTxs"] == "1"
    assert str(xml["CstmrCdtTrfInitn"]["GrpHdr"]["CtrlSum"]) == "1672.06"
    assert betaling["DbtrAcct"]["Id"]["IBAN"] == GEMEENTE_IBAN
    assert betaling["DbtrAgt"]["FinInstnId"]["BICFI"] == "BNGHNL2G"
    assert betaling["Dbtr"]["Nm"] == "Gemeente Weert"
    assert betaling["ReqdExctnDt"]["Dt"] == timezone.localdate().isoformat()
    [overboeking] = betaling["CdtTrfTxInf"]
    assert overboeking["PmtId"]["EndToEndId"] == "BB-0988-73730101-202603"
    assert str(overboeking["Amt"]["InstdAmt"]["$"]) == "1672.06"
    assert overboeking["Amt"]["InstdAmt"]["@Ccy"] == "EUR"
    assert overboeking["CdtrAcct"]["Id"]["IBAN"] == AANBIEDER_IBAN
    assert overboeking["CdtrAgt"]["FinInstnId"]["BICFI"] == "RABONL2U"
    assert overboeking["Cdtr"]["Nm"] == "Stichting Zorggroep Maasland"
    assert AuditRegel.objects.filter(actie="betaalbatch.export_sepa").count() == 1


@pytest.mark.parametrize(
    "geval, fout",
    [
        ("geen_iban", "Zorggroep Maasland heeft nog geen IBAN"),
        ("fout_iban", "NL44RABO0123456780 is geen geldig IBAN"),
        ("negatief", "Een negatief saldo is een vordering op de aanbieder"),
    ],
)
def test_sepa_geweigerd_en_niets_veranderd(vastgesteld, geval, fout):
    batch, backoffice = vastgesteld
    # The files pay the account fixed with the batch (stel_vast refuses a missing one; here
    # it was lost or changed in the database).
    if geval == "geen_iban":
        Betaalbatch.objects.filter(pk=batch.pk).update(crediteur_iban="")
    elif geval == "fout_iban":
        Betaalbatch.objects.filter(pk=batch.pk).update(crediteur_iban="NL44RABO0123456780")
    else:
        batch.regels.update(bedrag=-100)
    audit = AuditRegel.objects.count()

    with pytest.raises(ValidationError) as e:
        services.exporteer(batch, soort="sepa", acting_user=backoffice)

    assert fout in " ".join(e.value.messages)
    batch.refresh_from_db()
    assert batch.status == BatchStatus.VASTGESTELD and batch.geexporteerd_op is None
    assert AuditRegel.objects.count() == audit
    if geval == "negatief":  # the claim still goes to the financial system
        assert services.exporteer(batch, soort="csv", acting_user=backoffice).inhoud


def test_geen_export_van_een_concept_en_geen_sepa_na_betaling(vastgesteld):
    batch, backoffice = vastgesteld
    concept = Betaalbatch.objects.create(
        gemeente=batch.gemeente, aanbieder=batch.aanbieder, maand=D("2026-04-01")
    )
    with pytest.raises(ValidationError, match="eerst vast"):
        services.exporteer(concept, soort="csv", acting_user=backoffice)
    services.markeer_betaald(batch, betaald_op=timezone.localdate(), acting_user=backoffice)
    with pytest.raises(ValidationError, match="dubbel betalen"):
        services.exporteer(batch, soort="sepa", acting_user=backoffice)
    assert services.exporteer(batch, soort="csv", acting_user=backoffice).inhoud  # a copy
    batch.refresh_from_db()
    assert batch.status == BatchStatus.BETAALD


def _ids(inhoud: bytes) -> tuple[str, str, str]:
    xml = xmlschema.XMLSchema(SCHEMA).to_dict(inhoud.decode())["CstmrCdtTrfInitn"]
    betaling = xml["PmtInf"][0]
    return (
        xml["GrpHdr"]["MsgId"],
        betaling["PmtInfId"],
        betaling["CdtTrfTxInf"][0]["PmtId"]["EndToEndId"],
    )


def test_sepa_een_keer_gemaakt_daarna_hetzelfde_bestand(vastgesteld):
    """A second SEPA export never makes a second payment order: the same bytes, with the
    batch's kenmerk as MsgId, PmtInfId and EndToEndId so the bank recognises it."""
    batch, backoffice = vastgesteld
    eerste = services.exporteer(batch, soort="sepa", acting_user=backoffice)
    services.exporteer(batch, soort="csv", acting_user=backoffice)

    tweede = services.exporteer(batch, soort="sepa", acting_user=backoffice)

    assert tweede.inhoud == eerste.inhoud and tweede.naam == eerste.naam
    assert _ids(eerste.inhoud) == ("BB-0988-73730101-202603",) * 3
    batch.refresh_from_db()
    assert bytes(batch.sepa_bestand) == eerste.inhoud
    assert batch.sepa_berichtid == "BB-0988-73730101-202603"
    assert batch.status == BatchStatus.GEEXPORTEERD
    acties = list(
        AuditRegel.objects.filter(actie__startswith="betaalbatch.export")
        .order_by("pk")
        .values_list("actie", flat=True)
    )
    assert acties == [
        "betaalbatch.export_sepa",
        "betaalbatch.export_csv",
        "betaalbatch.export_sepa_opnieuw",
    ]


def test_de_batch_betaalt_de_rekening_van_het_vaststellen(vastgesteld, client):
    """The contract manager changes the aanbieder's account after the batch was fixed: the
    files pay the account fixed with the batch, and the batch's page says they differ."""
    batch, backoffice = vastgesteld
    batch.refresh_from_db()
    assert batch.crediteur == (AANBIEDER_IBAN, "RABONL2U", "Stichting Zorggroep Maasland")
    assert batch.debiteur == (GEMEENTE_IBAN, "BNGHNL2G", "Gemeente Weert")
    client.force_login(backoffice)
    pagina = client.get(reverse("betalingen:batch", args=[batch.pk])).content.decode()
    assert "rekening-gewijzigd" not in pagina
    wijzig_betaalgegevens(
        batch.aanbieder, iban=NIEUW_IBAN, rekeninghouder="Zorggroep Maasland BV", acting_user=None
    )

    csv = services.exporteer(batch, soort="csv", acting_user=backoffice).inhoud.decode()
    sepa = services.exporteer(batch, soort="sepa", acting_user=backoffice).inhoud.decode()

    assert f";{AANBIEDER_IBAN};RABONL2U;Stichting Zorggroep Maasland;" in csv
    assert NIEUW_IBAN not in csv and NIEUW_IBAN not in sepa
    betaling = xmlschema.XMLSchema(SCHEMA).to_dict(sepa)["CstmrCdtTrfInitn"]["PmtInf"][0]
    assert betaling["CdtTrfTxInf"][0]["CdtrAcct"]["Id"]["IBAN"] == AANBIEDER_IBAN
    pagina = client.get(reverse("betalingen:batch", args=[batch.pk])).content.decode()
    assert "NL44 RABO 0123 4567 89" in pagina and "rekening-gewijzigd" in pagina
    assert (
        "De betaalgegevens van Zorggroep Maasland zijn gewijzigd sinds deze betaalbatch werd "
        "vastgesteld (nu IBAN NL51…4300)" in pagina
    )


def test_vaststellen_vraagt_beide_rekeningen_behalve_bij_een_vordering(db):
    laad_standaardregels(acting_user=None)
    weert, maasland = gemeente(iban="", bic="", rekeninghouder=""), aanbieder()
    backoffice = GebruikerFactory(organisatie=weert, rol=Rol.BACKOFFICE)
    in_maart_beantwoord(weert, maasland)
    declaratie(
        weert,
        maasland,
        ontvangen=D("2026-04-02"),
        beantwoord=D("2026-04-10"),
        prestaties=[(6250, "C", "goedgekeurd")],
    )
    maart, april = sorted(
        services.maak_batches(weert, acting_user=backoffice), key=lambda b: b.maand
    )

    with pytest.raises(ValidationError) as e:
        services.stel_vast(maart, acting_user=backoffice)
    assert e.value.messages == [
        "Weert heeft nog geen IBAN: de contractmanager legt de betaalgegevens vast (opdrachtgever)."
    ]
    maart.refresh_from_db()
    assert maart.status == BatchStatus.CONCEPT and maart.crediteur_iban == ""
    # A batch netting negative pays nothing: a claim on the aanbieder, fixed without.
    services.stel_vast(april, acting_user=backoffice)
    april.refresh_from_db()
    assert april.status == BatchStatus.VASTGESTELD and april.debiteur_iban == ""
