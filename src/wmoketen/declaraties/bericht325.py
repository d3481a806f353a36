"""Building the declaratie-antwoordbericht (WMO325 / JW325) from the bindings, as IV087 says.

The gemeente answers every 323 with exactly one 325. The input is the received 323 as lxml
(``root_323``: it was parsed and validated by the message pipeline; only the parts the answer
copies are read) and the verdicts; the output is a tree of the generated xsdata dataclasses,
serialised by ``istandaarden.codec``. ``berichten.services.verstuur`` validates it (XSD and the
single-message rules, among them TR342: the listed prestaties explain the difference between
TotaalIngediendBedrag and TotaalToegekendBedrag) before it is stored or sent.

* The Header always: the 323's Afzender and Ontvanger swapped, our own Identificatie, the
  323's BerichtIdentificatie as DeclaratieIdentificatie and its XsdVersie as
  XsdVersieDeclaratie, our rule set's version as XsltVersie (IV087: mandatory when a
  single-message rule rejected the 323, allowed always) and the Header's retourcodes.
* Without ``declaratie_codes`` nothing more (controleniveau 2: 0001; an error in the Header:
  that rule's code).
* Otherwise the DeclaratieAntwoord: DeclaratieNummer and TotaalIngediendBedrag of the 323,
  TotaalToegekendBedrag, ``declaratie_codes`` (e.g. 9333 with toegekend 0, 0200, 8001) and only
  the clients with rejected prestaties or with codes of their own. A refused client
  (``client_codes``) is listed with its codes and every prestatie of it with 0233 (not
  assessed) unless ``afgewezen`` gives it codes; any other listed client gets 0200 and only its
  rejected prestaties. Each listed Prestatie is a copy of the 323's with its RetourCodes.
  Approved prestaties are not listed (IV087, TR342).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from types import MappingProxyType, ModuleType

from django.db import transaction
from django.utils import timezone
from lxml import etree

from istandaarden import VALIDATOR_VERSIE
from istandaarden.berichten import (
    BERICHT_SUBVERSIE,
    BERICHT_VERSIE,
    XSD_VERSIE,
    bericht,
    bericht_voor,
)
from istandaarden.codec import serialize
from istandaarden.opbouw import MAX_IDENTIFICATIE, bindingen
from wmoketen.berichten.models import Bericht
from wmoketen.berichten.nummering import nieuwe_identificatie
from wmoketen.berichten.services import verstuur
from wmoketen.toewijzingen.nummering import volgend_nummer

from .constants import GOEDGEKEURD, NIET_BEOORDEELD

__all__ = ["VOORVOEGSEL", "XSLT_VERSIE", "bouw_325", "maak_325"]

NUMMER = 325
VOORVOEGSEL = "B"  # Identificatie of our 325s: B (beantwoording) + 11 digits (TR056)
# XsltVersie: the version of our single-message rule set, which takes the official XSLTs' place.
XSLT_VERSIE = VALIDATOR_VERSIE

_GEEN: Mapping[str, Sequence[str]] = MappingProxyType({})


def maak_325(
    ontvangen_declaratie_bericht: Bericht, root_323, *, acting_user=None, **bouw_kwargs
) -> Bericht:
    """Send the 325 answering ``ontvangen_declaratie_bericht`` (the stored 323) from the
    gemeente that received it to the aanbieder that sent it, with a new Identificatie;
    ``bouw_kwargs`` are :func:`bouw_325`'s verdicts. Only the message: recording the answer
    is the caller's. Raises ``berichten.services.OngeldigBericht`` when the answer breaks the
    standard (nothing is stored or sent then)."""
    heen = ontvangen_declaratie_bericht
    gemeente, aanbieder = heen.ontvanger, heen.afzender
    standaard = _soort(_root(root_323)).standaard
    with transaction.atomic():
        identificatie = nieuwe_identificatie(
            gemeente, standaard, NUMMER, voorvoegsel=VOORVOEGSEL, teller=volgend_nummer
        )
        data = bouw_325(
            root_323, identificatie=identificatie, dagtekening=timezone.localdate(), **bouw_kwargs
        )
        return verstuur(
            data,
            afzender=gemeente,
            ontvanger=aanbieder,
            acting_user=acting_user,
            naam=bericht(standaard, NUMMER).naam,
        )


def bouw_325(
    root_323,
    *,
    identificatie: str,
    dagtekening: date,
    header_codes: Sequence[str] = ("0200",),
    declaratie_codes: Sequence[str] | None = None,
    toegekend: int = 0,
    afgewezen: Mapping[str, Sequence[str]] = _GEEN,
    client_codes: Mapping[str, Sequence[str]] = _GEEN,
) -> bytes:
    """The serialised 325 answering the 323 ``root_323`` (lxml root); see the module doc.

    ``afgewezen``: ReferentieNummer -> retourcodes of each rejected prestatie; ``client_codes``:
    Bsn -> retourcodes of each refused client; ``toegekend``: the granted total in cent, negative
    for credit. A ReferentieNummer or Bsn that is not in the 323 raises ValueError.
    """
    if not 1 <= len(identificatie) <= MAX_IDENTIFICATIE:
        raise ValueError(f"Identificatie {identificatie!r}: 1 tot {MAX_IDENTIFICATIE} tekens.")
    heen = _Heen(_root(root_323))
    b, m = bindingen(heen.standaard, NUMMER)
    kop = _header(heen, b, m, identificatie, dagtekening, header_codes)
    antwoord = None
    if declaratie_codes is not None:
        antwoord = m.DeclaratieAntwoord(
            declaratie_nummer=heen.tekst("m:Declaratie/m:DeclaratieNummer"),
            totaal_ingediend_bedrag=b.CdtTotaalBedragMetDc(
                totaal_bedrag=int(
                    heen.tekst("m:Declaratie/m:TotaalIngediendBedrag/b:TotaalBedrag")
                ),
                debet_credit=b.LdtDebetCredit(
                    heen.tekst("m:Declaratie/m:TotaalIngediendBedrag/b:DebetCredit").strip()
                ),
            ),
            totaal_toegekend_bedrag=b.CdtTotaalBedragMetDc(
                totaal_bedrag=abs(toegekend),
                debet_credit=b.LdtDebetCredit.C if toegekend < 0 else b.LdtDebetCredit.D,
            ),
            clienten=_clienten(heen, b, m, afgewezen, client_codes),
            retour_codes=_retourcodes(b, m, declaratie_codes),
        )
    return serialize(m.Bericht(header=kop, declaratie_antwoord=antwoord))


class _Heen:
    """The received 323 as lxml: its standard and the texts the answer copies."""

    def __init__(self, root: etree._Element) -> None:
        soort = _soort(root)
        self.root = root
        self.standaard = soort.standaard
        self.ns = {"m": soort.namespace, "b": soort.basis_namespace}

    def tekst(self, pad: str, element: etree._Element | None = None) -> str | None:
        return (self.root if element is None else element).findtext(pad, namespaces=self.ns)

    def alle(self, pad: str, element: etree._Element | None = None) -> list[etree._Element]:
        return (self.root if element is None else element).findall(pad, namespaces=self.ns)


def _root(root_323) -> etree._Element:
    return root_323.getroot() if isinstance(root_323, etree._ElementTree) else root_323


def _soort(root: etree._Element):
    soort = bericht_voor(root.tag) if isinstance(root.tag, str) else None
    if soort is None or soort.nummer != 323:
        raise ValueError(f"Geen declaratiebericht (323): {root.tag}.")
    return soort


def _header(heen: _Heen, b: ModuleType, m: ModuleType, identificatie, dagtekening, codes):
    """IV087: the 323's parties swapped, its BerichtIdentificatie and XsdVersie copied."""
    return m.Header(
        bericht_code=bericht(heen.standaard, NUMMER).berichtcode,
        bericht_versie=BERICHT_VERSIE,
        bericht_subversie=BERICHT_SUBVERSIE,
        afzender=heen.tekst("m:Header/m:Ontvanger"),
        ontvanger=heen.tekst("m:Header/m:Afzender"),
        bericht_identificatie=b.CdtBerichtIdentificatie(
            identificatie=identificatie, dagtekening=dagtekening.isoformat()
        ),
        xsd_versie=b.CdtXsdVersie(basisschema_xsd_versie=XSD_VERSIE, bericht_xsd_versie=XSD_VERSIE),
        declaratie_identificatie=b.CdtBerichtIdentificatie(
            identificatie=heen.tekst("m:Header/m:BerichtIdentificatie/b:Identificatie"),
            dagtekening=heen.tekst("m:Header/m:BerichtIdentificatie/b:Dagtekening").strip(),
        ),
        xslt_versie=XSLT_VERSIE,
        xsd_versie_declaratie=b.CdtXsdVersie(
            basisschema_xsd_versie=heen.tekst("m:Header/m:XsdVersie/b:BasisschemaXsdVersie"),
            bericht_xsd_versie=heen.tekst("m:Header/m:XsdVersie/b:BerichtXsdVersie"),
        ),
        retour_codes=_retourcodes(b, m, codes),
    )


