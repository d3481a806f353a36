"""Start and stop of care on the AANBIEDER's side: the 305 and 307 built from the bindings.

Public API (re-exported by ``services``); every function is one transaction, takes
``acting_user`` keyword-only, writes an audit row and refuses with a Dutch ``ValidationError``
(nothing stored, nothing sent) when the input does not fit:

* ``registreer_start(toewijzing, *, startdatum, acting_user) -> Levering``  → 305 (status 1)
* ``corrigeer_start(levering, *, startdatum, acting_user) -> Levering``     → 305 (3 + 1)
* ``verwijder_start(levering, *, acting_user) -> Levering``                 → 305 (status 3)
* ``registreer_stop(toewijzing, *, einddatum, reden, acting_user) -> Levering`` → 307 (1)
* ``registreer_pauze(toewijzing, *, einddatum, acting_user) -> Levering``  → 307 reden 20
* ``corrigeer_stop(levering, *, einddatum, reden, acting_user) -> Levering`` → 307 (3), 307 (1)
* ``verwijder_stop(levering, *, acting_user) -> Levering``                  → 307 (status 3)

``toewijzing`` is always the aanbieder's own ``AanbiederToewijzing``. The hoofdaannemer acts
also for its onderaannemers: a user of the hoofdaannemer or of one of its onderaannemers may
register. The logical key of a StartProduct/StopProduct is ToewijzingNummer + Product +
Begindatum (TR382: a stop copies the start's key unchanged), so a changed start date is a
removal (3) of the old start and a first aanlevering (1) of the new one in one 305.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from istandaarden.codec import serialize
from istandaarden.opbouw import geboortedatum, header
from wmoketen.audit import services as audit
from wmoketen.berichten.models import Bericht
from wmoketen.berichten.nummering import nieuwe_identificatie
from wmoketen.berichten.services import OngeldigBericht, verstuur
from wmoketen.berichten.standaarden import STANDAARD, modules
from wmoketen.organisaties.models import Onderaanneming
from wmoketen.producten.codelijsten import omschrijving
from wmoketen.termijnen import services as termijnen
from wmoketen.termijnen.constants import Regelcode

from .constants import (
    PAUZE_MELDEN_NA_DAGEN,
    REDEN_BEEINDIGING_LIJST,
    REDEN_PAUZE,
    AanbiederStatus,
    LeveringStatus,
    StatusAanlevering,
)
from .models import AanbiederToewijzing, Levering
from .nummering import volgend_nummer

__all__ = [
    "corrigeer_start",
    "cdt_product",
    "corrigeer_stop",
    "mag_registreren",
    "pauze_moet_gemeld",
    "periode_tekst",
    "registreer_pauze",
    "registreer_start",
    "registreer_stop",
    "verwijder_start",
    "verwijder_stop",
]


def pauze_moet_gemeld(van: date, tot: date | None) -> bool:
    """Regional: a pause from ``van`` to ``tot`` (None: not yet known) must be reported with a
    307 reden 20 when it lasts longer than TOEWIJZINGEN_PAUZE_MELDEN_NA_DAGEN (seeds: 28)."""
    grens = getattr(settings, "TOEWIJZINGEN_PAUZE_MELDEN_NA_DAGEN", PAUZE_MELDEN_NA_DAGEN)
    return tot is None or (tot - van).days > grens


@transaction.atomic
def registreer_start(toewijzing: AanbiederToewijzing, *, startdatum: date, acting_user) -> Levering:
    """The aanbieder starts delivering ``toewijzing`` on ``startdatum``: a 305 (status 1).

    Refused when the start lies outside the allocation period, the allocation is no longer in
    the latest 301, or a delivery is still running (stop or pause it first, TR326). Closes the
    aanbieder's ``start_zorg`` deadline (OP271).
    """
    toewijzing = _vergrendel(toewijzing, acting_user)
    _controleer_actueel(toewijzing)
    if not toewijzing.in_periode(startdatum):
        raise ValidationError(
            f"De startdatum {startdatum:%d-%m-%Y} ligt buiten de toewijzingsperiode "
            f"({periode_tekst(toewijzing)}). Start de zorg binnen de toegewezen periode."
        )
    if startdatum > timezone.localdate():
        raise ValidationError(
            "De startdatum ligt in de toekomst: meld de start als de zorg begonnen is."
        )
    lopend = toewijzing.leveringen.lopend().first()
    if lopend is not None:
        raise ValidationError(
            f"De levering loopt al sinds {lopend.begindatum:%d-%m-%Y}; stop of pauzeer die "
            "eerst (een nieuwe start mag pas na een stop, TR326)."
        )
    if (
        toewijzing.leveringen.exclude(status=LeveringStatus.VERWIJDERD)
        .filter(begindatum=startdatum)
        .exists()
    ):
        raise ValidationError(
            f"Er is al een start op {startdatum:%d-%m-%Y} gemeld voor deze toewijzing (TR074)."
        )
    laatste = toewijzing.laatste_levering
    if laatste is not None and laatste.einddatum and startdatum <= laatste.einddatum:
        raise ValidationError(
            f"De nieuwe start ligt niet na het einde van de vorige levering "
            f"({laatste.einddatum:%d-%m-%Y})."
        )
    levering = Levering.objects.create(aanbieder_toewijzing=toewijzing, begindatum=startdatum)
    verzonden = _verstuur_305(toewijzing, [(startdatum, StatusAanlevering.EERSTE)], acting_user)
    levering.startbericht = verzonden
    levering.save(update_fields=["startbericht"])
    _sluit_termijn(toewijzing, Regelcode.START_ZORG)
    audit.log(
        acting_user,
        "levering.gestart",
        levering,
        client_id=toewijzing.client_id,
        omschrijving=(
            f"Start {toewijzing} op {startdatum:%d-%m-%Y} "
            f"({verzonden.naam} {verzonden.identificatie})"
        ),
    )
    return levering


@transaction.atomic
def corrigeer_start(levering: Levering, *, startdatum: date, acting_user) -> Levering:
    """Correct the start date of a running delivery: one 305 that removes the old start
    (StatusAanlevering 3) and reports the new one (1). Refused after a stop (TR071)."""
    toewijzing = _vergrendel(levering.aanbieder_toewijzing, acting_user)
    levering = Levering.objects.select_for_update().get(pk=levering.pk)
    if levering.status != LeveringStatus.GESTART:
        raise ValidationError(
            "Deze levering is al gestopt of verwijderd: verwijder eerst de stop (TR071)."
        )
    if startdatum == levering.begindatum:
        raise ValidationError("De startdatum is niet veranderd.")
    if not toewijzing.in_periode(startdatum):
        raise ValidationError(
            f"De startdatum {startdatum:%d-%m-%Y} ligt buiten de toewijzingsperiode "
            f"({periode_tekst(toewijzing)})."
        )
    oud = levering.begindatum
    verzonden = _verstuur_305(
        toewijzing,
        [(oud, StatusAanlevering.VERWIJDEREN), (startdatum, StatusAanlevering.EERSTE)],
        acting_user,
    )
    levering.status = LeveringStatus.VERWIJDERD
    levering.save(update_fields=["status", "gewijzigd"])
    nieuw = Levering.objects.create(
        aanbieder_toewijzing=toewijzing, begindatum=startdatum, startbericht=verzonden
    )
    audit.log(
        acting_user,
        "levering.start_gecorrigeerd",
        nieuw,
        client_id=toewijzing.client_id,
        omschrijving=f"Start {toewijzing}: {oud:%d-%m-%Y} → {startdatum:%d-%m-%Y}",
    )
    return nieuw


@transaction.atomic
def verwijder_start(levering: Levering, *, acting_user) -> Levering:
    """Withdraw a start sent in error: a 305 with StatusAanlevering 3 (TR063). Refused when a
    stop was sent for it (TR071): remove the stop first."""
    toewijzing = _vergrendel(levering.aanbieder_toewijzing, acting_user)
    levering = Levering.objects.select_for_update().get(pk=levering.pk)
    if levering.status == LeveringStatus.VERWIJDERD:
        raise ValidationError("Deze start is al verwijderd.")
    if levering.status != LeveringStatus.GESTART:
        raise ValidationError(
            "Voor deze start is al een stop verstuurd; verwijder eerst de stop (TR071)."
        )
    verzonden = _verstuur_305(
        toewijzing, [(levering.begindatum, StatusAanlevering.VERWIJDEREN)], acting_user
    )
    levering.status = LeveringStatus.VERWIJDERD
    levering.startbericht = verzonden
    levering.save(update_fields=["status", "startbericht", "gewijzigd"])
    audit.log(
        acting_user,
        "levering.start_verwijderd",
        levering,
        client_id=toewijzing.client_id,
        omschrijving=f"Start {toewijzing} van {levering.begindatum:%d-%m-%Y} verwijderd",
    )
    return levering


@transaction.atomic
def registreer_stop(
    toewijzing: AanbiederToewijzing, *, einddatum: date, reden: str, acting_user
) -> Levering:
    """Stop the running delivery on ``einddatum`` with RedenBeeindiging ``reden`` (WMO588 /
    JZ588): a 307 (status 1). Reden 20 is a pause: the allocation stays, a new start restarts
    it. Refused without a running start (TR382), or with an end before the start."""
    toewijzing = _vergrendel(toewijzing, acting_user)
    _controleer_reden(toewijzing, reden)
    levering = toewijzing.leveringen.select_for_update().lopend().first()
    if levering is None and reden != REDEN_PAUZE:
        # A pause that turns out to be the end: a stop with another reden on the same start,
        # not before the pause's einddatum (TR413, TR414).
        levering = (
            toewijzing.leveringen.select_for_update()
            .filter(status=LeveringStatus.GEPAUZEERD)
            .order_by("-begindatum")
            .first()
        )
        if levering is not None and einddatum < levering.einddatum:
            raise ValidationError(
                f"De einddatum ligt vóór het begin van de pauze ({levering.einddatum:%d-%m-%Y}) "
                "(TR414)."
            )
    if levering is None:
        raise ValidationError(
            "Er loopt geen levering voor deze toewijzing: meld eerst de start (305)."
        )
    _controleer_einde(levering, einddatum)
    verzonden = _verstuur_307(
        toewijzing, levering, einddatum, reden, StatusAanlevering.EERSTE, acting_user
    )
    levering.einddatum = einddatum
    levering.reden_beeindiging = reden
    levering.status = LeveringStatus.GEPAUZEERD if reden == REDEN_PAUZE else LeveringStatus.GESTOPT
    levering.stopbericht = verzonden
    levering.save()
    _sluit_termijn(toewijzing, Regelcode.STOP_ZORG)
    audit.log(
        acting_user,
        "levering.gepauzeerd" if reden == REDEN_PAUZE else "levering.gestopt",
        levering,
        client_id=toewijzing.client_id,
        omschrijving=f"Stop {toewijzing} op {einddatum:%d-%m-%Y}, reden {reden}",
    )
    return levering


def registreer_pauze(toewijzing: AanbiederToewijzing, *, einddatum: date, acting_user) -> Levering:
    """A pause: a stop with reden 20 ("levering is tijdelijk beëindigd")."""
    return registreer_stop(
        toewijzing, einddatum=einddatum, reden=REDEN_PAUZE, acting_user=acting_user
    )


@transaction.atomic
def corrigeer_stop(levering: Levering, *, einddatum: date, reden: str, acting_user) -> Levering:
    """Correct a stop or pause sent earlier: StatusAanlevering is 1 or 3 only (CS058), and a
    second reden-20 stop on the same start is refused (TR413), so the earlier stop is removed
    (a 307 with status 3) and the corrected one sent as a first aanlevering (a 307 with
    status 1), as two messages in this order."""
    toewijzing = _vergrendel(levering.aanbieder_toewijzing, acting_user)
    levering = Levering.objects.select_for_update().get(pk=levering.pk)
    if levering.status not in (LeveringStatus.GESTOPT, LeveringStatus.GEPAUZEERD):
        raise ValidationError("Voor deze levering is geen stop verstuurd om te corrigeren.")
    _controleer_reden(toewijzing, reden)
    _controleer_einde(levering, einddatum)
    volgende = (
        toewijzing.leveringen.exclude(status=LeveringStatus.VERWIJDERD)
        .filter(begindatum__gt=levering.begindatum)
        .order_by("begindatum")
        .first()
    )
    if volgende is not None and einddatum >= volgende.begindatum:
        raise ValidationError(
            f"De einddatum ligt niet vóór de volgende start ({volgende.begindatum:%d-%m-%Y})."
        )
    _verstuur_307(
        toewijzing,
        levering,
        levering.einddatum,
        levering.reden_beeindiging,
        StatusAanlevering.VERWIJDEREN,
        acting_user,
    )
    verzonden = _verstuur_307(
        toewijzing, levering, einddatum, reden, StatusAanlevering.EERSTE, acting_user
    )
    levering.einddatum = einddatum
    levering.reden_beeindiging = reden
    levering.status = LeveringStatus.GEPAUZEERD if reden == REDEN_PAUZE else LeveringStatus.GESTOPT
    levering.stopbericht = verzonden
    levering.save()
    audit.log(
        acting_user,
        "levering.stop_gecorrigeerd",
        levering,
        client_id=toewijzing.client_id,
        omschrijving=f"Stop {toewijzing}: {einddatum:%d-%m-%Y}, reden {reden}",
    )
    return levering


@transaction.atomic
def verwijder_stop(levering: Levering, *, acting_user) -> Levering:
    """Withdraw a stop sent in error: a 307 with StatusAanlevering 3; the delivery runs again.
    Refused when a later start exists (remove that first)."""
    toewijzing = _vergrendel(levering.aanbieder_toewijzing, acting_user)
    levering = Levering.objects.select_for_update().get(pk=levering.pk)
    if levering.status not in (LeveringStatus.GESTOPT, LeveringStatus.GEPAUZEERD):
        raise ValidationError("Voor deze levering is geen stop verstuurd om te verwijderen.")
    if toewijzing.leveringen.exclude(pk=levering.pk).lopend().exists():
        raise ValidationError("Er loopt al een nieuwe levering; verwijder eerst die start.")
    verzonden = _verstuur_307(
        toewijzing,
        levering,
        levering.einddatum,
        levering.reden_beeindiging,
        StatusAanlevering.VERWIJDEREN,
        acting_user,
    )
    levering.einddatum = None
    levering.reden_beeindiging = ""
    levering.status = LeveringStatus.GESTART
    levering.stopbericht = verzonden
    levering.save()
    audit.log(
        acting_user,
        "levering.stop_verwijderd",
        levering,
        client_id=toewijzing.client_id,
        omschrijving=f"Stop {toewijzing} verwijderd",
    )
    return levering


# --- helpers -------------------------------------------------------------------------------


def mag_registreren(acting_user, toewijzing: AanbiederToewijzing) -> bool:
    """The hoofdaannemer, or one of its onderaannemers under a contract with the gemeente."""
    organisatie_id = getattr(acting_user, "organisatie_id", None)
    if organisatie_id is None:
        return False
    if organisatie_id == toewijzing.aanbieder_id:
        return True
    return (
        Onderaanneming.objects.goedgekeurd()
        .filter(contract__aanbieder_id=toewijzing.aanbieder_id, onderaannemer_id=organisatie_id)
        .exists()
    )


def _vergrendel(toewijzing: AanbiederToewijzing, acting_user) -> AanbiederToewijzing:
    if toewijzing is None:
        raise ValidationError("Dit is geen toewijzing van een aanbieder.")
    if acting_user is not None and not mag_registreren(acting_user, toewijzing):
        raise PermissionDenied("U mag voor deze toewijzing geen start of stop melden.")
    return (
        AanbiederToewijzing.objects.select_for_update()
        .select_related("client", "aanbieder", "gemeente")
        .get(pk=toewijzing.pk)
    )


def _controleer_actueel(toewijzing: AanbiederToewijzing) -> None:
    if toewijzing.status != AanbiederStatus.ACTUEEL:
        raise ValidationError(
            "Deze toewijzing staat niet meer in de laatste toewijzing (301) van de gemeente."
        )


def _controleer_reden(toewijzing: AanbiederToewijzing, reden: str) -> None:
    lijst = REDEN_BEEINDIGING_LIJST[toewijzing.wet]
    if not reden or not omschrijving(lijst, reden):
        raise ValidationError(f"Kies een reden beëindiging uit {lijst}.")


def _controleer_einde(levering: Levering, einddatum: date) -> None:
    if einddatum < levering.begindatum:
        raise ValidationError(
            f"De einddatum {einddatum:%d-%m-%Y} ligt vóór de start van de levering "
            f"({levering.begindatum:%d-%m-%Y})."
        )


def periode_tekst(toewijzing) -> str:
    """An allocation's period in a Dutch message: "01-02-2026 t/m 31-07-2026"."""
    eind = f"{toewijzing.einddatum:%d-%m-%Y}" if toewijzing.einddatum else "zonder einddatum"
    return f"{toewijzing.ingangsdatum:%d-%m-%Y} t/m {eind}"


