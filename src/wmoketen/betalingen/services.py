"""The gemeente pays what it approved: payment batches built, fixed, exported and paid.

Each action is one transaction with an audit row, done by the gemeente's backoffice
(``acting_user=None``: the system, e.g. the demo). A wrong state is refused with a Dutch
``ValidationError``, a wrong user with a Dutch ``PermissionDenied``.

* ``maak_batches``: every approved prestatie not paid yet (its declaration answered with a
  325) and every budget advance or settlement of a month begun goes into the concept batch
  of its gemeente, aanbieder and month: the month the 325 was sent; for an advance or
  settlement the month it becomes payable, the later of its own month and the current one (a
  past month's advance is paid now, not in a batch overdue the day it is made). Idempotent: a
  line is paid once (one-to-one), a second run adds only what is new. A fixed batch is
  frozen: a line of its month goes to the next month whose batch is still open. A new batch
  opens the ``betaling`` deadline (30 kalenderdagen after the 323 arrived).
* ``stel_vast``: the backoffice fixes a concept batch and, with it, the two accounts it pays
  from and to; ``exporteer``: CSV or SEPA file (the SEPA file once: later a copy of the
  same bytes); ``markeer_betaald``: paid on a date, which closes the deadline.

**Locks**: every action takes the gemeente's row first, then the batch (``_vergrendel``), and
checks the batch's state only under those locks: building batches and fixing, exporting or
paying one are one after the other, so a line never joins a batch just fixed.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from wmoketen.accounts.constants import Rol
from wmoketen.accounts.rechten import eis_organisatie, eis_rol
from wmoketen.audit import services as audit
from wmoketen.gedeeld.maanden import maand_van, volgende_maand
from wmoketen.organisaties.models import Gemeente
from wmoketen.termijnen import services as termijnen
from wmoketen.termijnen.constants import Regelcode

from . import exports, queries
from .constants import BatchStatus, Exportsoort
from .models import Betaalbatch, Betaalregel

ALLEEN_BACKOFFICE = "Alleen de backoffice van de gemeente behandelt haar betaalbatches."


def _eis_backoffice(gemeente_id: int, acting_user) -> None:
    if acting_user is None:  # the system (demo, a periodic job)
        return
    eis_rol(acting_user, Rol.BACKOFFICE, tekst=ALLEEN_BACKOFFICE)
    eis_organisatie(acting_user, gemeente_id, "Deze betaalbatch hoort niet bij uw gemeente.")


@dataclass(frozen=True)
class _Nieuw:
    """A line to pay: whose, which month, from which day the deadline counts, its fields."""

    aanbieder_id: int
    maand: date
    start: date
    velden: dict


def _uit_prestatie(prestatie) -> _Nieuw:
    declaratie = prestatie.declaratie
    antwoord = declaratie.antwoord
    verstuurd = antwoord.dagtekening or timezone.localdate(antwoord.ontvangen_op)
    credit = " (credit)" if prestatie.debet_credit == "C" else ""
    return _Nieuw(
        aanbieder_id=declaratie.aanbieder_id,
        maand=maand_van(verstuurd)[0],
        start=timezone.localdate(declaratie.ontvangen_op),
        velden={
            "prestatie": prestatie,
            "bedrag": prestatie.netto,
            "productcode": prestatie.productcode,
            "omschrijving": (
                f"Declaratie {declaratie.declaratienummer}, prestatie "
                f"{prestatie.referentienummer}{credit}: {prestatie.productcode} "
                f"{prestatie.periode_begin:%d-%m-%Y} t/m {prestatie.periode_eind:%d-%m-%Y}"
            )[:200],
        },
    )


def _uit_voorschot(voorschot, deze_maand: date) -> _Nieuw:
    budget = voorschot.budget
    naam = budget.omschrijving or f"budget {budget.pk}"
    betaalbaar = max(voorschot.maand, deze_maand)  # a past month's advance is paid now
    return _Nieuw(
        aanbieder_id=budget.aanbieder_id,
        maand=betaalbaar,
        start=betaalbaar,
        velden={
            "voorschot": voorschot,
            "bedrag": voorschot.bedrag,
            "productcode": "",
            "omschrijving": (
                f"{voorschot.get_soort_display()} {naam} (taakgericht), {voorschot.maand:%m-%Y}"
            )[:200],
        },
    )


def _te_betalen(gemeente: Gemeente, vandaag: date) -> dict[tuple[int, date], list[_Nieuw]]:
    """The lines not paid yet, per (aanbieder, month)."""
    groepen = defaultdict(list)
    for prestatie in queries.te_betalen_prestaties(gemeente):
        nieuw = _uit_prestatie(prestatie)
        groepen[(nieuw.aanbieder_id, nieuw.maand)].append(nieuw)
    maand = maand_van(vandaag)[0]
    for voorschot in queries.te_betalen_voorschotten(gemeente, tot_en_met=maand):
        nieuw = _uit_voorschot(voorschot, maand)
        groepen[(nieuw.aanbieder_id, nieuw.maand)].append(nieuw)
    return groepen


def _batch_voor(gemeente, aanbieder_id: int, maand: date, bestaand: dict, acting_user):
    """The open batch of ``maand``, or of the first later month whose batch is not fixed;
    made when missing."""
    while (batch := bestaand.get(maand)) is not None and not batch.is_concept:
        maand = volgende_maand(maand)
    if batch is None:
        batch = Betaalbatch.objects.create(
            gemeente=gemeente,
            aanbieder_id=aanbieder_id,
            maand=maand,
            aangemaakt_door=acting_user if getattr(acting_user, "pk", None) else None,
        )
        bestaand[maand] = batch
        audit.log(acting_user, "betaalbatch.aangemaakt", batch, omschrijving=str(batch))
    return batch


def _termijn_bij(batch: Betaalbatch, start: date, acting_user) -> None:
    """The payment deadline counts from the earliest 323 in the batch: opened with the
    batch, opened again from an earlier day when a line of an earlier 323 joins it."""
    termijn = batch.termijn
    if termijn is not None and termijn.is_lopend:
        if termijn.startdatum <= start:
            return
        termijnen.trek_termijn_in(
            termijn,
            reden="Een eerder ontvangen declaratie kwam in de betaalbatch: de termijn telt "
            "vanaf die ontvangst.",
            acting_user=acting_user,
        )
    termijn = termijnen.open_termijn(
        Regelcode.BETALING,
        onderwerp=batch,
        gemeente=batch.gemeente,
        startdatum=start,
        acting_user=acting_user,
        omschrijving=f"Betaalbatch {batch.kenmerk} betalen",
    )
    batch.termijn, batch.vervaldatum = termijn, termijn.vervaldatum
    batch.save(update_fields=["termijn", "vervaldatum"])


@transaction.atomic
def maak_batches(gemeente: Gemeente, *, acting_user, vandaag: date | None = None) -> list:
    """Put every approved, unpaid line of the gemeente in its month's concept batch; returns
    the batches that changed (none on a second run without new approvals)."""
    _eis_backoffice(gemeente.pk, acting_user)
    # The gemeente's row, then its batches (locked by ``batches_van``): two clerks building
    # at once never put a line in two batches, nor in a batch fixed meanwhile.
    gemeente = _sluit_gemeente(gemeente.pk)
    vandaag = vandaag or timezone.localdate()
    te_betalen = sorted(_te_betalen(gemeente, vandaag).items())
    per_aanbieder = {}
    if te_betalen:
        per_aanbieder = queries.batches_van(gemeente.pk, {a for (a, _), _ in te_betalen})
    geraakt: dict[int, tuple[Betaalbatch, list[_Nieuw]]] = {}
    for (aanbieder_id, maand), nieuw in te_betalen:
        batch = _batch_voor(gemeente, aanbieder_id, maand, per_aanbieder[aanbieder_id], acting_user)
        Betaalregel.objects.bulk_create([Betaalregel(batch=batch, **n.velden) for n in nieuw])
        geraakt.setdefault(batch.pk, (batch, []))[1].extend(nieuw)
    for batch, nieuw in geraakt.values():
        _termijn_bij(batch, min(n.start for n in nieuw), acting_user)
        audit.log(
            acting_user,
            "betaalbatch.aangevuld",
            batch,
            omschrijving=f"{batch}: {len(nieuw)} regel(s) toegevoegd",
            wijzigingen={"regels": ["", str(len(nieuw))]},
        )
    return [batch for batch, _ in geraakt.values()]


def _sluit_gemeente(gemeente_id: int) -> Gemeente:
    """The gemeente's row, locked: the first lock of every action on its batches."""
    return Gemeente.objects.select_for_update().get(pk=gemeente_id)


