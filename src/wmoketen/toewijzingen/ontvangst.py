"""Received messages: the 301 on the aanbieder's side (``verwerk_301``, which the handler in
``stromen.toewijzing`` calls), the handlers of the 305/307 on the gemeente's side. The
cross-message rules (``regels.py``) have already refused what the standard refuses; what it
does not refuse but is odd becomes a ``Signaal``."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from istandaarden.waarden import datum, waarde
from wmoketen.audit import services as audit
from wmoketen.berichten.handlers import Ontvangen, handler
from wmoketen.berichten.standaarden import WET
from wmoketen.clienten.models import Client
from wmoketen.clienten.services import (
    GEDEELDE_CONTACTVELDEN,
    client_uit_bericht,
    voeg_contacten_toe_uit_bericht,
    werk_bij_uit_bericht,
)
from wmoketen.organisaties.models import Aanbieder, Gemeente
from wmoketen.producten.models import Product
from wmoketen.termijnen import services as termijnen
from wmoketen.termijnen.constants import Regelcode
from wmoketen.termijnen.queries import termijnen_voor

from . import start_ondersteuning
from .constants import REDEN_PAUZE, AanbiederStatus, LeveringStatus, StatusAanlevering
from .models import AanbiederToewijzing, Levering
from .regels import producten, toewijzing_van
from .signalen import signaleer


def verwerk_301(ontvangen: Ontvangen) -> list[AanbiederToewijzing]:
    """Aanbieder side: create/update the client record and the allocations; products of this
    client (same gemeente and wet) missing from the 301 have ended (status vervallen). Returns
    the allocations the 301 carried."""
    bericht = ontvangen.bericht
    aanbieder = Aanbieder.objects.get(pk=bericht.ontvanger_id)
    gemeente = Gemeente.objects.get(pk=bericht.afzender_id)
    wet = WET[bericht.standaard]
    c = ontvangen.inhoud.client
    client = _client(aanbieder, c)
    vandaag = timezone.localdate()
    gezien = []
    for tp in c.toegewezen_producten.toegewezen_product:
        categorie = waarde(tp.product.categorie) if tp.product else ""
        code = (tp.product.code or "") if tp.product else ""
        omvang = tp.omvang
        velden = dict(
            client=client,
            wet=wet,
            productcategorie=categorie or "",
            productcode=code,
            product=Product.objects.filter(
                productcategorie=categorie, productcode=code, wet=wet
            ).first()
            if code
            else None,
            ingangsdatum=datum(tp.ingangsdatum),
            einddatum=datum(tp.einddatum),
            volume=omvang.volume if omvang else None,
            eenheid=waarde(omvang.eenheid) if omvang else "",
            frequentie=waarde(omvang.frequentie) if omvang else "",
            budget=(tp.budget / 100) if tp.budget is not None else None,
            reden_wijziging=waarde(tp.reden_wijziging) or "",
            referentie_aanbieder=tp.referentie_aanbieder or "",
            toewijzingsdatum=datum(tp.toewijzingsdatum),
            toewijzingstijd=str(tp.toewijzingstijd)[:8],
            bericht=bericht,
            status=AanbiederStatus.ACTUEEL,
        )
        toewijzing, nieuw = AanbiederToewijzing.objects.update_or_create(
            aanbieder=aanbieder,
            gemeente=gemeente,
            toewijzingnummer=tp.toewijzing_nummer,
            defaults=velden,
            create_defaults={**velden, "ontvangen_op": vandaag},
        )
        gezien.append(toewijzing.pk)
        if toewijzing.leveringen.lopend().exists():
            _volg_einddatum(toewijzing, gemeente, aanbieder)
        audit.log(
            None,
            "ontvangen_toewijzing.aangemaakt" if nieuw else "ontvangen_toewijzing.gewijzigd",
            toewijzing,
            client_id=client.pk,
            omschrijving=f"{toewijzing} uit {bericht.naam} {bericht.identificatie}",
        )
        if nieuw and toewijzing.ingangsdatum < vandaag:
            # OP271: allocated retroactively, the 305 is due 5 werkdagen after receiving the 301.
            termijnen.open_termijn(
                Regelcode.START_ZORG,
                onderwerp=toewijzing,
                gemeente=gemeente,
                startdatum=vandaag,
                organisaties=[aanbieder],
                startgebeurtenis="ontvangst van de toewijzing (301) met terugwerkende kracht",
                acting_user=None,
            )
    vervallen = AanbiederToewijzing.objects.filter(
        aanbieder=aanbieder,
        gemeente=gemeente,
        client=client,
        wet=wet,
        status=AanbiederStatus.ACTUEEL,
    ).exclude(pk__in=gezien)
    for toewijzing in vervallen:
        toewijzing.status = AanbiederStatus.VERVALLEN
        toewijzing.save(update_fields=["status", "gewijzigd"])
        if toewijzing.leveringen.lopend().exists():
            _open_stop_zorg(toewijzing, gemeente, aanbieder, vandaag)
            signaleer(
                aanbieder.pk,
                soort="toewijzing vervallen",
                tekst=f"Toewijzing {toewijzing} staat niet meer in de 301 van {gemeente}, maar de "
                "levering loopt nog: stuur een stop (307).",
                bericht=bericht,
                aanbieder_toewijzing=toewijzing,
            )
    return list(AanbiederToewijzing.objects.filter(pk__in=gezien))


def _lopende_stop_zorg(toewijzing, aanbieder):
    return termijnen_voor(toewijzing, aanbieder, alleen_lopend=True).filter(
        regel__code=Regelcode.STOP_ZORG
    )


def _volg_einddatum(toewijzing, gemeente, aanbieder) -> None:
    """Keep the stop_zorg deadline of a running delivery in step with the einddatum of the
    latest 301 (IV013: the latest allocation counts). A later 301 may move the einddatum (an
    intrekking after a shortening, or a longer allocation) or drop it: a deadline counted from
    the old end would fall due on a day that no longer ends the care, so it is withdrawn and
    opened again from the new end (or only withdrawn when no end remains)."""
    einde = toewijzing.einddatum
    for termijn in _lopende_stop_zorg(toewijzing, aanbieder):
        if termijn.startdatum == einde:
            return
        termijnen.trek_termijn_in(
            termijn,
            reden=f"einddatum van de toewijzing gewijzigd in {einde:%d-%m-%Y}"
            if einde
            else "de toewijzing heeft geen einddatum meer",
            acting_user=None,
        )
    if einde:
        _open_stop_zorg(toewijzing, gemeente, aanbieder, einde)


def _open_stop_zorg(toewijzing, gemeente, aanbieder, einde: date) -> None:
    """OP272: the 307 is due 5 werkdagen after the actual end of care; the 301 that ends the
    allocation (an einddatum, or the product left out) tells the aanbieder that end. Closed by
    the 307 (``levering.registreer_stop``). A deadline already running is kept."""
    if _lopende_stop_zorg(toewijzing, aanbieder).exists():
        return
    termijnen.open_termijn(
        Regelcode.STOP_ZORG,
        onderwerp=toewijzing,
        gemeente=gemeente,
        startdatum=einde,
        organisaties=[aanbieder],
        acting_user=None,
        startgebeurtenis="einde van de toewijzing (301) terwijl de levering loopt",
    )


UIT_301 = "uit een toewijzing (301)"


def _client(aanbieder, c) -> Client:
    b = c.naam
    velden = dict(
        geslachtsnaam=b.geslachtsnaam.achternaam,
        voorvoegsel=b.geslachtsnaam.voorvoegsel or "",
        partnernaam=b.partnernaam.achternaam if b.partnernaam else "",
        partnervoorvoegsel=(b.partnernaam.voorvoegsel or "") if b.partnernaam else "",
        voornamen=b.voornamen or "",
        voorletters=b.voorletters or "",
        naamgebruik=waarde(b.naam_gebruik) or "",
        geslacht=waarde(c.geslacht),
        geboortedatum=None
        if waarde(c.geboortedatum.datum_gebruik) == "3"
        else datum(c.geboortedatum.datum),
        datumgebruik=waarde(c.geboortedatum.datum_gebruik) or "",
    )
    client, nieuw = client_uit_bericht(
        organisatie=aanbieder, bsn=c.bsn, gegevens=velden, omschrijving=UIT_301, acting_user=None
    )
    if not nieuw:  # the gemeente's record prevails: the latest 301 says how it is now
        werk_bij_uit_bericht(client, gegevens=velden, omschrijving=UIT_301, acting_user=None)
    if c.contactgegevens is not None:
        voeg_contacten_toe_uit_bericht(
            client,
            contacten=[_contactvelden(k) for k in c.contactgegevens.contact],
            omschrijving=UIT_301,
            acting_user=None,
        )
    return client


def _contactvelden(contact) -> dict:
    """One Contact of the 301 as the fields of ``clienten.Contact`` (the inverse of
    ``bericht301._contact``)."""
    adres, huis = contact.adres, contact.adres.huis if contact.adres else None
    telefoon = contact.telefoon
    t1 = telefoon.telefoon01 if telefoon else None
    t2 = telefoon.telefoon02 if telefoon else None
    periode = contact.periode
    velden = dict(
        soort=waarde(contact.soort),
        straatnaam=(adres.straatnaam or "") if adres else "",
        huisnummer=huis.huisnummer if huis else None,
        huisletter=(huis.huisletter or "") if huis else "",
        huisnummertoevoeging=(huis.huisnummer_toevoeging or "") if huis else "",
        aanduiding_woonadres=(waarde(huis.aanduiding_woonadres) or "") if huis else "",
        postcode=(adres.postcode or "") if adres else "",
        plaatsnaam=(adres.plaatsnaam or "") if adres else "",
        landcode=(waarde(adres.land_code) if adres and adres.land_code else "NL"),
        organisatienaam=contact.organisatie or "",
        telefoonnummer=t1.telefoonnummer if t1 else "",
        telefoon_landnummer=(t1.landnummer or "0031") if t1 else "0031",
        telefoonnummer2=t2.telefoonnummer if t2 else "",
        emailadres=contact.emailadres or "",
        begindatum=datum(periode.begindatum) if periode else None,
        einddatum=datum(periode.einddatum) if periode else None,
    )
    return {k: velden[k] for k in GEDEELDE_CONTACTVELDEN if k in velden}


@handler("iwmo", 305)
@handler("ijw", 305)
def verwerk_305(ontvangen: Ontvangen) -> None:
    """Gemeente side: record (or remove) the start on the Toewijzing; close start_ondersteuning."""
    bericht = ontvangen.bericht
    volgorde = sorted(
        producten(ontvangen.root), key=lambda p: p.status != StatusAanlevering.VERWIJDEREN
    )
    for p in volgorde:
        toewijzing = toewijzing_van(bericht, p)
        if p.status == StatusAanlevering.VERWIJDEREN:
            levering = toewijzing.leveringen.exclude(status=LeveringStatus.VERWIJDERD).get(
                begindatum=p.begindatum
            )
            levering.status = LeveringStatus.VERWIJDERD
            levering.startbericht = bericht
            levering.save()
            audit.log(
                None,
                "levering.start_verwijderd",
                levering,
                client_id=toewijzing.client_id,
                omschrijving=f"{bericht.naam} {bericht.identificatie}",
            )
            continue
        levering, _ = Levering.objects.update_or_create(
            toewijzing=toewijzing,
            begindatum=p.begindatum,
            status=LeveringStatus.GESTART,
            defaults={"startbericht": bericht},
        )
        audit.log(
            None,
            "levering.gestart",
            levering,
            client_id=toewijzing.client_id,
            omschrijving=f"Start {toewijzing} op {p.begindatum:%d-%m-%Y} ({bericht.naam})",
        )
        if p.begindatum < toewijzing.ingangsdatum or (
            toewijzing.einddatum and p.begindatum > toewijzing.einddatum
        ):
            signaleer(
                toewijzing.gemeente_id,
                soort="start buiten toewijzing",
                tekst=(
                    f"{toewijzing.aanbieder} meldt een start op {p.begindatum:%d-%m-%Y} buiten "
                    f"de toewijzingsperiode van {toewijzing}. De standaard keurt dit niet af; "
                    "controleer het."
                ),
                bericht=bericht,
                toewijzing=toewijzing,
            )
        start_ondersteuning.sluit_voor(toewijzing, op=p.begindatum)


@handler("iwmo", 307)
@handler("ijw", 307)
def verwerk_307(ontvangen: Ontvangen) -> None:
    """Gemeente side: record a stop or pause (reden 20), its correction or removal."""
    bericht = ontvangen.bericht
    for p, element in ((p, p.element) for p in producten(ontvangen.root)):
        toewijzing = toewijzing_van(bericht, p)
        levering = toewijzing.leveringen.exclude(status=LeveringStatus.VERWIJDERD).get(
            begindatum=p.begindatum
        )
        reden = element.findtext("{*}RedenBeeindiging") or ""
        if p.status == StatusAanlevering.VERWIJDEREN:
            levering.einddatum, levering.reden_beeindiging = None, ""
            levering.status = LeveringStatus.GESTART
        else:
            levering.einddatum, levering.reden_beeindiging = p.einddatum, reden
            levering.status = (
                LeveringStatus.GEPAUZEERD if reden == REDEN_PAUZE else LeveringStatus.GESTOPT
            )
        levering.stopbericht = bericht
        levering.full_clean(
            exclude=["toewijzing", "aanbieder_toewijzing", "startbericht", "stopbericht"]
        )
        levering.save()
        audit.log(
            None,
            f"levering.{levering.status}",
            levering,
            client_id=toewijzing.client_id,
            omschrijving=f"{bericht.naam} {bericht.identificatie}: reden {reden or '-'}",
        )
