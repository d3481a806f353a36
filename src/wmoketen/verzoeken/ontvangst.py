"""Handlers for received requests on the GEMEENTE side: the 315 and the 317.

The cross-message rules (``regels.py``) have already refused what the standard refuses; here
the gemeente's own record of the request is stored, with the findings of its checks
(``bevindingen``) and the deadline to answer (OP274/OP346). The backoffice decides, except
for a 315 the gemeente cannot honour at all: from an aanbieder without a contract (reason 3)
or, for the Wmo, to a gemeente without open beschikkingen (reason 4). Those are answered with
a 319 at once (:func:`wijs_automatisch_af`), and the request says so.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from istandaarden.waarden import datum, waarde
from wmoketen.audit import services as audit
from wmoketen.berichten.handlers import Ontvangen, handler
from wmoketen.berichten.standaarden import WET
from wmoketen.clienten.models import Client
from wmoketen.clienten.services import client_uit_bericht
from wmoketen.organisaties.models import Aanbieder, Gemeente
from wmoketen.producten.codelijsten import codes
from wmoketen.producten.constants import Wet
from wmoketen.producten.models import Product
from wmoketen.termijnen import services as termijnen
from wmoketen.toewijzingen import queries as toewijzingen_queries

from .bevindingen import bevindingen_315, bevindingen_317, zonder_contract
from .constants import (
    REDEN_BUITEN_CONTRACT,
    REDEN_GEEN_CONTRACT,
    TERMIJN_ANTWOORD,
    Kant,
    ProductSoort,
    Soort,
    Status,
)
from .models import Verzoek, VerzoekProduct

logger = logging.getLogger(__name__)

TOELICHTING_GEEN_OPEN_BESCHIKKING = (
    "Deze gemeente werkt niet met open beschikkingen; een verzoek om toewijzing voor de Wmo "
    "past daarom niet binnen het contract. Neem contact op met het Wmo-loket van de gemeente."
)
TOELICHTING_GEEN_CONTRACT = (
    "U hebt op de ingangsdatum geen contract met deze gemeente; het verzoek om toewijzing wordt "
    "daarom afgewezen. Neem contact op met de afdeling inkoop van de gemeente."
)
ONBEKENDE_CLIENT = (
    "De gemeente kent deze cliënt (BSN {bsn}) niet. Past reden 5 (andere gemeente) of, bij de "
    "Jeugdwet, 8 (woonplaatsbeginsel) bij de afwijzing?"
)


def _partijen(bericht) -> tuple[Gemeente, Aanbieder, str]:
    return (
        Gemeente.objects.get(pk=bericht.ontvanger_id),
        Aanbieder.objects.get(pk=bericht.afzender_id),
        WET[bericht.standaard],
    )


def _omvang(p) -> dict:
    """Omvang or Budget (cents in the message, IV024) of a product element."""
    omvang = p.omvang
    return dict(
        volume=omvang.volume if omvang else None,
        eenheid=waarde(omvang.eenheid) if omvang else "",
        frequentie=waarde(omvang.frequentie) if omvang else "",
        budget=(Decimal(p.budget) / 100) if p.budget is not None else None,
    )


def _product(wet: str, product) -> dict:
    categorie = waarde(product.categorie) if product else ""
    code = (product.code or "") if product else ""
    gevonden = (
        Product.objects.filter(wet=wet, productcategorie=categorie, productcode=code).first()
        if code
        else None
    )
    return dict(productcategorie=categorie or "", productcode=code, product=gevonden)


def _nieuw_verzoek(ontvangen: Ontvangen, client, **velden) -> Verzoek:
    bericht = ontvangen.bericht
    gemeente, aanbieder, wet = _partijen(bericht)
    verzoek = Verzoek.objects.create(
        organisatie=gemeente,
        kant=Kant.GEMEENTE,
        gemeente=gemeente,
        aanbieder=aanbieder,
        client=client,
        wet=wet,
        dagtekening=bericht.dagtekening or timezone.localdate(),
        bericht=bericht,
        status=Status.OPEN,
        **velden,
    )
    audit.log(
        None,
        "verzoek.ontvangen",
        verzoek,
        client_id=client.pk,
        organisatie=gemeente,
        omschrijving=f"{bericht.naam} {bericht.identificatie} van {aanbieder}",
    )
    return verzoek


def _open_termijn(verzoek: Verzoek) -> None:
    """The gemeente must answer (OP274/OP346): its own deadline, not the aanbieder's."""
    termijnen.open_termijn(
        TERMIJN_ANTWOORD[verzoek.soort],
        onderwerp=verzoek,
        gemeente=verzoek.gemeente,
        startdatum=timezone.localdate(),
        acting_user=None,
    )


# ------------------------------------------------------------------------------- 315


