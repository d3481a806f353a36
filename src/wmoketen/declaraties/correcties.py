"""Corrections of approved prestaties (IV085, IV091, OP366; the gemeente checks TR323/TR389/TR390).

The aanbieder corrects a prestatie the gemeente approved in a 325 (``vraag_correctie_aan``):
a credit withdraws it whole and, unless the new volume is 0, a corrected debit follows.

* The **credit** is identical to the original (toewijzing, ProductPeriode, volume, eenheid,
  tarief) except its new ReferentieNummer, VorigReferentieNummer = the original's
  ReferentieNummer and DebetCredit C (IV091).
* The **corrected debit** is a plain debit for the same ProductPeriode with the new volume:
  CD060 fills VorigReferentieNummer only on a credit, so the debit leaves it empty; TR389
  allows it because the original now has its credit.
* The credit comes first (OP366): it precedes its debit in the declaration (a lower
  ReferentieNummer) and the gemeente processes credits before debits.

A correction goes into the concept declaration for the gemeente and wet at once when there is
one; otherwise it waits and the next proposal (``voorstel.stel_voor``, through
``voorstellen``) takes it, since there is one 323 a month (TR318). Its lines point back to it
(``Prestatie.correctie``).

A **rejected** prestatie is never credited (IV085): it comes back in the proposal as a new
debit (part 1). A corrected debit the gemeente rejects after approving its credit comes back
the same way, through ``voorstellen``: the original it replaces is credited, so part 1's
proposal would count the period as declared.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404

from wmoketen.audit import services as audit

from . import correctievolume, indienen, voorstel
from .constants import DeclaratieStatus, Oordeel
from .models import Correctie, DebetCredit, Declaratie, Prestatie

__all__ = [
    "MAX_VOLUME",
    "Toestand",
    "concept_voor",
    "eigen_correctie",
    "eigen_correcties",
    "intrekbaar",
    "log_gelezen",
    "markeer",
    "met_toestand",
    "te_corrigeren",
    "toestand",
    "trek_in",
    "voorstellen",
    "vraag_correctie_aan",
]

MAX_VOLUME = 99_999_999  # LDT_Volume


@dataclass(frozen=True)
class Toestand:
    """Where a correction stands, in Dutch for the pages."""

    code: str
    label: str


WACHT = Toestand("wacht", "Wacht op de volgende declaratie")
IN_CONCEPT = Toestand("concept", "In conceptdeclaratie")
INGEDIEND = Toestand("ingediend", "Ingediend, wacht op antwoord (325)")
VERWERKT = Toestand("verwerkt", "Verwerkt: credit toegekend")
MISLUKT = Toestand("mislukt", "Credit afgewezen: de oorspronkelijke prestatie staat")


# The proposal's hook -----------------------------------------------------------------------


def voorstellen(aanbieder, gemeente, wet: str) -> list[dict]:
    """Fields of the credit and corrected-debit prestaties of corrections requested but not
    yet in a declaration, in the shape of ``stel_voor``'s prestatie dicts, plus
    ``debet_credit``, ``vorig_referentienummer`` and ``correctie_id``; each credit before its
    debit (OP366). Then corrected debits the gemeente rejected after approving their credit,
    not declared again since, as new debits.

    The waiting corrections are locked until commit: a withdrawal (``trek_in``) waits for the
    proposal that takes them, and then finds their lines in its concept."""
    wachtend = (
        Correctie.objects.select_for_update(of=("self",))
        .filter(
            prestatie__declaratie__aanbieder=aanbieder,
            prestatie__declaratie__gemeente=gemeente,
            prestatie__declaratie__wet=wet,
            prestaties__isnull=True,
        )
        .select_related("prestatie")
        .order_by("pk")
    )
    velden: list[dict] = []
    for correctie in wachtend:
        velden += regels_van(correctie)
    return velden + _opnieuw_na_credit(aanbieder, gemeente, wet)


def regels_van(correctie: Correctie) -> list[dict]:
    """The credit of the original and, for a new volume above 0, the corrected debit."""
    origineel = correctie.prestatie
    credit = {
        **voorstel.velden_van(origineel),
        "debet_credit": DebetCredit.CREDIT.value,
        "vorig_referentienummer": origineel.referentienummer,
        "correctie_id": correctie.pk,
    }
    if not correctie.volume:
        return [credit]
    debet = {
        **credit,
        "voorgesteld_volume": correctie.volume,
        "geleverd_volume": correctie.volume,
        "debet_credit": DebetCredit.DEBET.value,
        "vorig_referentienummer": "",
    }
    return [credit, debet]


def _opnieuw_na_credit(aanbieder, gemeente, wet: str) -> list[dict]:
    """Corrected debits rejected while their credit was approved: the period has no debit
    left, so it is proposed again (once per toewijzing and period: the latest rejected debit,
    with the volume last asked) as a plain debit of the same correction."""
    lijnen = Prestatie.objects.filter(
        declaratie__aanbieder=aanbieder, declaratie__gemeente=gemeente, declaratie__wet=wet
    )
    afgewezen = list(
        lijnen.filter(
            correctie__isnull=False,
            debet_credit=DebetCredit.DEBET,
            oordeel=Oordeel.AFGEWEZEN,
            correctie__prestaties__debet_credit=DebetCredit.CREDIT,
            correctie__prestaties__oordeel=Oordeel.GOEDGEKEURD,
        ).order_by("-pk")
    )
    if not afgewezen:
        return []
    # The latest debit per toewijzing and period that still stands or may (one query).
    laatste: dict[tuple, int] = {}
    for toewijzing_id, begin, pk in (
        lijnen.filter(
            toewijzing_id__in={d.toewijzing_id for d in afgewezen},
            debet_credit=DebetCredit.DEBET,
        )
        .exclude(oordeel=Oordeel.AFGEWEZEN, declaratie__status=DeclaratieStatus.BEANTWOORD)
        .values_list("toewijzing_id", "periode_begin", "pk")
    ):
        laatste[toewijzing_id, begin] = max(pk, laatste.get((toewijzing_id, begin), 0))
    velden: dict[tuple, dict] = {}
    for debet in afgewezen:
        sleutel = (debet.toewijzing_id, debet.periode_begin)
        if sleutel in velden or laatste.get(sleutel, 0) > debet.pk:
            continue
        velden[sleutel] = {
            **voorstel.velden_van(debet),
            "debet_credit": DebetCredit.DEBET.value,
            "vorig_referentienummer": "",
            "correctie_id": debet.correctie_id,
        }
    return list(velden.values())[::-1]  # in the order they were declared


# The aanbieder's request ----------------------------------------------------------------------


@transaction.atomic
def vraag_correctie_aan(prestatie: Prestatie, *, volume: int, reden: str, acting_user) -> Correctie:
    """The aanbieder corrects an approved prestatie to ``volume`` (0: credit only).

    Refuses (Dutch) another aanbieder's prestatie, a credit, a prestatie not approved in a 325
    (open, or rejected: a rejected prestatie is never credited, IV085), one already credited or
    being corrected (TR390), a volume equal to the declared one and an empty reason. The lines
    go into the concept declaration for the gemeente and wet when there is one, else they wait
    for the next proposal.
    """
    prestatie = (
        Prestatie.objects.select_for_update()
        .select_related("declaratie__gemeente", "toewijzing")
        .get(pk=prestatie.pk)
    )
    if getattr(acting_user, "organisatie_id", None) != prestatie.declaratie.aanbieder_id:
        raise PermissionDenied("U kunt alleen prestaties van uw eigen organisatie corrigeren.")
    volume = _controleer_verzoek(prestatie, volume, reden)
    correctie = Correctie.objects.create(
        prestatie=prestatie, volume=volume, reden=reden.strip(), aangevraagd_door=acting_user
    )
    concept = _concept(prestatie.declaratie)
    if concept is not None:
        _voeg_toe(concept, correctie)
    audit.log(
        acting_user,
        "prestatie.correctie_aangevraagd",
        correctie,
        client_id=prestatie.toewijzing.client_id,
        omschrijving=(
            f"Correctie van prestatie {prestatie.referentienummer}: volume "
            f"{prestatie.geleverd_volume} → {volume}"
            + (
                f", opgenomen in declaratie {concept.declaratienummer}"
                if concept
                else ", wacht op de volgende declaratie"
            )
        ),
        wijzigingen=audit.wijzigingen(
            {"geleverd_volume": prestatie.geleverd_volume}, {"geleverd_volume": volume}
        ),
    )
    return correctie


def _controleer_verzoek(prestatie: Prestatie, volume, reden: str) -> int:
    if isinstance(volume, bool) or not isinstance(volume, int) or not 0 <= volume <= MAX_VOLUME:
        raise ValidationError(f"Het gecorrigeerde volume is een heel getal van 0 tot {MAX_VOLUME}.")
    if not (reden or "").strip():
        raise ValidationError("Geef de reden van de correctie.")
    _controleer_te_corrigeren(prestatie)
    if volume == prestatie.geleverd_volume:
        raise ValidationError(
            f"Het volume is al {volume}: er is niets te corrigeren. Geef het juiste volume, of "
            "0 om de prestatie alleen te crediteren."
        )
    correctievolume.controleer_maximum(prestatie, volume)  # TR321, TR322
    return volume


def _controleer_te_corrigeren(prestatie: Prestatie) -> None:
    """Only an approved debit that is not credited or being corrected (IV085, TR323, TR390)."""
    if prestatie.debet_credit == DebetCredit.CREDIT:
        raise ValidationError("Een creditprestatie wordt niet gecorrigeerd.")
    if prestatie.oordeel == Oordeel.AFGEWEZEN:
        raise ValidationError(
            f"Prestatie {prestatie.referentienummer} is afgewezen; een afgewezen prestatie wordt "
            "nooit gecrediteerd (IV085). Zij komt terug in het voorstel van de volgende "
            "declaratie, waar u het volume aanpast."
        )
    if (
        prestatie.oordeel != Oordeel.GOEDGEKEURD
        or prestatie.declaratie.status != DeclaratieStatus.BEANTWOORD
    ):
        raise ValidationError(
            f"Prestatie {prestatie.referentienummer} is nog niet goedgekeurd: crediteren kan pas "
            "na het declaratie-antwoord (325) waarin zij is toegekend (IV091, TR323). Pas het "
            "volume aan zolang de declaratie een concept is."
        )
    if _lopend(prestatie):
        raise ValidationError(
            f"Prestatie {prestatie.referentienummer} is al gecrediteerd of wordt al "
            "gecorrigeerd (TR390): corrigeer zo nodig de gecorrigeerde prestatie zodra die is "
            "goedgekeurd."
        )


def _lopend(prestatie: Prestatie) -> bool:
    """A correction of it waits, or a credit of it is open or approved."""
    if prestatie.correcties.filter(prestaties__isnull=True).exists():
        return True
    return _credits(prestatie.declaratie, [prestatie.referentienummer]).exists()


def _credits(declaratie: Declaratie, referenties: list[str]):
    """The aanbieder's credits, open or approved, of the debits with these ReferentieNummers
    (in ``declaratie``'s wet)."""
    return Prestatie.objects.filter(
        declaratie__aanbieder_id=declaratie.aanbieder_id,
        declaratie__wet=declaratie.wet,
        debet_credit=DebetCredit.CREDIT,
        vorig_referentienummer__in=referenties,
    ).exclude(oordeel=Oordeel.AFGEWEZEN)


def _concepten(origineel: Declaratie):
    """The concept declarations for the original's gemeente and wet, the latest first."""
    return Declaratie.objects.filter(
        aanbieder_id=origineel.aanbieder_id,
        gemeente_id=origineel.gemeente_id,
        wet=origineel.wet,
        status=DeclaratieStatus.CONCEPT,
    ).order_by("-periode_begin", "-pk")


def _concept(origineel: Declaratie) -> Declaratie | None:
    """The latest concept declaration for the original's gemeente and wet, locked."""
    return _concepten(origineel).select_for_update().first()


def _voeg_toe(concept: Declaratie, correctie: Correctie) -> list[Prestatie]:
    """The correction's lines at the end of the (locked) concept, numbered after every line it
    ever had (``indienen.nieuwe_regelnummers``: a removed line's number is not reused)."""
    regels = regels_van(correctie)
    nummers = indienen.nieuwe_regelnummers(concept, len(regels))
    return Prestatie.objects.bulk_create(
        [
            Prestatie(
                declaratie=concept,
                referentienummer=voorstel.referentienummer(concept.declaratienummer, nummer),
                **velden,
            )
            for nummer, velden in zip(nummers, regels, strict=True)
        ]
    )


# Lines of a correction in a concept ---------------------------------------------------------------


# (``indienen`` guards them in the services: a credit's volume never changes, and one line of a
# correction wholly in a concept is not removed alone.)


def intrekbaar(prestatie: Prestatie) -> bool:
    """Whether removing ``prestatie`` from its concept means withdrawing its correction: it
    is a line of one whose lines are all still in a concept. A debit offered again for a
    correction already sent (``_opnieuw_na_credit``) is removed on its own."""
    return bool(prestatie.correctie_id) and indienen.correctie_in_concept(prestatie.correctie_id)


def _vergrendel_declaraties(correctie_id: int) -> list[Declaratie]:
    """The declarations holding the correction's lines, locked in pk order: what ``dien_in``
    locks before it reads their lines."""
    ids = Prestatie.objects.filter(correctie_id=correctie_id).values("declaratie_id")
    return list(Declaratie.objects.select_for_update().filter(pk__in=ids).order_by("pk"))


@transaction.atomic
def trek_in(correctie: Correctie, *, acting_user) -> None:
    """Withdraw a correction not yet sent: its lines leave the concept, the request is gone.

    Locks as ``dien_in`` does: first the declarations of its lines, then the correction
    (which a proposal taking it holds: its lines may then have joined a new concept, locked
    too), and only then reads whether they were sent."""
    organisatie_id = getattr(acting_user, "organisatie_id", None)
    eigen = Correctie.objects.filter(
        pk=correctie.pk, prestatie__declaratie__aanbieder_id=organisatie_id
    )
    if organisatie_id is None or not eigen.exists():
        raise PermissionDenied("U kunt alleen correcties van uw eigen organisatie intrekken.")
    _vergrendel_declaraties(correctie.pk)
    correctie = (
        Correctie.objects.select_for_update(of=("self",))
        .select_related("prestatie__declaratie", "prestatie__toewijzing")
        .filter(pk=correctie.pk)
        .first()
    )
    if correctie is None:
        raise ValidationError("Deze correctie is al ingetrokken.")
    declaraties = _vergrendel_declaraties(correctie.pk)
    if any(d.status != DeclaratieStatus.CONCEPT for d in declaraties):
        raise ValidationError(
            "Deze correctie is al ingediend (323) en kan niet meer worden ingetrokken."
        )
    for declaratie in declaraties:
        indienen.borg_regelteller(declaratie)  # their numbers are not given again
    referentie = correctie.prestatie.referentienummer
    audit.log(
        acting_user,
        "prestatie.correctie_ingetrokken",
        correctie.prestatie,
        client_id=correctie.prestatie.toewijzing.client_id,
        omschrijving=f"Correctie van prestatie {referentie} ingetrokken",
    )
    correctie.prestaties.all().delete()
    correctie.delete()


# Where a correction stands --------------------------------------------------------------------


def toestand(correctie: Correctie, regels: list[Prestatie] | None = None) -> Toestand:
    """Where ``correctie`` stands, from its lines (``regels``: prefetched, else read)."""
    regels = list(correctie.prestaties.select_related("declaratie")) if regels is None else regels
    credit = next((r for r in regels if r.debet_credit == DebetCredit.CREDIT), None)
    if credit is None:
        return WACHT
    if credit.declaratie.status == DeclaratieStatus.CONCEPT:
        return IN_CONCEPT
    if credit.oordeel == Oordeel.AFGEWEZEN:
        return MISLUKT
    if credit.oordeel == Oordeel.GOEDGEKEURD:
        return VERWERKT
    return INGEDIEND


def met_toestand(correcties_) -> list[tuple[Correctie, Toestand, list[Prestatie]]]:
    """``(correctie, toestand, regels)`` per correction of a page (``eigen_correcties``: the
    lines prefetched)."""
    rijen = []
    for correctie in correcties_:
        regels = list(correctie.prestaties.all())
        rijen.append((correctie, toestand(correctie, regels), regels))
    return rijen


def te_corrigeren(prestatie: Prestatie) -> bool:
    """Whether the page offers *Corrigeren* on this prestatie (the service decides)."""
    try:
        _controleer_te_corrigeren(prestatie)
    except ValidationError:
        return False
    return True


def markeer(declaratie: Declaratie, prestaties) -> None:
    """For a page of ``declaratie``'s prestaties: ``correctie_rol`` ("credit"/"debet") and
    ``correctie_van`` (the original's ReferentieNummer) on a correction's lines, and
    ``correctie_intrekbaar`` where removing the line withdraws the correction (``intrekbaar``);
    on an approved debit ``correctie_toestand`` (its latest correction's) and
    ``corrigeerbaar``. A fixed number of queries, whatever the page holds."""
    prestaties = list(prestaties)
    for p in prestaties:
        p.correctie_rol = p.correctie_van = p.correctie_toestand = None
        p.corrigeerbaar = p.correctie_intrekbaar = False
    _markeer_regels([p for p in prestaties if p.correctie_id])
    if declaratie.status == DeclaratieStatus.BEANTWOORD:
        _markeer_originelen(
            declaratie,
            [
                p
                for p in prestaties
                if p.debet_credit == DebetCredit.DEBET and p.oordeel == Oordeel.GOEDGEKEURD
            ],
        )


def _markeer_regels(regels: list[Prestatie]) -> None:
    originelen = dict(
        Correctie.objects.filter(pk__in={p.correctie_id for p in regels}).values_list(
            "pk", "prestatie__referentienummer"
        )
    )
    verstuurd = set(
        Prestatie.objects.filter(correctie_id__in={p.correctie_id for p in regels})
        .exclude(declaratie__status=DeclaratieStatus.CONCEPT)
        .values_list("correctie_id", flat=True)
    )
    for p in regels:
        p.correctie_rol = "credit" if p.debet_credit == DebetCredit.CREDIT else "debet"
        p.correctie_van = originelen.get(p.correctie_id)
        p.correctie_intrekbaar = p.correctie_id not in verstuurd


def _markeer_originelen(declaratie: Declaratie, originelen: list[Prestatie]) -> None:
    if not originelen:
        return
    laatste: dict[int, Correctie] = {}
    for correctie in (
        Correctie.objects.filter(prestatie__in=originelen)
        .prefetch_related("prestaties__declaratie")
        .order_by("pk")
    ):
        laatste[correctie.prestatie_id] = correctie
    gecrediteerd = set(
        _credits(declaratie, [p.referentienummer for p in originelen]).values_list(
            "vorig_referentienummer", flat=True
        )
    )
    for p in originelen:
        correctie = laatste.get(p.pk)
        p.correctie_toestand = (
            toestand(correctie, list(correctie.prestaties.all())) if correctie else None
        )
        p.corrigeerbaar = p.referentienummer not in gecrediteerd and (
            correctie is None or p.correctie_toestand == MISLUKT
        )


def eigen_correcties(organisatie):
    """The aanbieder's corrections, the latest first, with the original, its declaration,
    client and product, and the lines (a queryset to page)."""
    return (
        Correctie.objects.voor_organisatie(organisatie)
        .filter(prestatie__declaratie__aanbieder_id=organisatie.pk)
        .select_related(
            "prestatie__declaratie__gemeente",
            "prestatie__toewijzing__client",
            "prestatie__toewijzing__product",
        )
        .prefetch_related("prestaties__declaratie")
        .order_by("-aangevraagd_op", "-pk")
    )


def eigen_correctie(gebruiker, pk: int) -> Correctie:
    """One correction of the user's aanbieder (404 otherwise)."""
    return get_object_or_404(eigen_correcties(gebruiker.organisatie), pk=pk)


def log_gelezen(gebruiker, correcties_) -> None:
    """A page of corrections was read: one audit row per client it showed."""
    audit.log_clienten(
        gebruiker,
        "declaraties.correcties_gelezen",
        gebruiker.organisatie,
        sorted({c.prestatie.toewijzing.client_id for c in correcties_}),
        omschrijving="Correcties van prestaties",
    )


def concept_voor(prestatie: Prestatie) -> Declaratie | None:
    """The concept a correction of ``prestatie`` would join now (for the form's text)."""
    return _concepten(prestatie.declaratie).first()