def _sluit_termijn(toewijzing, regelcode: str) -> None:
    termijnen.sluit_termijnen_voor(
        toewijzing, regelcode=regelcode, op=timezone.localdate(), acting_user=None
    )


def _kop_en_client(toewijzing: AanbiederToewijzing, nummer: int):
    b, m = modules(toewijzing.wet, nummer)
    standaard = STANDAARD[toewijzing.wet]
    kop = header(
        standaard,
        nummer,
        afzender=toewijzing.aanbieder.agb_code,
        ontvanger=toewijzing.gemeente.gemeentecode,
        identificatie=nieuwe_identificatie(
            toewijzing.aanbieder, standaard, nummer, voorvoegsel="A", teller=volgend_nummer
        ),
        dagtekening=timezone.localdate(),
    )
    client = toewijzing.client
    client_velden = dict(
        bsn=client.bsn,
        geboortedatum=geboortedatum(b, client),
        geslacht=b.LdtGeslacht(client.geslacht),
        naam=b.CdtVerkorteNaam(
            geslachtsnaam=b.CdtAchternaam(
                achternaam=client.geslachtsnaam, voorvoegsel=client.voorvoegsel or None
            ),
            voorletters=client.voorletters or None,
        ),
    )
    return b, m, kop, client_velden


def cdt_product(b, toewijzing: AanbiederToewijzing):
    """The CDT_Product of a 305/307 (``b`` the basisschema): IV075, the product exactly as in
    the ToegewezenProduct of the 301."""
    return b.CdtProduct(
        categorie=b.LdtProductCategorie(toewijzing.productcategorie),
        code=toewijzing.productcode or None,
    )