@handler("iwmo", 315)
@handler("ijw", 315)
def verwerk_315(ontvangen: Ontvangen) -> None:
    """The gemeente's Verzoek with its requested products, findings and deadline."""
    gemeente, _aanbieder, wet = _partijen(ontvangen.bericht)
    c = ontvangen.inhoud.client
    client = _client_315(gemeente, c)
    verzoek = _nieuw_verzoek(
        ontvangen, client, soort=Soort.TOEWIJZING, commentaar=(c.commentaar or "")[:1000]
    )
    for p in c.aangevraagde_producten.aangevraagd_product:
        verwijzer = p.verwijzer
        VerzoekProduct.objects.create(
            verzoek=verzoek,
            soort=ProductSoort.AANGEVRAAGD,
            referentie_aanbieder=p.referentie_aanbieder,
            **_product(wet, p.product),
            beschikkingnummer=p.beschikking_nummer,
            beschikking_ingangsdatum=datum(p.beschikking_ingangsdatum),
            ingangsdatum=datum(p.toewijzing_ingangsdatum),
            einddatum=datum(p.toewijzing_einddatum),
            **_omvang(p),
            verwijzer_type=waarde(verwijzer.type_value),
            verwijzer_zorgverlenercode=verwijzer.zorgverlener_code or "",
            verwijzer_naam=verwijzer.naam or "",
            raamcontract=None if p.raamcontract is None else waarde(p.raamcontract) == "1",
            commentaar=p.commentaar or "",
        )
    bevindingen_315(verzoek)
    _open_termijn(verzoek)
    afwijzing = automatische_afwijzing(verzoek, gemeente, wet)
    if afwijzing is not None:
        verzoek.producten.update(voorgestelde_reden=afwijzing.reden)
        # Noted with the 315: should the process die before the 319, the backoffice still
        # sees what to answer.
        _noteer(verzoek, afwijzing.voornemen)
        pk = verzoek.pk  # after the 315's transaction, so its retour (316) goes first
        transaction.on_commit(lambda: wijs_automatisch_af(pk, afwijzing), robust=True)


VOORNEMEN = "Wordt automatisch afgewezen met"  # how the note of an unsent refusal begins


@dataclass(frozen=True)
class Afwijzing:
    """A 315 the gemeente refuses on receipt: the WJ759 reason, why (for the request's page)
    and the toelichting the aanbieder reads in the 319."""

    reden: str
    waarom: str
    toelichting: str

    @property
    def reden_tekst(self) -> str:
        return f"reden {self.reden} ({codes('WJ759')[self.reden].lower()})"

    @property
    def voornemen(self) -> str:
        """The note made with the 315; the 319 replaces it with :attr:`uitgevoerd`."""
        return f"{VOORNEMEN} {self.reden_tekst}: {self.waarom}"

    @property
    def uitgevoerd(self) -> str:
        return f"Automatisch afgewezen met {self.reden_tekst}: {self.waarom}"


def automatische_afwijzing(verzoek: Verzoek, gemeente: Gemeente, wet: str) -> Afwijzing | None:
    """The refusal a 315 gets on receipt, if any (also used by ``herstel`` to send it again)."""
    if zonder_contract(verzoek):
        return Afwijzing(
            REDEN_GEEN_CONTRACT,
            f"{verzoek.aanbieder} heeft op de ingangsdatum geen contract met {gemeente}.",
            TOELICHTING_GEEN_CONTRACT,
        )
    if wet == Wet.WMO and not gemeente.open_beschikkingen:  # a Wmo 315 presumes one
        return Afwijzing(
            REDEN_BUITEN_CONTRACT,
            "De gemeente werkt niet met open beschikkingen.",
            TOELICHTING_GEEN_OPEN_BESCHIKKING,
        )
    return None


def wijs_automatisch_af(pk: int, afwijzing: Afwijzing) -> None:
    """The 319 and the note on the request, in one transaction; a failure leaves the request
    open for the backoffice, with the reason, and never breaks the delivery."""
    from .beslissen import wijs_af  # late: beslissen builds on this module's records

    try:
        with transaction.atomic():
            verzoek = Verzoek.objects.select_for_update().get(pk=pk)
            if not verzoek.onderhanden:
                return
            wijs_af(
                verzoek,
                reden=afwijzing.reden,
                toelichting=afwijzing.toelichting,
                acting_user=None,
            )
            verzoek.bevindingen = [b for b in verzoek.bevindingen if b != afwijzing.voornemen]
            _noteer(verzoek, afwijzing.uitgevoerd)
    except Exception as fout:
        logger.exception("verzoek %s: automatische afwijzing mislukt", pk)
        try:  # the database itself may be what failed: the note made on receipt remains
            _noteer(
                Verzoek.objects.get(pk=pk),
                f"De automatische afwijzing (319) is mislukt; beantwoord het verzoek zelf. "
                f"Voorgesteld: {afwijzing.reden_tekst}: {afwijzing.waarom} ({fout})",
            )
        except Exception:
            logger.exception("verzoek %s: notitie over de mislukte afwijzing niet opgeslagen", pk)


