"""The gemeente decides on a received request (gemeente side, backoffice).

A 315 is decided per requested product (OP274): allocated with a 301 in which the honoured
products carry their ReferentieAanbieder (TR379), or answered with a 319 per product. A 317 is
decided as a whole (OP344): one 301 with the client's complete new situation, or one 319.
"In onderzoek" (319, VerzoekAntwoord 2) postpones the decision to at most 8 weeks after the
request's dagtekening (OP274, OP346). Each action is one transaction: refused with a Dutch
error and nothing stored or sent, or fully applied and audit-logged.

``acting_user=None`` is the system itself (e.g. an automatic answer on receipt).
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from istandaarden.berichten import bericht as berichtsoort
from wmoketen.accounts.constants import Rol
from wmoketen.accounts.rechten import eis_organisatie, eis_rol
from wmoketen.audit import services as audit
from wmoketen.berichten.services import verstuur
from wmoketen.producten.codelijsten import codes
from wmoketen.producten.constants import Wet
from wmoketen.termijnen import services as termijnen
from wmoketen.termijnen.constants import LOPEND, Regelcode
from wmoketen.termijnen.queries import termijnen_voor
from wmoketen.toegang.queries import open_beschikking
from wmoketen.toewijzingen import queries as toewijzingen_queries
from wmoketen.toewijzingen import services as toewijzingen
from wmoketen.toewijzingen.constants import Status as ToewijzingStatus

from .antwoord import bouw_319, werk_status_bij
from .constants import (
    ANTWOORD_AFGEWEZEN,
    ANTWOORD_IN_ONDERZOEK,
    ONDERHANDEN,
    REDEN_WIJZIGING_AANBIEDER,
    REDEN_WOONPLAATSBEGINSEL,
    TERMIJN_ANTWOORD,
    Kant,
    ProductSoort,
    Soort,
    Status,
)
from .models import Antwoord, Verzoek, VerzoekProduct

if TYPE_CHECKING:
    from wmoketen.toewijzingen.models import Toewijzing

__all__ = ["honoreer_wijziging", "wijs_af", "wijs_producten_toe", "zet_in_onderzoek"]


# 315: per requested product --------------------------------------------------------------


@transaction.atomic
def wijs_producten_toe(
    verzoek: Verzoek, producten: list[VerzoekProduct], *, acting_user
) -> list[Toewijzing]:
    """Allocate the requested ``producten`` of a 315 and send ONE 301 (TR379)."""
    verzoek = _vergrendel(verzoek, acting_user)
    if verzoek.soort != Soort.TOEWIJZING:
        raise ValidationError(
            "Een verzoek om wijziging wordt als geheel beoordeeld (OP344): honoreer het of "
            "wijs het af."
        )
    producten = _eigen_producten(verzoek, producten)
    nieuw = []
    for vp in producten:
        # One product at a time: each may cite its own beschikking; stapeling (OP259) between
        # them is still checked, the earlier ones are stored by then.
        toewijzing = _maak_toewijzing(
            verzoek,
            _te_wijzen(vp, referentie=vp.referentie_aanbieder),
            beschikkingnummer=_beschikkingnummer(verzoek, vp),
            acting_user=acting_user,
        )
        vp.status = Status.TOEGEWEZEN
        vp.toewijzing = toewijzing
        vp.reden_afwijzing = ""
        vp.save(update_fields=["status", "toewijzing", "reden_afwijzing"])
        nieuw.append(toewijzing)
    bericht = _verstuur_301(verzoek, acting_user, gehonoreerd=[t.pk for t in nieuw])
    _na_antwoord(verzoek, acting_user, definitief=True)
    audit.log(
        acting_user,
        "verzoek.toegewezen",
        verzoek,
        client_id=verzoek.client_id,
        omschrijving=(
            f"{', '.join(str(vp) for vp in producten)} toegewezen in {bericht.naam} "
            f"{bericht.identificatie}"
        ),
    )
    for toewijzing in nieuw:
        toewijzing.refresh_from_db(fields=["bericht"])
    return nieuw


def _te_wijzen(
    vp: VerzoekProduct, *, referentie: str, product=None, ingangsdatum=None
) -> toewijzingen.TeWijzenProduct:
    """The requested product, period and omvang to allocate (``product``, ``ingangsdatum``:
    those of the allocation a 317 changes from a later date)."""
    product = product or vp.product
    if product is None:
        raise ValidationError(
            f"Product {vp} staat niet in de productcatalogus: wijs het verzoek af (reden 4, "
            "past niet binnen contract)."
        )
    return toewijzingen.TeWijzenProduct(
        product=product,
        ingangsdatum=ingangsdatum or vp.ingangsdatum,
        einddatum=vp.einddatum,
        volume=vp.volume,
        eenheid=vp.eenheid or None,
        frequentie=vp.frequentie or None,
        budget=vp.budget,
        referentie_aanbieder=referentie,
    )


def _maak_toewijzing(
    verzoek: Verzoek,
    te_wijzen: toewijzingen.TeWijzenProduct,
    *,
    beschikkingnummer: str,
    acting_user,
) -> Toewijzing:
    [toewijzing] = toewijzingen.maak_toewijzingen(
        gemeente=verzoek.gemeente,
        aanbieder=verzoek.aanbieder,
        client=verzoek.client,
        wet=verzoek.wet,
        producten=[te_wijzen],
        beschikkingnummer=beschikkingnummer,
        acting_user=acting_user,
    )
    return toewijzing


def _beschikkingnummer(verzoek: Verzoek, vp: VerzoekProduct) -> str:
    """The beschikking the allocation rests on: a Wmo 315 cites the open beschikking (as a
    number, LDT_Nummer); a Jeugdwet 315 on a referral has none and gets none, since the
    request's reference is no beschikking and is kept in referentie_aanbieder already."""
    if vp.beschikkingnummer is None:
        return ""
    beschikking = open_beschikking(verzoek.gemeente, vp.beschikkingnummer)
    return beschikking.nummer if beschikking else str(vp.beschikkingnummer)