def _verstuur(toewijzing, data: bytes, acting_user) -> Bericht:
    try:
        return verstuur(
            data,
            afzender=toewijzing.aanbieder,
            ontvanger=toewijzing.gemeente,
            acting_user=acting_user,
        )
    except OngeldigBericht as fout:
        raise OngeldigBericht(
            ["Het bericht voldoet niet aan de standaard en is niet verstuurd."] + fout.messages,
            fouten=fout.fouten,
        ) from fout


def bouw_305(toewijzing, starts: list[tuple[date, str]], *, toewijzingnummer=None) -> bytes:
    """The 305 (unvalidated bytes) for ``starts`` [(Begindatum, StatusAanlevering)]; tests
    build deliberately wrong ones with ``toewijzingnummer``."""
    b, m, kop, client_velden = _kop_en_client(toewijzing, 305)
    producten = [
        m.StartProduct(
            toewijzing_nummer=toewijzingnummer or toewijzing.toewijzingnummer,
            product=cdt_product(b, toewijzing),
            toewijzing_ingangsdatum=toewijzing.ingangsdatum.isoformat(),
            begindatum=begindatum.isoformat(),
            status_aanlevering=b.LdtStatusAanlevering(status),
        )
        for begindatum, status in starts
    ]
    binding = m.Bericht(
        header=kop,
        client=m.Client(**client_velden, start_producten=m.StartProducten(start_product=producten)),
    )
    return serialize(binding)


