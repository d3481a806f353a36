"""Reading the Header of a message tree that passed the safe parser."""

from dataclasses import dataclass
from datetime import date

from lxml import etree

from istandaarden.berichten import Bericht as Berichtsoort
from istandaarden.berichten import bericht_voor
from istandaarden.regels.crossmessage import OntvangenBericht


@dataclass(frozen=True)
class Kop:
    soort: Berichtsoort
    afzender: str
    ontvanger: str
    identificatie: str
    dagtekening: date | None
    versie: str
    identificatie_retour: str = ""
    dagtekening_retour: date | None = None

    @property
    def is_retour(self) -> bool:
        return self.soort.is_retour

    @property
    def eigen_identificatie(self) -> str:
        """What identifies this message itself: IdentificatieRetour for a retour."""
        return self.identificatie_retour if self.is_retour else self.identificatie

    @property
    def eigen_dagtekening(self) -> date | None:
        return self.dagtekening_retour if self.is_retour else self.dagtekening


def _datum(tekst: str | None) -> date | None:
    try:
        return date.fromisoformat(tekst) if tekst else None
    except ValueError:  # XSD-invalid messages still get stored; their date may be nonsense
        return None


def lees_kop(root: etree._Element) -> Kop:
    soort = bericht_voor(root.tag)
    m, b = soort.namespace, soort.basis_namespace
    header = root.find(f"{{{m}}}Header")

    def veld(pad: str) -> str:
        # An XSD-invalid message may lack its Header: it is still stored and rejected.
        if header is None:
            return ""
        return (header.findtext(pad.format(m=f"{{{m}}}", b=f"{{{b}}}")) or "").strip()

    return Kop(
        soort=soort,
        afzender=veld("{m}Afzender"),
        ontvanger=veld("{m}Ontvanger"),
        identificatie=veld("{m}BerichtIdentificatie/{b}Identificatie"),
        dagtekening=_datum(veld("{m}BerichtIdentificatie/{b}Dagtekening")),
        versie=f"{veld('{m}BerichtVersie')}.{veld('{m}BerichtSubversie')}",
        identificatie_retour=veld("{m}IdentificatieRetour"),
        dagtekening_retour=_datum(veld("{m}DagtekeningRetour")),
    )


def als_ontvangen(kop: Kop, root: etree._Element) -> OntvangenBericht:
    """The message as the cross-message rules read it (``istandaarden.regels.crossmessage``)."""
    return OntvangenBericht(
        standaard=kop.soort.standaard,
        bericht=kop.soort.naam,
        root=root,
        ns={"m": kop.soort.namespace, "b": kop.soort.basis_namespace},
        afzender=kop.afzender,
        ontvanger=kop.ontvanger,
        identificatie=kop.identificatie,
        dagtekening=kop.dagtekening,
    )