def _vergrendel(batch: Betaalbatch, acting_user) -> Betaalbatch:
    """The batch read again under the locks, in the one order: the gemeente, then the batch."""
    _eis_backoffice(batch.gemeente_id, acting_user)
    _sluit_gemeente(batch.gemeente_id)
    return (
        Betaalbatch.objects.select_for_update(of=("self",))
        .select_related("gemeente", "aanbieder", "termijn")
        .get(pk=batch.pk)
    )


def _zet_status(batch, nieuw: str, acting_user, actie: str, velden: dict, tekst: str = ""):
    oud = batch.status
    batch.status = nieuw
    for veld, waarde in velden.items():
        setattr(batch, veld, waarde)
    batch.save(update_fields=["status", *velden])
    audit.log(
        acting_user,
        actie,
        batch,
        omschrijving=tekst or str(batch),
        wijzigingen={"status": [oud, nieuw]} if oud != nieuw else {},
    )
    return batch


def _leg_rekeningen_vast(batch: Betaalbatch) -> dict:
    """The accounts of both sides as they are now, to be stored with the batch. A batch that
    pays something needs both, valid: refused (Dutch) otherwise."""
    velden, betaalt = {}, queries.totaal(batch)["totaal"] > 0
    for kant, organisatie, rol in (
        ("crediteur", batch.aanbieder, "begunstigde"),
        ("debiteur", batch.gemeente, "opdrachtgever"),
    ):
        rekening = (organisatie.iban, organisatie.bic, organisatie.rekeninghouder)
        velden |= {f"{kant}_iban": rekening[0], f"{kant}_bic": rekening[1]}
        velden[f"{kant}_naam"] = rekening[2]
        if betaalt:
            exports.rekening(organisatie, rekening, rol)
    return velden