def bouw_307(
    toewijzing, begindatum: date, einddatum: date, reden: str, status: str, *, toewijzingnummer=None
) -> bytes:
    """The 307 (unvalidated bytes) for one StopProduct on the start of ``begindatum``."""
    b, m, kop, client_velden = _kop_en_client(toewijzing, 307)
    product = m.StopProduct(
        toewijzing_nummer=toewijzingnummer or toewijzing.toewijzingnummer,
        product=cdt_product(b, toewijzing),
        toewijzing_ingangsdatum=toewijzing.ingangsdatum.isoformat(),
        begindatum=begindatum.isoformat(),
        reden_beeindiging=b.LdtRedenBeeindiging(reden),
        einddatum=einddatum.isoformat(),
        status_aanlevering=b.LdtStatusAanlevering(status),
    )
    binding = m.Bericht(
        header=kop,
        client=m.Client(**client_velden, stop_producten=m.StopProducten(stop_product=[product])),
    )
    return serialize(binding)


def _verstuur_305(toewijzing, starts: list[tuple[date, str]], acting_user) -> Bericht:
    return _verstuur(toewijzing, bouw_305(toewijzing, starts), acting_user)


def _verstuur_307(toewijzing, levering, einddatum, reden, status, acting_user) -> Bericht:
    data = bouw_307(toewijzing, levering.begindatum, einddatum, reden, status)
    return _verstuur(toewijzing, data, acting_user)