# 319: afgewezen, in onderzoek ------------------------------------------------------------


@transaction.atomic
def wijs_af(
    verzoek: Verzoek,
    *,
    reden: str,
    producten: list[VerzoekProduct] | None = None,
    toelichting: str = "",
    woonplaatsbeginsel: str = "",
    acting_user,
) -> Antwoord:
    """Refuse with a 319 "afgewezen" and a WJ759 reason: the given products of a 315 (default:
    all undecided ones), a 317 always as a whole (OP344).

    A 319 carries one ReferentieAanbieder, so a 315 gets one 319 per refused product; the
    first Antwoord is returned, all are in ``verzoek.antwoorden``. ``woonplaatsbeginsel`` is
    the gemeentecode responsible under the woonplaatsbeginsel: Jeugdwet only, with reden 8.
    """
    verzoek = _vergrendel(verzoek, acting_user)
    _controleer_reden(verzoek, reden, woonplaatsbeginsel)
    if verzoek.soort == Soort.WIJZIGING:
        if producten is not None and {vp.pk for vp in producten} != _pks(verzoek.producten):
            raise ValidationError(
                "Een verzoek om wijziging wordt als geheel beoordeeld (OP344): wijs het hele "
                "verzoek af, niet een deel van de producten."
            )
        producten = list(verzoek.producten.all())
    elif producten is None:
        producten = list(verzoek.producten.filter(status__in=ONDERHANDEN))
    producten = _eigen_producten(verzoek, producten)
    antwoorden = _stuur_319(
        verzoek,
        producten,
        verzoek_antwoord=ANTWOORD_AFGEWEZEN,
        reden=reden,
        woonplaatsbeginsel=woonplaatsbeginsel,
        toelichting=toelichting,
        acting_user=acting_user,
    )
    for vp in producten:
        vp.status = Status.AFGEWEZEN
        vp.reden_afwijzing = reden
        vp.save(update_fields=["status", "reden_afwijzing"])
    _na_antwoord(verzoek, acting_user, definitief=True)
    audit.log(
        acting_user,
        "verzoek.afgewezen",
        verzoek,
        client_id=verzoek.client_id,
        omschrijving=(
            f"{', '.join(str(vp) for vp in producten)} afgewezen: reden {reden} "
            f"({codes('WJ759')[reden]})" + (f"; {toelichting.strip()}" if toelichting else "")
        ),
    )
    return antwoorden[0]