def _retourcodes(b: ModuleType, m: ModuleType, codes: Iterable[str]):
    return m.RetourCodes(retour_code=[b.LdtRetourCode(code) for code in codes])


def _clienten(
    heen: _Heen,
    b: ModuleType,
    m: ModuleType,
    afgewezen: Mapping[str, Sequence[str]],
    client_codes: Mapping[str, Sequence[str]],
):
    """The listed clients in the 323's order: refused ones whole, others with their rejected
    prestaties only; None when no client is listed."""
    gezien_bsn: set[str] = set()
    gezien_referentie: set[str] = set()
    clienten = []
    for element in heen.alle("m:Declaratie/m:Clienten/m:Client"):
        bsn = heen.tekst("m:Bsn", element)
        gezien_bsn.add(bsn)
        geweigerd = bsn in client_codes
        prestaties = []
        for prestatie in heen.alle("m:Prestaties/m:Prestatie", element):
            referentie = heen.tekst("m:ProductReferentie/b:ReferentieNummer", prestatie)
            gezien_referentie.add(referentie)
            if referentie in afgewezen or geweigerd:
                codes = afgewezen.get(referentie) or [NIET_BEOORDEELD]
                prestaties.append(_prestatie(heen, b, m, prestatie, codes))
        if prestaties:
            clienten.append(
                m.Client(
                    bsn=bsn,
                    prestaties=m.Prestaties(prestatie=prestaties),
                    retour_codes=_retourcodes(b, m, client_codes.get(bsn) or [GOEDGEKEURD]),
                )
            )
    _onbekend("ReferentieNummer", afgewezen, gezien_referentie)
    _onbekend("Bsn", client_codes, gezien_bsn)
    return m.Clienten(client=clienten) if clienten else None


