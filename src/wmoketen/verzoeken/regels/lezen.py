"""Reading a received 315/317/319/301 for the cross-message rules (lxml, local names)."""

from __future__ import annotations

from datetime import date

from istandaarden.regels.registry import datum_van
from wmoketen.berichten.standaarden import WET


def tekst(element, pad: str) -> str:
    """The stripped text at ``pad`` (local names separated by '/'), "" when absent."""
    gevonden = element.find("/".join(f"{{*}}{naam}" for naam in pad.split("/")))
    return (gevonden.text or "").strip() if gevonden is not None else ""


def datum(element, pad: str) -> date | None:
    gevonden = element.find("/".join(f"{{*}}{naam}" for naam in pad.split("/")))
    return datum_van(gevonden) if gevonden is not None else None


def nummer(element) -> int | None:
    waarde = tekst(element, "ToewijzingNummer")
    return int(waarde) if waarde.isdigit() else None


def bsn(bericht) -> str:
    return tekst(bericht.root, "Client/Bsn")


def wet(bericht) -> str:
    return WET[bericht.standaard]


def ongewijzigd(bericht) -> list:
    return bericht.root.findall(".//{*}OngewijzigdProduct")


def te_wijzigen(bericht) -> list:
    return bericht.root.findall(".//{*}TeWijzigenProduct")


def verzoek_element(bericht):
    """The 317's Verzoek class, or the 315's Client (the classes holding the request)."""
    verzoek = bericht.root.find("{*}Client/{*}Verzoek")
    return verzoek if verzoek is not None else bericht.root.find("{*}Client")


def referenties(bericht) -> list[tuple[object, str]]:
    """(class element, ReferentieAanbieder): per AangevraagdProduct (315), the Verzoek (317)."""
    uit = []
    for element in bericht.root.iter("{*}ReferentieAanbieder"):
        if element.text and element.text.strip():
            uit.append((element.getparent(), element.text.strip()))
    return uit
