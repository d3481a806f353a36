"""Building the toewijzingbericht (WMO301 / JW301) from the bindings.

Never from templates: the message is a tree of the generated xsdata dataclasses of the
standard the wet asks for (iWmo for the Wmo, iJw for the Jeugdwet), serialised by
``istandaarden.codec``; the message layer (``berichten.services.verstuur``) validates it against
the XSD and the single-message rules before anything is stored or sent.

What goes in follows the invulinstructies: the Header per IV034/IV046, the client's name per
IV007 (CDT_VolledigeNaam), the birth date per IV009, the BRP or residential address first
(IV047), and every current allocation of the client at the aanbieder (a 301 always carries the
complete set), each with Toewijzingsdatum/-tijd as the gemeente fixed them (IV013), RedenWijziging
only for an allocation changed since it was last sent (IV099), ReferentieAanbieder only in the
301 that honours the aanbieder's request (TR379), and Omvang or Budget as CD041/CD075–CD080 say.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from types import ModuleType

from django.core.exceptions import ValidationError
from django.utils import timezone

from istandaarden.berichten import bericht
from istandaarden.codec import serialize
from istandaarden.opbouw import budget_in_centen, geboortedatum, header
from istandaarden.waarden import iso
from wmoketen.berichten.standaarden import STANDAARD, modules
from wmoketen.clienten.models import Client, Contact, Relatie

from .models import Toewijzing

__all__ = [
    "Standaard",
    "bouw_301",
    "controleer_client",
    "maak_301",
    "standaard_voor",
]


@dataclass(frozen=True)
class Standaard:
    """The bindings of one standard's 301: ``b`` the basisschema, ``m`` the message module."""

    naam: str  # "iwmo" | "ijw"
    b: ModuleType
    m: ModuleType

    @property
    def berichtcode(self) -> str:
        return bericht(self.naam, 301).berichtcode

    @property
    def berichtnaam(self) -> str:
        return bericht(self.naam, 301).naam


def standaard_voor(wet: str) -> Standaard:
    """The 301 of the wet's standard; a Dutch ValidationError for an unknown wet."""
    b, m = modules(wet, 301)
    return Standaard(STANDAARD[wet], b, m)


def controleer_client(client: Client) -> list[str]:
    """What the client record lacks for a 301, in Dutch (empty: nothing)."""
    problemen = []
    if not _contacten(client):
        problemen.append(
            f"Cliënt {client} heeft geen adres of andere contactgegevens; een toewijzing "
            "(301) bevat altijd minstens één contact. Leg eerst het BRP- of verblijfadres vast."
        )
    for relatie in client.relaties.all():
        if not relatie.contacten.exists():
            problemen.append(
                f"Relatie {relatie} van cliënt {client} heeft geen contactgegevens; in een "
                "toewijzing (301) heeft elke relatie een contact."
            )
    return problemen


def maak_301(
    *,
    gemeente,
    aanbieder,
    client: Client,
    wet: str,
    toewijzingen: Sequence[Toewijzing],
    identificatie: str,
    dagtekening: date,
    gewijzigd: Collection[int] = (),
    gehonoreerd: Collection[int] = (),
) -> bytes:
    """The serialised 301; a Dutch ValidationError when the client record lacks what it needs.
    Not validated here: ``berichten.services.verstuur`` does that for every message it sends."""
    if problemen := controleer_client(client):
        raise ValidationError(problemen)
    return serialize(
        bouw_301(
            gemeente=gemeente,
            aanbieder=aanbieder,
            client=client,
            wet=wet,
            toewijzingen=toewijzingen,
            identificatie=identificatie,
            dagtekening=dagtekening,
            gewijzigd=gewijzigd,
            gehonoreerd=gehonoreerd,
        )
    )