def _onbekend(wat: str, sleutels: Iterable[str], gezien: set[str]) -> None:
    if vreemd := sorted(set(sleutels) - gezien):
        raise ValueError(f"{wat} niet in de declaratie: {', '.join(vreemd)}.")


def _prestatie(heen: _Heen, b: ModuleType, m: ModuleType, element: etree._Element, codes):
    """The 323's Prestatie as the 325 returns it: every element copied, plus its codes."""

    def tekst(pad: str) -> str | None:
        return heen.tekst(pad, element)

    tarief = tekst("m:ProductTarief")
    return m.Prestatie(
        product_referentie=b.CdtReferentie(
            referentie_nummer=tekst("m:ProductReferentie/b:ReferentieNummer"),
            vorig_referentie_nummer=tekst("m:ProductReferentie/b:VorigReferentieNummer"),
        ),
        toewijzing_nummer=int(tekst("m:ToewijzingNummer")),
        product_categorie=b.LdtProductCategorie(tekst("m:ProductCategorie").strip()),
        product_code=tekst("m:ProductCode"),
        product_periode=b.CdtGeslotenPeriode(
            begindatum=tekst("m:ProductPeriode/b:Begindatum").strip(),
            einddatum=tekst("m:ProductPeriode/b:Einddatum").strip(),
        ),
        geleverd_volume=int(tekst("m:GeleverdVolume")),
        eenheid=b.LdtEenheid(tekst("m:Eenheid").strip()),
        product_tarief=None if tarief is None else int(tarief),
        ingediend_bedrag=b.CdtBedragMetDc(
            bedrag=int(tekst("m:IngediendBedrag/b:Bedrag")),
            debet_credit=b.LdtDebetCredit(tekst("m:IngediendBedrag/b:DebetCredit").strip()),
        ),
        retour_codes=_retourcodes(b, m, codes),
    )