def _noteer(verzoek: Verzoek, tekst: str) -> None:
    verzoek.bevindingen = [*verzoek.bevindingen, tekst]
    verzoek.save(update_fields=["bevindingen", "gewijzigd"])


def _client_315(gemeente, c) -> Client:
    """The gemeente's own record by BSN; created from the 315 when it does not know the client.

    A known record is not overwritten: the gemeente's data (BRP) prevails over the aanbieder's.
    """
    naam = c.naam
    datumgebruik = waarde(c.geboortedatum.datum_gebruik) or ""
    client, _ = client_uit_bericht(
        organisatie=gemeente,
        bsn=c.bsn,
        gegevens=dict(
            geslachtsnaam=naam.geslachtsnaam.achternaam,
            voorvoegsel=naam.geslachtsnaam.voorvoegsel or "",
            voornamen=naam.voornamen or "",
            voorletters=naam.voorletters or "",
            geslacht=waarde(c.geslacht),
            geboortedatum=None if datumgebruik == "3" else datum(c.geboortedatum.datum),
            datumgebruik=datumgebruik,
        ),
        omschrijving="uit een verzoek om toewijzing (315)",
        acting_user=None,
    )
    return client


# ------------------------------------------------------------------------------- 317


@handler("iwmo", 317)
@handler("ijw", 317)
def verwerk_317(ontvangen: Ontvangen) -> None:
    """The gemeente's Verzoek with the unchanged, changed and new products."""
    gemeente, aanbieder, wet = _partijen(ontvangen.bericht)
    c = ontvangen.inhoud.client
    v = c.verzoek
    client, onbekend = _client_317(gemeente, c.bsn)
    bevindingen = [ONBEKENDE_CLIENT.format(bsn=c.bsn)] if onbekend else []
    verzoek = _nieuw_verzoek(
        ontvangen,
        client,
        soort=Soort.WIJZIGING,
        referentie_aanbieder=v.referentie_aanbieder,
        reden_verzoek=waarde(v.reden_verzoek),
        bevindingen=bevindingen,
    )
    toewijzingen = toewijzingen_queries.per_nummer(gemeente.pk, aanbieder.pk)

    def bestaand(nummer: int) -> dict:
        t = toewijzingen.get(nummer)
        velden = dict(toewijzingnummer=nummer, toewijzing=t)
        if t is not None:
            velden.update(
                product=t.product,
                productcategorie=t.product.productcategorie,
                productcode=t.product.productcode,
            )
        return velden

    for p in v.ongewijzigde_producten.ongewijzigd_product if v.ongewijzigde_producten else []:
        t = toewijzingen.get(p.toewijzing_nummer)
        VerzoekProduct.objects.create(
            verzoek=verzoek,
            soort=ProductSoort.ONGEWIJZIGD,
            **bestaand(p.toewijzing_nummer),
            ingangsdatum=t.ingangsdatum if t else None,
            einddatum=t.einddatum if t else None,
        )
    for p in v.te_wijzigen_producten.te_wijzigen_product if v.te_wijzigen_producten else []:
        VerzoekProduct.objects.create(
            verzoek=verzoek,
            soort=ProductSoort.TE_WIJZIGEN,
            **bestaand(p.toewijzing_nummer),
            ingangsdatum=datum(p.gewenste_ingangsdatum),
            einddatum=datum(p.einddatum),
            **_omvang(p),
        )
    for p in v.nieuwe_producten.nieuw_product if v.nieuwe_producten else []:
        VerzoekProduct.objects.create(
            verzoek=verzoek,
            soort=ProductSoort.NIEUW,
            **_product(wet, p.product),
            ingangsdatum=datum(p.gewenste_ingangsdatum),
            einddatum=datum(p.einddatum),
            **_omvang(p),
        )
    bevindingen_317(verzoek)
    if bevindingen:  # an unknown client: every product carries the suggestion
        verzoek.producten.filter(voorgestelde_reden="").update(voorgestelde_reden="5")
    _open_termijn(verzoek)


def _client_317(gemeente, bsn: str) -> tuple[Client, bool]:
    """The gemeente's record; (record, unknown). A 317 carries only the BSN: an unknown client
    gets a minimal record, so the request can be stored and answered."""
    return client_uit_bericht(
        organisatie=gemeente,
        bsn=bsn,
        gegevens=dict(
            geslachtsnaam="Onbekend (alleen BSN uit verzoek om wijziging)",
            geslacht="0",
            datumgebruik="3",
        ),
        omschrijving="alleen het BSN, uit een verzoek om wijziging (317)",
        acting_user=None,
    )