def bouw_301(
    *,
    gemeente,
    aanbieder,
    client: Client,
    wet: str,
    toewijzingen: Sequence[Toewijzing],
    identificatie: str,
    dagtekening: date,
    gewijzigd: Collection[int] = (),
    gehonoreerd: Collection[int] = (),
):
    """The 301 binding (wmo301.Bericht or jw301.Bericht); not validated.

    ``gewijzigd``: pks of allocations changed since they were last sent; only those carry
    their RedenWijziging (IV099). ``gehonoreerd``: pks that honour a 315/317 in this message;
    only those carry their ReferentieAanbieder (TR379).
    """
    s = standaard_voor(wet)
    b, m = s.b, s.m
    kop = header(
        s.naam,
        301,
        afzender=gemeente.gemeentecode,
        ontvanger=aanbieder.agb_code,
        identificatie=identificatie,
        dagtekening=dagtekening,
    )
    relaties = [_relatie(s, r) for r in client.relaties.all()]
    communicatie = (
        b.CdtCommunicatie(
            vorm=b.LdtCommunicatievorm(client.communicatievorm),
            taal=client.communicatietaal or None,
        )
        if client.communicatievorm
        else None
    )
    bericht_client = m.Client(
        bsn=client.bsn,
        geboortedatum=geboortedatum(b, client),
        geslacht=b.LdtGeslacht(client.geslacht),
        naam=_naam(b, client),
        communicatie=communicatie,
        juridische_status=(
            b.LdtJuridischeStatus(client.juridische_status) if client.juridische_status else None
        ),
        wettelijke_vertegenwoordiging=(
            b.LdtWettelijkeVertegenwoordiging(client.wettelijke_vertegenwoordiging)
            if client.wettelijke_vertegenwoordiging
            else None
        ),
        relaties=m.Relaties(relatie=relaties) if relaties else None,
        contactgegevens=m.Contactgegevens(contact=[_contact(s, c) for c in _contacten(client)]),
        toegewezen_producten=m.ToegewezenProducten(
            toegewezen_product=[
                _toegewezen_product(s, t, t.pk in gewijzigd, t.pk in gehonoreerd)
                for t in sorted(toewijzingen, key=lambda t: t.toewijzingnummer)
            ]
        ),
    )
    return m.Bericht(header=kop, client=bericht_client)


def _contacten(client: Client) -> list[Contact]:
    """The client's own contacts valid today, BRP (01) and verblijfadres (03) first (IV047)."""
    vandaag = timezone.localdate()
    contacten = [
        c
        for c in client.contacten.all()
        if c.relatie_id is None and (c.einddatum is None or c.einddatum >= vandaag)
    ]
    volgorde = {"01": 0, "03": 1}
    return sorted(contacten, key=lambda c: (volgorde.get(c.soort, 2), c.pk))


def _naam(b: ModuleType, persoon):
    """CDT_VolledigeNaam (IV007): geslachtsnaam always, partnernaam when known."""
    partner = (
        b.CdtAchternaam(
            achternaam=persoon.partnernaam, voorvoegsel=persoon.partnervoorvoegsel or None
        )
        if persoon.partnernaam
        else None
    )
    return b.CdtVolledigeNaam(
        geslachtsnaam=b.CdtAchternaam(
            achternaam=persoon.geslachtsnaam, voorvoegsel=persoon.voorvoegsel or None
        ),
        partnernaam=partner,
        voornamen=persoon.voornamen or None,
        voorletters=persoon.voorletters or None,
        naam_gebruik=b.LdtNaamGebruik(persoon.naamgebruik),
    )