@transaction.atomic
def zet_in_onderzoek(verzoek: Verzoek, *, toelichting: str = "", acting_user) -> Antwoord:
    """Answer "in onderzoek" (319, VerzoekAntwoord 2) for every undecided product (a 317 as a
    whole) and open the deadline for the final answer: 8 weeks after the dagtekening.

    Only once per reference (TR360): products already in onderzoek are refused.
    """
    verzoek = _vergrendel(verzoek, acting_user)
    producten = list(verzoek.producten.filter(status=Status.OPEN))
    if not producten:
        raise ValidationError(
            "Er is geen product dat op een beslissing wacht: het verzoek is al in onderzoek "
            "of beslist."
        )
    if verzoek.soort == Soort.WIJZIGING and len(producten) != verzoek.producten.count():
        raise ValidationError("Dit verzoek om wijziging is al (deels) beantwoord.")
    antwoorden = _stuur_319(
        verzoek,
        producten,
        verzoek_antwoord=ANTWOORD_IN_ONDERZOEK,
        toelichting=toelichting,
        acting_user=acting_user,
    )
    for vp in producten:
        vp.status = Status.IN_ONDERZOEK
        vp.save(update_fields=["status"])
    _na_antwoord(verzoek, acting_user, definitief=False)
    if not _lopend(verzoek, Regelcode.DEFINITIEF_ANTWOORD_VERZOEK):
        termijnen.open_termijn(
            Regelcode.DEFINITIEF_ANTWOORD_VERZOEK,
            onderwerp=verzoek,
            gemeente=verzoek.gemeente,
            startdatum=verzoek.dagtekening,
            acting_user=acting_user,
            omschrijving=f"Definitief antwoord op {verzoek}",
        )
    audit.log(
        acting_user,
        "verzoek.in_onderzoek",
        verzoek,
        client_id=verzoek.client_id,
        omschrijving=(
            f"{', '.join(str(vp) for vp in producten)} in onderzoek"
            + (f": {toelichting.strip()}" if toelichting else "")
        ),
    )
    return antwoorden[0]


def _controleer_reden(verzoek: Verzoek, reden: str, woonplaatsbeginsel: str) -> None:
    if reden not in codes("WJ759"):
        raise ValidationError(
            f"Reden {reden!r} staat niet in de codelijst WJ759 (reden afwijzing verzoek)."
        )
    if woonplaatsbeginsel:
        if verzoek.wet != Wet.JEUGDWET:
            raise ValidationError(
                "Het woonplaatsbeginsel bestaat alleen in de Jeugdwet: het WMO319-bericht "
                "kent geen gemeente woonplaatsbeginsel."
            )
        if reden != REDEN_WOONPLAATSBEGINSEL:
            raise ValidationError(
                "Een gemeente woonplaatsbeginsel hoort alleen bij reden 8 (woonplaatsbeginsel, "
                "TR409)."
            )
        if not (len(woonplaatsbeginsel) == 4 and woonplaatsbeginsel.isdigit()):
            raise ValidationError(
                "De gemeente woonplaatsbeginsel is een gemeentecode van 4 cijfers."
            )
        if woonplaatsbeginsel == verzoek.gemeente.gemeentecode:
            raise ValidationError(
                "Volgens het woonplaatsbeginsel is een andere gemeente verantwoordelijk: vul "
                "die gemeente in, niet de eigen."
            )
    elif reden == REDEN_WOONPLAATSBEGINSEL and verzoek.wet == Wet.JEUGDWET:
        raise ValidationError(
            "Bij reden 8 (woonplaatsbeginsel) vult u de gemeente in die volgens het "
            "woonplaatsbeginsel verantwoordelijk is (TR377)."
        )


