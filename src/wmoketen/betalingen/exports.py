"""The files of a payment batch: a CSV for the financial system and a SEPA credit transfer.

**CSV**: one line per betaalregel, the way Dutch bookkeeping packages and Excel read it
without an import wizard: UTF-8 with a byte-order mark, ``;`` between fields, amounts in euro
with a decimal comma and no thousands separator (``-1234,56``), dates as ``dd-mm-jjjj``, a
header row of Dutch column names. Text that a spreadsheet would run as a formula (starting
with ``=``, ``+``, ``-`` or ``@``) gets a leading apostrophe. No client data: the line names
the prestatie by its reference, not the person.

**SEPA**: a pain.001 credit transfer built by ``sepaxml`` (validated against the XSD it ships
before it is returned), one payment per batch: the gemeente's account as debtor, the
aanbieder's as creditor, the batch's total, its ``kenmerk`` as message id (MsgId), payment
information id (PmtInfId) and end-to-end id, so a bank recognises a file submitted twice.
Refused when an IBAN is missing or invalid or when the batch does not net to a positive amount
(a negative batch is a claim on the aanbieder: the CSV only).

Both files pay the accounts copied onto the batch when it was fixed (``Betaalbatch.crediteur``,
``debiteur``), never the organisations' accounts of the day of the export.
"""

import csv as csvmodule
import io
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from sepaxml import SepaTransfer
from sepaxml.validation import ValidationError as SepaFout

from wmoketen.gedeeld.spreadsheet import veilige_cel
from wmoketen.organisaties.rekening import normaliseer_bic, normaliseer_iban

# The ISO 20022 version of the EPC's SEPA rulebook since November 2025 (sepaxml also offers
# pain.001.001.03, the version before it that most Dutch banks still accept).
SEPA_SCHEMA = "pain.001.001.09"
KOLOMMEN = [
    "Batchkenmerk",
    "Maand",
    "Gemeente",
    "Aanbieder",
    "AGB-code",
    "IBAN",
    "BIC",
    "Ten name van",
    "Soort",
    "Declaratienummer",
    "Referentienummer",
    "Vorig referentienummer",
    "Productcode",
    "Periode van",
    "Periode tot en met",
    "Debet/credit",
    "Bedrag",
    "Omschrijving",
]


@dataclass(frozen=True)
class Bestand:
    naam: str
    inhoud: bytes
    content_type: str


def euro(cent: int) -> str:
    """Cents as a Dutch decimal amount without thousands separator: -123456 → "-1234,56"."""
    teken = "-" if cent < 0 else ""
    heel, rest = divmod(abs(cent), 100)
    return f"{teken}{heel},{rest:02d}"


def _datum(d: date | None) -> str:
    return f"{d:%d-%m-%Y}" if d else ""


def _prestatievelden(regel) -> list[str]:
    p = regel.prestatie
    if p is None:
        return ["Voorschot" if regel.voorschot.soort == "voorschot" else "Afrekening", "", "", ""]
    return [
        "Prestatie",
        p.declaratie.declaratienummer,
        p.referentienummer,
        p.vorig_referentienummer,
    ]


def _periode(regel) -> list[str]:
    if regel.prestatie is not None:
        return [_datum(regel.prestatie.periode_begin), _datum(regel.prestatie.periode_eind)]
    return [_datum(regel.voorschot.maand), ""]


def _rij(batch, regel) -> list[str]:
    aanbieder = batch.aanbieder
    iban, bic, naam = batch.crediteur
    return [
        batch.kenmerk,
        f"{batch.maand:%m-%Y}",
        veilige_cel(batch.gemeente.naam),
        veilige_cel(aanbieder.naam),
        aanbieder.agb_code,
        iban,
        bic,
        veilige_cel(naam),
        *_prestatievelden(regel),
        regel.productcode,
        *_periode(regel),
        "C" if regel.bedrag < 0 else "D",
        euro(regel.bedrag),
        veilige_cel(regel.omschrijving),
    ]


def csv(batch, regels) -> Bestand:
    uitvoer = io.StringIO()
    schrijver = csvmodule.writer(uitvoer, delimiter=";", lineterminator="\r\n")
    schrijver.writerow(KOLOMMEN)
    for regel in regels:
        schrijver.writerow(_rij(batch, regel))
    inhoud = "\ufeff" + uitvoer.getvalue()
    return Bestand(f"{batch.kenmerk}.csv", inhoud.encode("utf-8"), "text/csv; charset=utf-8")


def rekening(organisatie, vastgelegd: tuple[str, str, str], rol: str) -> dict:
    """The debtor's or creditor's account fixed with the batch, checked again (schwifty): a
    Dutch refusal names whose account it is."""
    iban, bic, naam = vastgelegd
    if not iban:
        raise ValidationError(
            f"{organisatie} heeft nog geen IBAN: de contractmanager legt de betaalgegevens "
            f"vast ({rol})."
        )
    try:
        rekening = {"IBAN": normaliseer_iban(iban)}
        if bic:
            rekening["BIC"] = normaliseer_bic(bic)
    except ValidationError as fout:
        raise ValidationError(
            f"Betaalgegevens van {organisatie} ({rol}): {fout.messages[0]}"
        ) from None
    return {"name": naam or organisatie.naam, **rekening}


class _Overboeking(SepaTransfer):
    """sepaxml's transfer with our own ids instead of random ones: the message id (MsgId) and
    the payment information id (PmtInfId) are the batch's kenmerk, the same in every copy."""

    def __init__(self, config, *, kenmerk: str, **kwargs):
        self.kenmerk = kenmerk
        super().__init__(config, **kwargs)

    def _create_header(self):
        self.msg_id = self.kenmerk
        super()._create_header()

    def _finalize_batch(self):
        super()._finalize_batch()
        for element in self._xml.iter("PmtInfId"):
            element.text = self.kenmerk


def sepa(batch, regels, *, uitvoerdatum: date) -> Bestand:
    totaal = sum(regel.bedrag for regel in regels)
    if totaal <= 0:
        raise ValidationError(
            "Deze betaalbatch komt niet op een positief bedrag uit: er valt niets over te "
            "maken. Een negatief saldo is een vordering op de aanbieder: exporteer de CSV."
        )
    debiteur = rekening(batch.gemeente, batch.debiteur, "opdrachtgever")
    crediteur = rekening(batch.aanbieder, batch.crediteur, "begunstigde")
    opdracht = _Overboeking(
        {**debiteur, "batch": True, "currency": "EUR"},
        kenmerk=batch.kenmerk,
        schema=SEPA_SCHEMA,
        clean=True,
    )
    opdracht.add_payment(
        {
            **crediteur,
            "amount": totaal,
            "execution_date": uitvoerdatum,
            "description": (f"{batch.kenmerk} Wmo/Jeugd {batch.maand:%m-%Y} {batch.gemeente.naam}"),
            "endtoend_id": batch.kenmerk,
        }
    )
    try:
        inhoud = opdracht.export(validate=True)
    except SepaFout as fout:
        raise ValidationError(
            "Het SEPA-bestand voldoet niet aan het schema; controleer de betaalgegevens."
        ) from fout
    return Bestand(f"{batch.kenmerk}.xml", inhoud, "application/xml")