@transaction.atomic
def stel_vast(batch: Betaalbatch, *, acting_user) -> Betaalbatch:
    """Fix a concept batch: its lines and the accounts it pays from and to no longer change,
    and it can be exported."""
    batch = _vergrendel(batch, acting_user)
    if not batch.is_concept:
        raise ValidationError("Deze betaalbatch is al vastgesteld.")
    if not batch.regels.exists():
        raise ValidationError("Een betaalbatch zonder regels kan niet worden vastgesteld.")
    velden = {"vastgesteld_op": timezone.now(), "vastgesteld_door": acting_user}
    velden |= _leg_rekeningen_vast(batch)
    return _zet_status(
        batch, BatchStatus.VASTGESTELD, acting_user, "betaalbatch.vastgesteld", velden
    )


def _sepa(batch: Betaalbatch) -> tuple[exports.Bestand, bool]:
    """The batch's SEPA file: made and stored the first time, the stored bytes after that
    (``True`` when it is that copy)."""
    if batch.status == BatchStatus.BETAALD:
        raise ValidationError(
            "Deze betaalbatch is al betaald: een nieuw betaalbestand zou dubbel betalen."
        )
    if batch.sepa_bestand is not None:
        naam = f"{batch.kenmerk}.xml"
        return exports.Bestand(naam, bytes(batch.sepa_bestand), "application/xml"), True
    regels = list(queries.regels_van(batch))
    bestand = exports.sepa(batch, regels, uitvoerdatum=timezone.localdate())
    batch.sepa_bestand, batch.sepa_berichtid = bestand.inhoud, batch.kenmerk
    batch.save(update_fields=["sepa_bestand", "sepa_berichtid"])
    return bestand, False


@transaction.atomic
def exporteer(batch: Betaalbatch, *, soort: str, acting_user) -> exports.Bestand:
    """The batch as a CSV for the financial system or as a SEPA credit transfer (pain.001).
    A fixed batch becomes *geëxporteerd*; exporting again gives the file again (logged): the
    SEPA file exactly as it was first made, so the bank sees one payment order, not two."""
    batch = _vergrendel(batch, acting_user)
    if batch.is_concept:
        raise ValidationError("Stel de betaalbatch eerst vast: een concept vult zich nog aan.")
    opnieuw = False
    if soort == Exportsoort.SEPA:
        bestand, opnieuw = _sepa(batch)
    elif soort == Exportsoort.CSV:
        bestand = exports.csv(batch, list(queries.regels_van(batch)))
    else:
        raise ValidationError("Kies CSV of SEPA.")
    velden = {}
    if batch.status == BatchStatus.VASTGESTELD:
        velden["geexporteerd_op"] = timezone.now()
    nieuw = BatchStatus.GEEXPORTEERD if velden else batch.status
    if opnieuw:
        actie = "betaalbatch.export_sepa_opnieuw"
        tekst = f"{batch}: het SEPA-bestand {bestand.naam} opnieuw gedownload (hetzelfde bestand)"
    else:
        actie = f"betaalbatch.export_{soort}"
        tekst = f"{batch} geëxporteerd als {Exportsoort(soort).label}: {bestand.naam}"
    _zet_status(batch, nieuw, acting_user, actie, velden, tekst)
    return bestand


@transaction.atomic
def markeer_betaald(batch: Betaalbatch, *, betaald_op: date, acting_user) -> Betaalbatch:
    """The batch was paid (or, netting negative, the claim on the aanbieder settled) on
    ``betaald_op``: the payment deadline closes, on time or late."""
    batch = _vergrendel(batch, acting_user)
    if batch.status == BatchStatus.BETAALD:
        raise ValidationError("Deze betaalbatch is al als betaald gemarkeerd.")
    if batch.is_concept:
        raise ValidationError("Stel de betaalbatch eerst vast.")
    if betaald_op is None:
        raise ValidationError("Vul de betaaldatum in.")
    if betaald_op > timezone.localdate():
        raise ValidationError("De betaaldatum ligt in de toekomst.")
    if betaald_op < timezone.localdate(batch.vastgesteld_op):
        raise ValidationError("De betaaldatum ligt vóór de vaststelling van de betaalbatch.")
    if batch.termijn is not None and batch.termijn.is_lopend:
        termijnen.sluit_termijn(batch.termijn, op=betaald_op, acting_user=acting_user)
    velden = {"betaald_op": betaald_op, "betaald_door": acting_user}
    return _zet_status(batch, BatchStatus.BETAALD, acting_user, "betaalbatch.betaald", velden)