def _stuur_319(
    verzoek: Verzoek,
    producten: list[VerzoekProduct],
    *,
    verzoek_antwoord: str,
    toelichting: str,
    acting_user,
    reden: str = "",
    woonplaatsbeginsel: str = "",
) -> list[Antwoord]:
    """One 319 per ReferentieAanbieder: the 317's own, or each product's of a 315."""
    if verzoek.soort == Soort.WIJZIGING:
        referenties = [verzoek.referentie_aanbieder]
    else:
        referenties = [vp.referentie_aanbieder for vp in producten]
    antwoorden = []
    for referentie in referenties:
        antwoord = Antwoord(
            organisatie_id=verzoek.gemeente_id,
            verzoek=verzoek,
            referentie_aanbieder=referentie,
            verzoek_antwoord=verzoek_antwoord,
            reden_afwijzing=reden,
            woonplaatsbeginsel=woonplaatsbeginsel,
            toelichting=toelichting.strip(),
        )
        antwoord.full_clean(exclude=["bericht", "organisatie", "verzoek"])
        antwoord.bericht = _verstuur(verzoek, bouw_319(antwoord), 319, acting_user)
        antwoord.save()
        audit.log(
            acting_user,
            "verzoekantwoord.verzonden",
            antwoord,
            client_id=verzoek.client_id,
            omschrijving=(
                f"{antwoord.bericht.naam} {antwoord.bericht.identificatie}: "
                f"{antwoord.get_verzoek_antwoord_display()} op {referentie}"
            ),
        )
        antwoorden.append(antwoord)
    return antwoorden


# 317: as a whole -------------------------------------------------------------------------


@transaction.atomic
def honoreer_wijziging(verzoek: Verzoek, *, acting_user) -> list[Toewijzing]:
    """Apply a 317 as a whole (OP344) and send ONE 301 with the client's new situation.

    Unchanged allocations stay; a change with the same ingangsdatum is made in place; a change
    from a later ingangsdatum ends the old allocation the day before and allocates anew; new
    products are allocated. What changed carries RedenWijziging 12 (op verzoek van de
    aanbieder); every allocation of the new situation carries the 317's ReferentieAanbieder
    (TR379). Returns the allocations of the new situation. Refused on an ended allocation.
    """
    verzoek = _vergrendel(verzoek, acting_user)
    if verzoek.soort != Soort.WIJZIGING:
        raise ValidationError("Alleen een verzoek om wijziging (317) wordt als geheel gehonoreerd.")
    producten = _eigen_producten(verzoek, list(verzoek.producten.all()))
    referentie = verzoek.referentie_aanbieder
    bestaand = {vp.pk: _actuele_toewijzing(verzoek, vp) for vp in producten if vp.toewijzingnummer}
    situatie, gewijzigd = [], []
    for vp in producten:
        if vp.soort == ProductSoort.ONGEWIJZIGD:
            toewijzing = bestaand[vp.pk]
            toewijzingen.neem_referentie_over(toewijzing, referentie, acting_user=acting_user)
        elif vp.soort == ProductSoort.TE_WIJZIGEN:
            toewijzing, beeindigd = _wijzig(verzoek, vp, bestaand[vp.pk], acting_user)
            gewijzigd.append(toewijzing.pk if beeindigd is None else beeindigd.pk)
        else:
            toewijzing = _maak_toewijzing(
                verzoek,
                _te_wijzen(vp, referentie=referentie),
                beschikkingnummer="",
                acting_user=acting_user,
            )
        vp.status = Status.TOEGEWEZEN
        vp.toewijzing = toewijzing
        vp.save(update_fields=["status", "toewijzing"])
        situatie.append(toewijzing)
    bericht = _verstuur_301(
        verzoek, acting_user, gewijzigd=gewijzigd, gehonoreerd=[t.pk for t in situatie] + gewijzigd
    )
    _na_antwoord(verzoek, acting_user, definitief=True)
    audit.log(
        acting_user,
        "verzoek.toegewezen",
        verzoek,
        client_id=verzoek.client_id,
        omschrijving=f"verzoek om wijziging {referentie} gehonoreerd in {bericht.naam} "
        f"{bericht.identificatie}",
    )
    for toewijzing in situatie:
        toewijzing.refresh_from_db()
    return situatie


