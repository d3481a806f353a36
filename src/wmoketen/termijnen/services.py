"""State changes of deadlines and rules: one transaction each, validated, audit-logged.

``acting_user=None`` means the system (a message handler, the periodic job, a migration).
"""

from collections.abc import Iterable
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from wmoketen.audit import services as audit
from wmoketen.organisaties.models import Gemeente, Organisatie, Regio

from . import standaardregels
from .constants import LOPEND, Richting, Soort, Status
from .models import Termijn, Termijnregel
from .queries import regel_voor

REGELVELDEN = ("naam", "aantal", "eenheid", "richting", "startgebeurtenis", "bron")


def _organisatie_id(acting_user) -> int | None:
    return getattr(acting_user, "organisatie_id", None)


def _controleer_onderwerp(onderwerp) -> ContentType:
    if onderwerp is None or getattr(onderwerp, "pk", None) is None:
        raise ValidationError("Een termijn hoort bij een opgeslagen onderwerp.")
    return ContentType.objects.get_for_model(onderwerp)


def _controleer_opener(acting_user, gemeente, organisaties: list) -> None:
    if not isinstance(gemeente, Gemeente):
        raise ValidationError("Een termijn hoort bij een gemeente.")
    if any(not isinstance(o, Organisatie) for o in organisaties):
        raise ValidationError("Een termijn kan alleen met organisaties worden gedeeld.")
    betrokken = {gemeente.pk, *(o.pk for o in organisaties)}
    if acting_user is not None and _organisatie_id(acting_user) not in betrokken:
        raise ValidationError(
            "U kunt alleen een termijn openen waar uw eigen organisatie bij betrokken is."
        )


def _open(acting_user, gemeente, organisaties, **velden) -> Termijn:
    if velden["vervaldatum"] < timezone.localdate():
        velden["status"] = Status.VERLOPEN
    termijn = Termijn(
        gemeente=gemeente,
        geopend_door=acting_user if getattr(acting_user, "pk", None) else None,
        **velden,
    )
    termijn.full_clean()
    termijn.save()
    termijn.organisaties.set(organisaties)
    audit.log(
        acting_user,
        "termijn.geopend",
        termijn,
        omschrijving=str(termijn),
        wijzigingen={"vervaldatum": ["", termijn.vervaldatum.isoformat()]},
    )
    return termijn


@transaction.atomic
def open_termijn(
    regelcode: str,
    *,
    onderwerp,
    gemeente: Gemeente,
    startdatum: date,
    acting_user,
    organisaties: Iterable[Organisatie] = (),
    omschrijving: str = "",
    startgebeurtenis: str = "",
) -> Termijn:
    """Open a deadline on ``onderwerp`` by the rule ``regelcode`` as it applies to ``gemeente``.

    ``startdatum`` is the start event's date (for a rule counted back, the date it counts back
    from, e.g. the einddatum of the beschikking). ``startgebeurtenis`` overrides the rule's
    text, e.g. "ontvangst van de 301 (toegewezen met terugwerkende kracht)" for OP271.
    ``organisaties`` may also see the deadline (e.g. the aanbieder who must act).
    """
    organisaties = list(organisaties)
    _controleer_opener(acting_user, gemeente, organisaties)
    content_type = _controleer_onderwerp(onderwerp)
    if startdatum is None:
        raise ValidationError("Vul de datum in waarop de termijn begint.")
    regel = regel_voor(regelcode, gemeente)
    return _open(
        acting_user,
        gemeente,
        organisaties,
        regel=regel,
        content_type=content_type,
        object_id=onderwerp.pk,
        omschrijving=omschrijving,
        startgebeurtenis=startgebeurtenis or regel.startgebeurtenis,
        startdatum=startdatum,
        vervaldatum=regel.vervaldatum(startdatum, gemeente),
        berekening=f"{regel.termijn_tekst} ({regel.bereik}; {regel.bron})"[:300],
    )