def _contact(s: Standaard, contact: Contact):
    b, m = s.b, s.m
    adres = None
    postcode = contact.postcode.replace(" ", "").upper() if contact.postcode else ""
    if contact.huisnummer or postcode or contact.straatnaam or contact.plaatsnaam:
        huis = (
            b.CdtHuis(
                huisnummer=contact.huisnummer,
                huisletter=contact.huisletter or None,
                huisnummer_toevoeging=contact.huisnummertoevoeging or None,
                aanduiding_woonadres=(
                    b.LdtAanduidingWoonadres(contact.aanduiding_woonadres)
                    if contact.aanduiding_woonadres
                    else None
                ),
            )
            if contact.huisnummer
            else None
        )
        adres = b.CdtAdres(
            huis=huis,
            postcode=postcode or None,
            straatnaam=contact.straatnaam or None,
            plaatsnaam=contact.plaatsnaam or None,
            # CD005: LandCode only with a Postcode.
            land_code=b.LdtLandCode(contact.landcode) if postcode else None,
        )
    telefoon = None
    if contact.telefoonnummer:
        landnummer = contact.telefoon_landnummer or "0031"
        telefoon = b.CdtTelefoonnummers(
            telefoon01=b.CdtTelefoon(telefoonnummer=contact.telefoonnummer, landnummer=landnummer),
            telefoon02=(
                b.CdtTelefoon(telefoonnummer=contact.telefoonnummer2, landnummer=landnummer)
                if contact.telefoonnummer2
                else None
            ),
        )
    periode = (
        b.CdtOpenPeriode(
            begindatum=iso(contact.begindatum),
            einddatum=iso(contact.einddatum),
        )
        if contact.begindatum or contact.einddatum
        else None
    )
    return m.Contact(
        soort=b.LdtAdresSoort(contact.soort),
        adres=adres,
        organisatie=contact.organisatienaam[:35] or None,
        telefoon=telefoon,
        emailadres=contact.emailadres or None,
        periode=periode,
    )


def _relatie(s: Standaard, relatie: Relatie):
    b, m = s.b, s.m
    contact = relatie.contacten.order_by("pk").first()
    return m.Relatie(
        nummer=str(relatie.nummer or relatie.pk),
        volgorde=relatie.volgorde,
        soort=b.LdtSoortRelatie(relatie.soort),
        geboortedatum=geboortedatum(b, relatie) if relatie.geboortedatum else None,
        geslacht=b.LdtGeslacht(relatie.geslacht) if relatie.geslacht else None,
        naam=_naam(b, relatie),
        contact=_contact(s, contact) if contact else None,
    )


def _toegewezen_product(s: Standaard, t: Toewijzing, gewijzigd: bool, gehonoreerd: bool):
    """One ToegewezenProduct: Budget (taakgericht) or Omvang, never both (CD077/CD078)."""
    b, m = s.b, s.m
    product = t.product
    omvang = None
    budget = None
    if t.budget is not None:
        budget = budget_in_centen(t.budget)  # CD075: Einddatum is checked by the service
    elif t.volume is not None:
        # CD041: with a productcode Omvang is required; CD080: without one it stays empty.
        omvang = b.CdtOmvang(
            volume=t.volume,
            eenheid=b.LdtEenheid(t.eenheid),
            frequentie=b.LdtFrequentie(t.frequentie),
        )
    return m.ToegewezenProduct(
        toewijzing_nummer=t.toewijzingnummer,
        referentie_aanbieder=(t.referentie_aanbieder or None) if gehonoreerd else None,
        product=b.CdtProduct(
            categorie=b.LdtProductCategorie(product.productcategorie),
            # A budget goes with the category alone: CD041 wants an Omvang with every code,
            # CD077 forbids one next to a Budget.
            code=(product.productcode or None) if budget is None else None,
        ),
        toewijzingsdatum=t.toewijzingsdatum.isoformat(),
        toewijzingstijd=t.toewijzingstijd.strftime("%H:%M:%S"),
        ingangsdatum=t.ingangsdatum.isoformat(),
        einddatum=iso(t.einddatum),
        reden_wijziging=(
            b.LdtRedenWijziging(t.reden_wijziging) if gewijzigd and t.reden_wijziging else None
        ),
        omvang=omvang,
        budget=budget,
    )