def _actuele_toewijzing(verzoek: Verzoek, vp: VerzoekProduct) -> Toewijzing:
    """The running allocation a 317 names (TR350/TR351); an ended one refuses the request."""
    toewijzing = toewijzingen_queries.eigen_toewijzing(
        verzoek.gemeente_id,
        vp.toewijzingnummer,
        aanbieder_id=verzoek.aanbieder_id,
        bsn=verzoek.client.bsn,
    )
    if toewijzing is None:
        raise ValidationError(
            f"Toewijzing {vp.toewijzingnummer} bestaat niet voor deze cliënt bij deze aanbieder."
        )
    beeindigd = toewijzing.status in (ToewijzingStatus.BEEINDIGD, ToewijzingStatus.VERWIJDERD)
    if beeindigd or not toewijzingen_queries.is_actueel(toewijzing, timezone.localdate()):
        eind = f" op {toewijzing.einddatum:%d-%m-%Y}" if toewijzing.einddatum else ""
        raise ValidationError(
            f"Toewijzing {toewijzing} is beëindigd{eind}: een verzoek om wijziging gaat alleen "
            "over actuele toewijzingen (TR350/TR351). Wijs het verzoek af of vraag de aanbieder "
            "om een verzoek om toewijzing (315)."
        )
    return toewijzing


def _wijzig(
    verzoek: Verzoek, vp: VerzoekProduct, toewijzing: Toewijzing, acting_user
) -> tuple[Toewijzing, Toewijzing | None]:
    """(the allocation as it now runs, the old one ended for it or None)."""
    ingang = vp.ingangsdatum or toewijzing.ingangsdatum
    if ingang < toewijzing.ingangsdatum:
        raise ValidationError(
            f"Toewijzing {toewijzing}: de gewenste ingangsdatum {ingang:%d-%m-%Y} ligt vóór de "
            f"ingangsdatum {toewijzing.ingangsdatum:%d-%m-%Y} (TR357)."
        )
    if ingang == toewijzing.ingangsdatum:
        gewijzigd = toewijzingen.wijzig_toewijzing(
            toewijzing,
            einddatum=vp.einddatum,
            volume=vp.volume,
            eenheid=vp.eenheid or None,
            frequentie=vp.frequentie or None,
            budget=vp.budget,
            reden_wijziging=REDEN_WIJZIGING_AANBIEDER,
            referentie_aanbieder=verzoek.referentie_aanbieder,
            acting_user=acting_user,
        )
        return gewijzigd, None
    oud = toewijzingen.beeindig_toewijzing(
        toewijzing,
        einddatum=ingang - timedelta(days=1),
        reden_wijziging=REDEN_WIJZIGING_AANBIEDER,
        acting_user=acting_user,
    )
    toewijzingen.neem_referentie_over(oud, verzoek.referentie_aanbieder, acting_user=acting_user)
    nieuw = _maak_toewijzing(
        verzoek,
        _te_wijzen(
            vp,
            referentie=verzoek.referentie_aanbieder,
            product=toewijzing.product,
            ingangsdatum=ingang,
        ),
        beschikkingnummer=toewijzing.beschikkingnummer,
        acting_user=acting_user,
    )
    return nieuw, oud


# Shared ----------------------------------------------------------------------------------