@transaction.atomic
def open_vrije_termijn(
    *,
    vervaldatum: date,
    onderwerp,
    gemeente: Gemeente,
    acting_user,
    omschrijving: str,
    organisaties: Iterable[Organisatie] = (),
) -> Termijn:
    """A deadline on a date a user chose (e.g. the due date of a task)."""
    organisaties = list(organisaties)
    _controleer_opener(acting_user, gemeente, organisaties)
    content_type = _controleer_onderwerp(onderwerp)
    vandaag = timezone.localdate()
    if vervaldatum is None:
        raise ValidationError("Vul de uiterste datum in.")
    if vervaldatum < vandaag:
        raise ValidationError("De uiterste datum ligt in het verleden.")
    if not omschrijving.strip():
        raise ValidationError("Geef de termijn een omschrijving.")
    return _open(
        acting_user,
        gemeente,
        organisaties,
        content_type=content_type,
        object_id=onderwerp.pk,
        omschrijving=omschrijving.strip(),
        startgebeurtenis="gekozen door de gebruiker",
        startdatum=vandaag,
        vervaldatum=vervaldatum,
        berekening="vrij gekozen uiterste datum",
    )


def _vergrendel(termijn: Termijn, acting_user) -> Termijn:
    rijen = Termijn.objects.select_for_update()
    if acting_user is not None:
        rijen = rijen.voor_organisatie(acting_user.organisatie)
    gevonden = rijen.filter(pk=termijn.pk).first()
    if gevonden is None:
        raise ValidationError("U mag deze termijn niet wijzigen.")
    if gevonden.status == Status.INGETROKKEN:
        raise ValidationError("Deze termijn is ingetrokken.")
    if gevonden.status not in LOPEND:
        raise ValidationError("Deze termijn is al gesloten.")
    return gevonden


def _sluit(termijn: Termijn, op: date, acting_user) -> Termijn:
    if op is None:
        raise ValidationError("Vul de datum in waarop de termijn is gehaald.")
    if op > timezone.localdate():
        raise ValidationError("De datum van afhandeling ligt in de toekomst.")
    oud = termijn.status
    termijn.status = Status.GEHAALD if op <= termijn.vervaldatum else Status.TE_LAAT_GEHAALD
    termijn.gesloten_op = op
    termijn.save(update_fields=["status", "gesloten_op"])
    audit.log(
        acting_user,
        "termijn.gesloten",
        termijn,
        omschrijving=str(termijn),
        wijzigingen={"status": [oud, termijn.status], "gesloten_op": ["", op.isoformat()]},
    )
    return termijn


@transaction.atomic
def sluit_termijn(termijn: Termijn, *, op: date, acting_user) -> Termijn:
    """Close a deadline: ``gehaald`` when ``op`` ≤ the due date, else ``te laat gehaald``.

    Also for a deadline already marked ``verlopen``.
    """
    return _sluit(_vergrendel(termijn, acting_user), op, acting_user)


def _lopend_op(onderwerp, acting_user):
    """The running deadlines on ``onderwerp`` that ``acting_user``'s organisation may change."""
    rijen = Termijn.objects.filter(
        content_type=_controleer_onderwerp(onderwerp), object_id=onderwerp.pk, status__in=LOPEND
    )
    if acting_user is not None:
        rijen = rijen.voor_organisatie(acting_user.organisatie)
    return rijen


@transaction.atomic
def sluit_termijnen_voor(
    onderwerp, *, op: date, acting_user, regelcode: str | None = None
) -> list[Termijn]:
    """Close every running deadline on ``onderwerp`` (only rule ``regelcode`` if given)."""
    rijen = _lopend_op(onderwerp, acting_user).select_for_update()
    if regelcode is not None:
        rijen = rijen.filter(regel__code=regelcode)
    return [_sluit(termijn, op, acting_user) for termijn in rijen]


@transaction.atomic
def trek_termijn_in(termijn: Termijn, *, reden: str, acting_user) -> Termijn:
    """The deadline is no longer needed (e.g. the melding was withdrawn)."""
    termijn = _vergrendel(termijn, acting_user)
    if not reden.strip():
        raise ValidationError("Geef een reden voor het intrekken van de termijn.")
    oud = termijn.status
    termijn.status = Status.INGETROKKEN
    termijn.gesloten_op = timezone.localdate()
    termijn.save(update_fields=["status", "gesloten_op"])
    audit.log(
        acting_user,
        "termijn.ingetrokken",
        termijn,
        omschrijving=reden.strip(),
        wijzigingen={"status": [oud, termijn.status]},
    )
    return termijn


@transaction.atomic
def trek_termijnen_in_voor(onderwerp, *, reden: str, acting_user) -> list[Termijn]:
    """Withdraw every running deadline on ``onderwerp`` with ``reden`` (e.g. the melding was
    withdrawn by the client: nothing is late, nothing more is due)."""
    rijen = _lopend_op(onderwerp, acting_user)
    return [trek_termijn_in(termijn, reden=reden, acting_user=acting_user) for termijn in rijen]


