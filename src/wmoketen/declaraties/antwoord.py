"""The aanbieder receives the declaratie-antwoord (WMO325 / JW325) on its 323.

The 325 names the 323 it answers in its Header's DeclaratieIdentificatie (TR337); that is our
Declaratie whose ``bericht`` has that Identificatie, sent by the 325's receiver to its sender.
Then, as IV087 fills the 325:

* Header with another code than 0200 (0001: a single-message rule broken, or a Header error)
  or no DeclaratieAntwoord: nothing of the 323 was processed; every prestatie afgewezen with
  the Header's codes, granted 0.
* DeclaratieAntwoord with an error code (e.g. 9333): the declaration refused as a whole;
  every prestatie afgewezen with those codes, granted 0 (TR342).
* Otherwise the listed prestaties (matched by ReferentieNummer) are afgewezen with their own
  retourcodes (0233 for a refused client, whose codes are added), the others goedgekeurd
  (TR342: approved prestaties are not listed).

323 and 325 have no retour, so the 325-side cross-message rules are not answered: a 325 that
matches no 323 of ours (TR337) raises a Dutch ValidationError, so the pipeline marks it "fout
bij verwerking" for the functioneel beheerder (with this text as foutmelding; it can be
reprocessed once the cause is resolved); a matched 325 that breaks TR366, TR367, TR371 or
TR376 is processed as far as it can be, logged, and shown to the aanbieder's backoffice as a
``Signaal`` in its worklist. A second 325 on an answered declaration changes nothing and is
signalled too (one 325 per 323, OP090x4).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from lxml import etree

from istandaarden.safe_xml import parse_bytes
from wmoketen.audit import services as audit
from wmoketen.berichten.handlers import Ontvangen, handler, zelf_beoordeeld
from wmoketen.berichten.standaarden import WET
from wmoketen.toewijzingen.signalen import signaleer

from .bericht323 import bedrag_van
from .constants import EENHEID_EUROS, GOEDGEKEURD, ZONDER_AFKEUR, DeclaratieStatus, Oordeel
from .models import DebetCredit, Declaratie, Prestatie

__all__ = ["SIGNAAL", "lees_325", "verwerk_325"]

logger = logging.getLogger(__name__)

SIGNAAL = "Declaratie-antwoord"

# The handler applies the 325's cross-message rules itself (shown, never answered): the
# pipeline runs none for it.
zelf_beoordeeld("iwmo", 325)
zelf_beoordeeld("ijw", 325)


# Reading the 325 ----------------------------------------------------------------------------


def _tekst(element, pad: str) -> str:
    gevonden = element.find(pad) if element is not None else None
    return (gevonden.text or "").strip() if gevonden is not None else ""


def _codes(element) -> list[str]:
    """The RetourCodes directly under ``element`` (not those of its children)."""
    if element is None:
        return []
    return [c.text.strip() for c in element.findall("{*}RetourCodes/{*}RetourCode") if c.text]


def _bedrag(element, pad: str) -> int | None:
    """A signed amount (credit negative) of a CDT_TotaalBedragMetDC / CDT_BedragMetDC."""
    deel = element.find(pad) if element is not None else None
    if deel is None:
        return None
    tekst = _tekst(deel, "{*}TotaalBedrag") or _tekst(deel, "{*}Bedrag")
    bedrag = int(tekst or 0)
    return -bedrag if _tekst(deel, "{*}DebetCredit") == DebetCredit.CREDIT else bedrag


@dataclass
class AntwoordPrestatie:
    """A prestatie listed in the 325, with the values TR367 compares."""

    referentienummer: str
    retourcodes: list[str]
    client_retourcodes: list[str]
    waarden: dict[str, str]


@dataclass
class Antwoord325:
    declaratie_identificatie: str
    xsd_versie_declaratie: tuple[str, str]
    header_codes: list[str]
    heeft_antwoord: bool = False
    declaratienummer: str = ""
    antwoord_codes: list[str] = field(default_factory=list)
    ingediend: int | None = None
    toegekend: int | None = None
    prestaties: list[AntwoordPrestatie] = field(default_factory=list)


def _xsd_versie(element) -> tuple[str, str]:
    return (_tekst(element, "{*}BasisschemaXsdVersie"), _tekst(element, "{*}BerichtXsdVersie"))


def _prestatie(element, client_codes: list[str]) -> AntwoordPrestatie:
    periode = element.find("{*}ProductPeriode")
    bedrag = element.find("{*}IngediendBedrag")
    return AntwoordPrestatie(
        referentienummer=_tekst(element, "{*}ProductReferentie/{*}ReferentieNummer"),
        retourcodes=_codes(element),
        client_retourcodes=client_codes,
        waarden={
            "ToewijzingNummer": _tekst(element, "{*}ToewijzingNummer"),
            "ProductCategorie": _tekst(element, "{*}ProductCategorie"),
            "ProductCode": _tekst(element, "{*}ProductCode"),
            "ProductPeriode Begindatum": _tekst(periode, "{*}Begindatum"),
            "ProductPeriode Einddatum": _tekst(periode, "{*}Einddatum"),
            "GeleverdVolume": _tekst(element, "{*}GeleverdVolume"),
            "Eenheid": _tekst(element, "{*}Eenheid"),
            "ProductTarief": _tekst(element, "{*}ProductTarief"),
            "IngediendBedrag": _tekst(bedrag, "{*}Bedrag"),
            "DebetCredit": _tekst(bedrag, "{*}DebetCredit"),
        },
    )


def lees_325(root: etree._Element) -> Antwoord325:
    """What the aanbieder needs from a 325 (the root of its tree)."""
    kop = root.find("{*}Header")
    gelezen = Antwoord325(
        declaratie_identificatie=_tekst(kop, "{*}DeclaratieIdentificatie/{*}Identificatie"),
        xsd_versie_declaratie=_xsd_versie(kop.find("{*}XsdVersieDeclaratie")),
        header_codes=_codes(kop),
    )
    antwoord = root.find("{*}DeclaratieAntwoord")
    if antwoord is None:
        return gelezen
    gelezen.heeft_antwoord = True
    gelezen.declaratienummer = _tekst(antwoord, "{*}DeclaratieNummer")
    gelezen.antwoord_codes = _codes(antwoord)
    gelezen.ingediend = _bedrag(antwoord, "{*}TotaalIngediendBedrag")
    gelezen.toegekend = _bedrag(antwoord, "{*}TotaalToegekendBedrag")
    for client in antwoord.iterfind("{*}Clienten/{*}Client"):
        client_codes = [c for c in _codes(client) if c != GOEDGEKEURD]
        gelezen.prestaties.extend(
            _prestatie(p, client_codes) for p in client.iterfind("{*}Prestaties/{*}Prestatie")
        )
    return gelezen


# Handling it ---------------------------------------------------------------------------------


def _zoek_declaratie(bericht, gelezen: Antwoord325) -> Declaratie:
    """Our declaration the 325 answers (TR337), locked; a Dutch error when there is none."""
    declaratie = (
        Declaratie.objects.select_for_update()
        .select_related("bericht", "aanbieder", "gemeente")
        .filter(
            bericht__identificatie=gelezen.declaratie_identificatie,
            bericht__afzender_id=bericht.ontvanger_id,
            bericht__ontvanger_id=bericht.afzender_id,
            aanbieder_id=bericht.ontvanger_id,
            gemeente_id=bericht.afzender_id,
            wet=WET.get(bericht.standaard, ""),
        )
        .first()
    )
    if declaratie is None:
        logger.warning(
            "%s %s (bericht %s): DeclaratieIdentificatie %r past bij geen 323 van organisatie "
            "%s aan organisatie %s (TR337)",
            bericht.naam,
            bericht.identificatie,
            bericht.pk,
            gelezen.declaratie_identificatie,
            bericht.ontvanger_id,
            bericht.afzender_id,
        )
        raise ValidationError(
            f"TR337: dit declaratie-antwoord ({bericht.naam} {bericht.identificatie}) hoort bij "
            f"declaratiebericht {gelezen.declaratie_identificatie or '(leeg)'}, maar wij hebben "
            "geen declaratie (323) met die identificatie aan deze gemeente verstuurd. Het "
            "antwoord is niet verwerkt; neem contact op met de gemeente."
        )
    return declaratie


def _weigering(gelezen: Antwoord325) -> list[str] | None:
    """The codes with which the declaration was refused as a whole, or None."""
    header_fout = [c for c in gelezen.header_codes if c not in ZONDER_AFKEUR]
    if header_fout or not gelezen.heeft_antwoord:
        return header_fout or gelezen.header_codes
    antwoord_fout = [c for c in gelezen.antwoord_codes if c not in ZONDER_AFKEUR]
    return antwoord_fout or None


def _oordelen(prestaties: list[Prestatie], gelezen: Antwoord325, weigering) -> None:
    if weigering is not None:
        for prestatie in prestaties:
            prestatie.oordeel, prestatie.retourcodes = Oordeel.AFGEWEZEN, list(weigering)
        return
    afgewezen = {p.referentienummer: p for p in gelezen.prestaties}
    for prestatie in prestaties:
        lijst = afgewezen.get(prestatie.referentienummer)
        if lijst is None:
            prestatie.oordeel, prestatie.retourcodes = Oordeel.GOEDGEKEURD, []
            continue
        codes = lijst.retourcodes + [
            c for c in lijst.client_retourcodes if c not in lijst.retourcodes
        ]
        prestatie.oordeel, prestatie.retourcodes = Oordeel.AFGEWEZEN, codes


@handler("iwmo", 325)
@handler("ijw", 325)
def verwerk_325(ontvangen: Ontvangen) -> None:
    """Aanbieder side: store the verdicts of a 325 on our declaration and its prestaties."""
    bericht = ontvangen.bericht
    gelezen = lees_325(ontvangen.root)
    declaratie = _zoek_declaratie(bericht, gelezen)
    if declaratie.antwoord_id is not None:
        _meld(
            declaratie,
            bericht,
            [
                f"OP090x4: declaratie {declaratie.declaratienummer} is al beantwoord in "
                f"{declaratie.antwoord}; dit tweede antwoord is niet verwerkt."
            ],
        )
        return
    prestaties = list(declaratie.prestaties.select_related("toewijzing__product").order_by("pk"))
    _meld(declaratie, bericht, controleer(declaratie, prestaties, gelezen))
    weigering = _weigering(gelezen)
    _oordelen(prestaties, gelezen, weigering)
    Prestatie.objects.bulk_update(prestaties, ["oordeel", "retourcodes"], batch_size=1000)
    declaratie.header_retourcodes = gelezen.header_codes
    declaratie.antwoord_retourcodes = gelezen.antwoord_codes
    declaratie.toegekend_bedrag = 0 if weigering is not None else (gelezen.toegekend or 0)
    declaratie.status = DeclaratieStatus.BEANTWOORD
    declaratie.antwoord = bericht
    declaratie.save(
        update_fields=[
            "header_retourcodes",
            "antwoord_retourcodes",
            "toegekend_bedrag",
            "status",
            "antwoord",
        ]
    )
    aantal = sum(p.oordeel == Oordeel.AFGEWEZEN for p in prestaties)
    audit.log(
        None,
        "declaratie.beantwoord",
        declaratie,
        organisatie=declaratie.aanbieder,
        omschrijving=(
            f"Declaratie {declaratie.declaratienummer} beantwoord in {bericht.naam} "
            f"{bericht.identificatie}: {len(prestaties) - aantal} goedgekeurd, {aantal} "
            f"afgewezen, toegekend {declaratie.toegekend_bedrag} cent"
        ),
    )


# The 325-side cross-message rules (shown, never answered) -------------------------------------


def controleer(declaratie: Declaratie, prestaties: list[Prestatie], gelezen: Antwoord325):
    """TR371, TR376, TR366 and TR367 on a 325 matched to ``declaratie``: Dutch findings."""
    bevindingen = []
    eigen_versie = _xsd_versie_323(declaratie)
    if eigen_versie and gelezen.xsd_versie_declaratie != eigen_versie:
        bevindingen.append(
            f"TR371: XsdVersieDeclaratie {'/'.join(gelezen.xsd_versie_declaratie)} wijkt af van "
            f"de XsdVersie van onze 323 ({'/'.join(eigen_versie)})."
        )
    if gelezen.heeft_antwoord and gelezen.declaratienummer != declaratie.declaratienummer:
        bevindingen.append(
            f"TR376: DeclaratieNummer {gelezen.declaratienummer!r} wijkt af van ons "
            f"declaratienummer {declaratie.declaratienummer}."
        )
    per_referentie = {p.referentienummer: p for p in prestaties}
    for lijst in gelezen.prestaties:
        eigen = per_referentie.get(lijst.referentienummer)
        if eigen is None:
            bevindingen.append(
                f"TR366: prestatie {lijst.referentienummer!r} staat niet in onze declaratie."
            )
            continue
        afwijkend = [
            f"{veld} {lijst.waarden[veld] or '(leeg)'} (wij: {waarde or '(leeg)'})"
            for veld, waarde in ingediend(eigen).items()
            if lijst.waarden[veld] != waarde
        ]
        if afwijkend:
            bevindingen.append(
                f"TR367: prestatie {lijst.referentienummer} wijkt af van onze 323: "
                + "; ".join(afwijkend)
                + "."
            )
    return bevindingen


def ingediend(prestatie: Prestatie) -> dict[str, str]:
    """The values our 323 carried for ``prestatie``, as the 325 writes them (TR367)."""
    toewijzing = prestatie.toewijzing
    productcode = toewijzing.productcode or (
        toewijzing.product.productcode if toewijzing.product_id else ""
    )
    return {
        "ToewijzingNummer": str(toewijzing.toewijzingnummer),
        "ProductCategorie": toewijzing.productcategorie,
        "ProductCode": productcode,
        "ProductPeriode Begindatum": prestatie.periode_begin.isoformat(),
        "ProductPeriode Einddatum": prestatie.periode_eind.isoformat(),
        "GeleverdVolume": str(prestatie.geleverd_volume),
        "Eenheid": prestatie.eenheid,
        "ProductTarief": "" if prestatie.eenheid == EENHEID_EUROS else str(prestatie.tarief),
        "IngediendBedrag": str(bedrag_van(prestatie)),
        "DebetCredit": prestatie.debet_credit,
    }


def _xsd_versie_323(declaratie: Declaratie) -> tuple[str, str] | None:
    """The XsdVersie in our 323's Header; None when it cannot be read."""
    try:
        root = parse_bytes(declaratie.bericht.bytes).getroot()
    except Exception:  # our own stored message: a test stub or damaged row is no 325 error
        logger.warning("declaratie %s: de eigen 323 is niet te lezen", declaratie.pk)
        return None
    return _xsd_versie(root.find("{*}Header/{*}XsdVersie"))


def _meld(declaratie: Declaratie, bericht, bevindingen: list[str]) -> None:
    """Log the findings and show them to the aanbieder's backoffice as one Signaal."""
    if not bevindingen:
        return
    tekst = f"{bericht.naam} {bericht.identificatie} op declaratie {declaratie.declaratienummer}: "
    tekst += " ".join(bevindingen)
    logger.warning("bericht %s: %s", bericht.pk, tekst)
    signaleer(declaratie.aanbieder_id, soort=SIGNAAL, tekst=tekst, bericht=bericht)