def _eis_backoffice(verzoek: Verzoek, acting_user) -> None:
    if acting_user is None:  # the system itself
        return
    eis_rol(acting_user, Rol.BACKOFFICE)
    eis_organisatie(acting_user, verzoek.gemeente_id, "Dit verzoek hoort niet bij uw gemeente.")


def _vergrendel(verzoek: Verzoek, acting_user) -> Verzoek:
    """The gemeente's record, locked until commit: two decisions never cross."""
    _eis_backoffice(verzoek, acting_user)
    verzoek = (
        Verzoek.objects.select_for_update()
        .select_related("gemeente", "aanbieder", "client")
        .get(pk=verzoek.pk)
    )
    if verzoek.kant != Kant.GEMEENTE or verzoek.organisatie_id != verzoek.gemeente_id:
        raise ValidationError("Alleen de gemeente beslist op een ontvangen verzoek.")
    if verzoek.status == Status.AFGEKEURD:
        raise ValidationError(
            "Dit verzoek is afgekeurd in het retourbericht: er valt niets te beslissen."
        )
    if not verzoek.onderhanden:
        raise ValidationError(f"Op dit verzoek is al beslist ({verzoek.get_status_display()}).")
    return verzoek


def _pks(producten) -> set[int]:
    return set(producten.values_list("pk", flat=True))


def _eigen_producten(verzoek: Verzoek, producten: list[VerzoekProduct]) -> list[VerzoekProduct]:
    """The products, fresh from the database: of this request and not decided yet."""
    if not producten:
        raise ValidationError("Kies minstens één product.")
    vers = {
        vp.pk: vp
        for vp in VerzoekProduct.objects.filter(
            pk__in=[vp.pk for vp in producten], verzoek_id=verzoek.pk
        ).select_related("product", "verzoek")
    }
    if len(vers) != len({vp.pk for vp in producten}):
        raise ValidationError("Een gekozen product hoort niet bij dit verzoek.")
    for vp in vers.values():
        if vp.status not in ONDERHANDEN:
            raise ValidationError(f"Op product {vp} is al beslist ({vp.get_status_display()}).")
    return sorted(vers.values(), key=lambda vp: vp.pk)


def _verstuur_301(verzoek: Verzoek, acting_user, **kwargs):
    return toewijzingen.verstuur_301(
        gemeente=verzoek.gemeente,
        aanbieder=verzoek.aanbieder,
        client=verzoek.client,
        wet=verzoek.wet,
        acting_user=acting_user,
        **kwargs,
    )


def _verstuur(verzoek: Verzoek, data: bytes, nummer: int, acting_user):
    return verstuur(
        data,
        afzender=verzoek.gemeente,
        ontvanger=verzoek.aanbieder,
        acting_user=acting_user,
        naam=berichtsoort(verzoek.standaard, nummer).naam,
    )


def _lopend(verzoek: Verzoek, regelcode: str) -> bool:
    return (
        termijnen_voor(verzoek, verzoek.gemeente)
        .filter(regel__code=regelcode, status__in=LOPEND)
        .exists()
    )


def _na_antwoord(verzoek: Verzoek, acting_user, *, definitief: bool) -> None:
    """Status from the products; the first answer closes antwoord_315/317, the final answer on
    the last undecided product closes definitief_antwoord_verzoek."""
    vandaag = timezone.localdate()
    termijnen.sluit_termijnen_voor(
        verzoek, regelcode=TERMIJN_ANTWOORD[verzoek.soort], op=vandaag, acting_user=acting_user
    )
    werk_status_bij(verzoek)
    if definitief and not verzoek.onderhanden:
        termijnen.sluit_termijnen_voor(
            verzoek,
            regelcode=Regelcode.DEFINITIEF_ANTWOORD_VERZOEK,
            op=vandaag,
            acting_user=acting_user,
        )
        verzoek.besloten_op = timezone.now()
        verzoek.save(update_fields=["besloten_op", "gewijzigd"])