@transaction.atomic
def markeer_verlopen(vandaag: date | None = None) -> int:
    """Mark open deadlines past their due date as ``verlopen``; returns how many."""
    vandaag = vandaag or timezone.localdate()
    verlopen = list(
        # The rule for each row's title in the audit text, in the same query.
        Termijn.objects.select_for_update(of=("self",))
        .select_related("regel")
        .filter(status=Status.OPEN, vervaldatum__lt=vandaag)
    )
    Termijn.objects.filter(pk__in=[t.pk for t in verlopen]).update(status=Status.VERLOPEN)
    for termijn in verlopen:
        audit.log(
            None,
            "termijn.verlopen",
            termijn,
            omschrijving=str(termijn),
            wijzigingen={"status": [Status.OPEN.value, Status.VERLOPEN.value]},
        )
    return len(verlopen)


# Rules -----------------------------------------------------------------------------------


@transaction.atomic
def laad_standaardregels(*, acting_user=None) -> list[Termijnregel]:
    """Create the seeded rules that are missing (idempotent; existing rules stay as they are).

    The national and standaard rules exist after ``migrate``; the regional ones of
    Midden-Limburg West (regio by that name) and Almere (gemeentecode 0034) are attached
    once those exist: call this after creating them (the demo does).
    """
    gemaakt = standaardregels.laad(Termijnregel, Gemeente, Regio)
    for regel in gemaakt:
        audit.log(acting_user, "termijnregel.toegevoegd", regel, omschrijving=str(regel))
    return gemaakt


def _controleer_beheer(acting_user, *, gemeente=None, regio=None) -> None:
    if acting_user is None:
        return
    organisatie_id = _organisatie_id(acting_user)
    if gemeente is not None and gemeente.pk == organisatie_id:
        return
    if regio is not None and regio.gemeenten.filter(pk=organisatie_id).exists():
        return
    if gemeente is None and regio is None:
        raise ValidationError(
            "Landelijke en standaardtermijnen wijzigen alleen met een nieuwe versie van "
            "wmoketen; stel voor uw gemeente of regio een eigen regel in."
        )
    raise ValidationError("U mag alleen termijnregels van uw eigen gemeente of regio instellen.")


@transaction.atomic
def stel_regel_in(
    *,
    code: str,
    naam: str,
    aantal: int | None,
    eenheid: str,
    startgebeurtenis: str,
    acting_user,
    richting: str = Richting.NA,
    gemeente: Gemeente | None = None,
    regio: Regio | None = None,
    bron: str = "",
) -> Termijnregel:
    """A regional rule for one gemeente or one regio, overriding the standaard rule."""
    _controleer_beheer(acting_user, gemeente=gemeente, regio=regio)
    regel = Termijnregel(
        code=code,
        naam=naam,
        soort=Soort.REGIONAAL,
        aantal=aantal,
        eenheid=eenheid,
        richting=richting,
        startgebeurtenis=startgebeurtenis,
        gemeente=gemeente,
        regio=regio,
        bron=bron,
    )
    regel.full_clean()
    regel.save()
    audit.log(acting_user, "termijnregel.ingesteld", regel, omschrijving=str(regel))
    return regel


@transaction.atomic
def wijzig_regel(regel: Termijnregel, *, acting_user, **wijzigingen) -> Termijnregel:
    """Change a rule. Deadlines already open keep their due date."""
    regel = Termijnregel.objects.select_for_update().get(pk=regel.pk)
    _controleer_beheer(acting_user, gemeente=regel.gemeente, regio=regel.regio)
    onbekend = set(wijzigingen) - set(REGELVELDEN)
    if onbekend:
        raise ValidationError(f"Onbekende velden: {', '.join(sorted(onbekend))}.")
    oud = {veld: getattr(regel, veld) for veld in wijzigingen}
    for veld, waarde in wijzigingen.items():
        setattr(regel, veld, waarde)
    regel.full_clean()
    regel.save()
    audit.log(
        acting_user,
        "termijnregel.gewijzigd",
        regel,
        omschrijving=str(regel),
        wijzigingen=audit.wijzigingen(oud, wijzigingen),
    )
    return regel
