"""Mutations of a client's support, entered by the GEMEENTE: one service per mutation.

Each is one transaction: refused with a Dutch ``ValidationError`` (or ``PermissionDenied``) and
nothing stored or sent, or fully applied: the allocations ended (RedenWijziging WMO002/JZ002),
changed or allocated, one 301 per aanbieder concerned, a ``Mutatie`` on the client's traject,
audit rows. The aanbieder answers an ended allocation with its 307 (``aanbieder.py``:
``stop_na_intrekking``, RedenBeeindiging from ``constants.REDEN_BEEINDIGING``); the aanbieder's
own reports (``aanbieder_stopt``, ``client_stopt`` on its allocation) are in ``aanbieder.py``.

``datum`` is the first day of the new situation: an ended allocation's einddatum is the day
before, except at death, where it is the overlijdensdatum itself (WMO002/JZ002 code 02). An
allocation that would only start on or after that day is removed instead (einddatum =
ingangsdatum, RedenWijziging 13, OP033x1).

Roles: the backoffice (it sends the 301s, as for every allocation); ``wijzig_profiel`` also
the toegangsmedewerker, since it starts a new plan.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from wmoketen.accounts.constants import Rol
from wmoketen.accounts.rechten import eis_organisatie, eis_rol
from wmoketen.audit import services as audit
from wmoketen.evaluaties import services as evaluaties
from wmoketen.organisaties.models import Gemeente
from wmoketen.producten.constants import Wet
from wmoketen.toegang.plausibiliteit import datumfout
from wmoketen.toewijzingen import services as toewijzingen
from wmoketen.toewijzingen.constants import Status as ToewijzingStatus
from wmoketen.toewijzingen.models import Toewijzing
from wmoketen.trajecten import services as trajecten
from wmoketen.trajecten.constants import TrajectStatus
from wmoketen.trajecten.models import Traject

from .constants import (
    FREQUENTIE_TOTAAL,
    REDEN_MEER,
    REDEN_MINDER,
    REDEN_WIJZIGING,
    Soort,
)
from .models import Mutatie

__all__ = [
    "aanbieder_stopt",
    "client_stopt",
    "laatste_dag",
    "naar_pgb",
    "naar_wlz",
    "naar_zin",
    "stop_na_intrekking",
    "traject_van",
    "verhuizing_of_overlijden",
    "wijzig_intensiteit",
    "wijzig_profiel",
    "wissel_aanbieder",
]

EEN_DAG = timedelta(days=1)


# The mutations ---------------------------------------------------------------------------


@transaction.atomic
def verhuizing_of_overlijden(
    client, *, soort: str, datum: date, acting_user, toelichting: str = ""
) -> Mutatie:
    """The client moves out of the gemeente (``datum``: the first day registered elsewhere) or
    has died (``datum``: the overlijdensdatum): every current allocation at every aanbieder
    ends (RedenWijziging 07 or 02), one 301 per aanbieder and wet."""
    eis_plausibele_datum(datum)
    if soort not in (Soort.VERHUIZING, Soort.OVERLIJDEN):
        raise ValidationError("Kies verhuizing of overlijden.")
    return _beeindig_alles(
        client, soort=soort, datum=datum, acting_user=acting_user, toelichting=toelichting
    )


@transaction.atomic
def naar_wlz(client, *, datum: date, acting_user, toelichting: str = "") -> Mutatie:
    """The client moves to the Wlz on ``datum``: every current Wmo and Jeugdwet allocation
    ends the day before with RedenWijziging 06 (uitstroom naar ander domein)."""
    eis_plausibele_datum(datum)
    return _beeindig_alles(
        client, soort=Soort.WLZ, datum=datum, acting_user=acting_user, toelichting=toelichting
    )


@transaction.atomic
def wijzig_intensiteit(
    toewijzing: Toewijzing, *, volume: int, datum: date, acting_user, toelichting: str = ""
) -> Mutatie:
    """Another volume of the same product from ``datum``.

    With frequentie 6 (totaal binnen de geldigheidsduur) the allocation changes in place
    (OP033x1; RedenWijziging 04 more, 05 less); otherwise it ends the day before ``datum``
    (05, "andere omvang") and a new allocation with the new volume runs from ``datum`` to the
    old einddatum, both in one 301."""
    t = _vergrendel(toewijzing, acting_user)
    eis_plausibele_datum(datum)
    _controleer_lopend(t, datum - EEN_DAG)
    if datum < t.ingangsdatum:
        raise ValidationError(
            f"De wijziging gaat in vóór de ingangsdatum van toewijzing {t} "
            f"({t.ingangsdatum:%d-%m-%Y})."
        )
    if t.budget is not None:
        raise ValidationError(
            f"Toewijzing {t} heeft een budget, geen volume: een andere intensiteit is daar "
            "een ander budget."
        )
    if volume is None or volume < 1:
        raise ValidationError("Geef het nieuwe volume op (ten minste 1).")
    if volume == t.volume:
        raise ValidationError(f"Toewijzing {t} heeft al volume {volume}: er verandert niets.")
    velden = dict(volume=volume, aanbieder=t.aanbieder, toelichting=toelichting)
    if t.frequentie == FREQUENTIE_TOTAAL:
        toewijzingen.wijzig_toewijzing(
            t,
            einddatum=t.einddatum,
            volume=volume,
            eenheid=t.eenheid,
            frequentie=t.frequentie,
            budget=None,
            reden_wijziging=REDEN_MEER if volume > (t.volume or 0) else REDEN_MINDER,
            acting_user=acting_user,
        )
        berichten = _verstuur([t], gewijzigd={t.pk}, acting_user=acting_user)
        return _leg_vast(
            Soort.INTENSITEIT, t.client, datum, acting_user, berichten, gewijzigd=[t], **velden
        )
    einde = t.einddatum
    _beeindig(t, laatste=datum - EEN_DAG, reden=REDEN_MINDER, acting_user=acting_user)
    nieuw = _wijs_opnieuw_toe(
        t, t.aanbieder, ingang=datum, einde=einde, volume=volume, acting_user=acting_user
    )
    berichten = _verstuur([t, *nieuw], gewijzigd={t.pk}, acting_user=acting_user)
    return _leg_vast(
        Soort.INTENSITEIT,
        t.client,
        datum,
        acting_user,
        berichten,
        beeindigd=[t],
        nieuw=nieuw,
        **velden,
    )


@transaction.atomic
def wijzig_profiel(
    beschikking, *, datum: date, acting_user, toelichting: str = "", op: date | None = None
) -> Mutatie:
    """Another profile: a new melding on the same traject (``toegang.vervolg``, registered on
    ``op``, default today), leading to a new plan and beschikking; the old allocations end when
    the new beschikking starts (toegang ends them with RedenWijziging 05 and allocates the new
    products; ``signals.profiel_beschikt`` then records them on this Mutatie)."""
    _eis_gemeente(acting_user, beschikking.gemeente_id, Rol.TOEGANGSMEDEWERKER, Rol.BACKOFFICE)
    eis_plausibele_datum(datum)
    if beschikking.einddatum < datum:
        raise ValidationError(
            f"{beschikking} loopt op {datum:%d-%m-%Y} niet meer (einddatum "
            f"{beschikking.einddatum:%d-%m-%Y}): een profielwijziging gaat over een lopende "
            "beschikking."
        )
    from wmoketen.toegang import vervolg  # late: toegang imports toewijzingen, not us
    from wmoketen.toegang.constants import Aanleiding

    melding = vervolg.start_herindicatie(
        beschikking, aanleiding=Aanleiding.PROFIELWIJZIGING, acting_user=acting_user, op=op
    )
    return _leg_vast(
        Soort.PROFIEL,
        beschikking.client,
        datum,
        acting_user,
        [],
        traject=melding.traject,
        aanbieder=beschikking.aanbieder,
        toelichting=toelichting,
    )


@transaction.atomic
def wissel_aanbieder(
    toewijzing: Toewijzing, *, nieuwe_aanbieder, datum: date, acting_user, toelichting: str = ""
) -> Mutatie:
    """The client goes to ``nieuwe_aanbieder`` from ``datum``: the old allocation ends the day
    before (RedenWijziging 09, a 301 to the old aanbieder), the same product with the same
    omvang or budget is allocated to the new one up to the old einddatum (a 301 to it), and the
    new aanbieder joins the traject. Refused without a contract for the product."""
    t = _vergrendel(toewijzing, acting_user)
    eis_plausibele_datum(datum)
    laatste = datum - EEN_DAG
    _controleer_lopend(t, laatste)
    if not getattr(nieuwe_aanbieder, "is_aanbieder", False):
        raise ValidationError("Kies een zorgaanbieder om naar over te stappen.")
    if nieuwe_aanbieder.pk == t.aanbieder_id:
        raise ValidationError(f"{nieuwe_aanbieder} levert deze toewijzing al; kies een andere.")
    # First the new allocation: without a contract (or with stapeling) nothing is ended.
    nieuw = _wijs_opnieuw_toe(
        t,
        nieuwe_aanbieder,
        ingang=max(datum, t.ingangsdatum),
        einde=t.einddatum,
        acting_user=acting_user,
    )
    _beeindig(
        t, laatste=laatste, reden=REDEN_WIJZIGING[Soort.AANBIEDERSWISSEL], acting_user=acting_user
    )
    berichten = _verstuur([t, *nieuw], gewijzigd={t.pk}, acting_user=acting_user)
    traject = traject_van(t.client, t)
    _neem_op_in_traject(traject, nieuwe_aanbieder, acting_user)
    return _leg_vast(
        Soort.AANBIEDERSWISSEL,
        t.client,
        datum,
        acting_user,
        berichten,
        traject=traject,
        aanbieder=t.aanbieder,
        nieuwe_aanbieder=nieuwe_aanbieder,
        beeindigd=[t],
        nieuw=nieuw,
        toelichting=toelichting,
    )


@transaction.atomic
def naar_pgb(
    toewijzing: Toewijzing,
    *,
    datum: date,
    pgb_budget: Decimal,
    acting_user,
    toelichting: str = "",
) -> Mutatie:
    """From zorg in natura to a pgb on ``datum``: the allocation ends the day before
    (RedenWijziging 08, a 301 to the aanbieder); the pgb is recorded on the Mutatie only (a pgb
    is not allocated with a 301)."""
    t = _vergrendel(toewijzing, acting_user)
    eis_plausibele_datum(datum)
    try:
        budget = Decimal(pgb_budget)
    except (TypeError, ArithmeticError):  # InvalidOperation is an ArithmeticError
        budget = None
    if budget is None or not budget.is_finite() or budget <= 0:
        raise ValidationError("Geef het pgb-budget op (meer dan € 0).")
    _controleer_lopend(t, datum - EEN_DAG)
    _beeindig(
        t, laatste=datum - EEN_DAG, reden=REDEN_WIJZIGING[Soort.NAAR_PGB], acting_user=acting_user
    )
    berichten = _verstuur([t], gewijzigd={t.pk}, acting_user=acting_user)
    return _leg_vast(
        Soort.NAAR_PGB,
        t.client,
        datum,
        acting_user,
        berichten,
        aanbieder=t.aanbieder,
        pgb_budget=budget,
        beeindigd=[t],
        toelichting=toelichting,
    )


@transaction.atomic
def naar_zin(
    client,
    *,
    product,
    aanbieder,
    datum: date,
    volume: int,
    acting_user,
    einddatum: date | None = None,
    toelichting: str = "",
) -> Mutatie:
    """From a pgb back to zorg in natura on ``datum``: a new allocation of ``product`` to
    ``aanbieder`` (a 301 without RedenWijziging) under the client's running beschikking for
    the product's wet, up to ``einddatum`` or the beschikking's end. Refused when no pgb was
    recorded (a ``naar_pgb`` mutation) or the aanbieder has no contract."""
    _eis_gemeente(acting_user, client.organisatie_id)
    eis_plausibele_datum(datum)
    if not Mutatie.objects.filter(
        client_id=client.pk, soort=Soort.NAAR_PGB, datum__lte=datum
    ).exists():
        raise ValidationError(
            "Voor deze cliënt is geen pgb vastgelegd: zorg in natura wijst u toe met de "
            "beschikking."
        )
    beschikking = _lopende_beschikking(client, product.wet, datum)
    einde = einddatum or (beschikking.einddatum if beschikking else None)
    nieuw = toewijzingen.wijs_toe(
        gemeente=Gemeente.objects.get(pk=client.organisatie_id),
        aanbieder=aanbieder,
        client=client,
        wet=product.wet,
        producten=[toewijzingen.TeWijzenProduct(product, datum, einde, volume, None, None)],
        beschikkingnummer=beschikking.nummer if beschikking else "",
        acting_user=acting_user,
    )
    traject = traject_van(client, nieuw[0])
    _neem_op_in_traject(traject, aanbieder, acting_user)
    return _leg_vast(
        Soort.NAAR_ZIN,
        client,
        datum,
        acting_user,
        [nieuw[0].bericht],
        traject=traject,
        aanbieder=aanbieder,
        volume=volume,
        nieuw=nieuw,
        toelichting=toelichting,
    )


@transaction.atomic
def client_stopt(toewijzing, *, datum: date, acting_user, toelichting: str = "") -> Mutatie:
    """The client wants to stop from ``datum``. ``toewijzing`` is the gemeente's
    ``Toewijzing`` (entered by the gemeente: it ends the day before with RedenWijziging 05, a
    301 to the aanbieder) or the aanbieder's ``AanbiederToewijzing`` (reported by the aanbieder,
    see ``aanbieder.meld_stop``)."""
    from wmoketen.toewijzingen.models import AanbiederToewijzing

    if isinstance(toewijzing, AanbiederToewijzing):
        from .aanbieder import meld_stop

        return meld_stop(
            toewijzing,
            soort=Soort.CLIENT_STOPT,
            datum=datum,
            acting_user=acting_user,
            toelichting=toelichting,
        )
    t = _vergrendel(toewijzing, acting_user)
    eis_plausibele_datum(datum)
    _controleer_lopend(t, datum - EEN_DAG)
    _beeindig(
        t,
        laatste=datum - EEN_DAG,
        reden=REDEN_WIJZIGING[Soort.CLIENT_STOPT],
        acting_user=acting_user,
    )
    berichten = _verstuur([t], gewijzigd={t.pk}, acting_user=acting_user)
    return _leg_vast(
        Soort.CLIENT_STOPT,
        t.client,
        datum,
        acting_user,
        berichten,
        aanbieder=t.aanbieder,
        beeindigd=[t],
        toelichting=toelichting,
    )


# Shared steps ----------------------------------------------------------------------------


def laatste_dag(soort: str, datum: date) -> date:
    """The last day with support for a mutation that takes effect on ``datum``."""
    return datum if soort == Soort.OVERLIJDEN else datum - EEN_DAG


def traject_van(client, toewijzing: Toewijzing | None = None) -> Traject | None:
    """The traject a mutation belongs to: the one of the beschikking the allocation cites,
    else the client's latest traject that is not closed (None: the client has none)."""
    if toewijzing is not None and toewijzing.beschikkingnummer:
        from wmoketen.toegang.models import Melding  # late: toegang imports toewijzingen

        melding = (
            Melding.objects.filter(
                plan__beschikking__nummer=toewijzing.beschikkingnummer, traject__isnull=False
            )
            .select_related("traject")
            .first()
        )
        if melding is not None:
            return melding.traject
    return (
        Traject.objects.filter(client_id=client.pk)
        .exclude(status=TrajectStatus.AFGESLOTEN)
        .order_by("-startdatum", "-pk")
        .first()
    )


def eis_plausibele_datum(datum: date) -> None:
    """Refuse a date no real situation can have (``toegang.plausibiliteit.datumfout``): the
    day before year 1 is outside the calendar."""
    if fout := datumfout(datum):
        raise ValidationError({"datum": fout})


def _eis_gemeente(acting_user, gemeente_id: int, *rollen) -> None:
    eis_rol(
        acting_user,
        *(rollen or (Rol.BACKOFFICE,)),
        tekst="U hebt geen rol waarmee u deze mutatie mag invoeren.",
    )
    eis_organisatie(acting_user, gemeente_id, "Deze cliënt hoort niet bij uw gemeente.")


def _vergrendel(toewijzing: Toewijzing, acting_user) -> Toewijzing:
    if not isinstance(toewijzing, Toewijzing):
        raise ValidationError("Dit is geen toewijzing van de gemeente.")
    _eis_gemeente(acting_user, toewijzing.gemeente_id)
    return (
        Toewijzing.objects.select_for_update(of=("self",))
        .select_related("product", "gemeente", "aanbieder", "client")
        .get(pk=toewijzing.pk)
    )


def _controleer_lopend(toewijzing: Toewijzing, laatste: date) -> None:
    """Refuse a mutation on an allocation that has ended (by an earlier mutation, a removal,
    or its einddatum on or before the mutation's last day)."""
    _controleer_niet_beeindigd(toewijzing)
    if toewijzing.einddatum is not None and toewijzing.einddatum <= laatste:
        raise ValidationError(
            f"Toewijzing {toewijzing} eindigt al op {toewijzing.einddatum:%d-%m-%Y}, vóór deze "
            "mutatie ingaat: er is niets te wijzigen."
        )


def _controleer_niet_beeindigd(toewijzing: Toewijzing) -> None:
    """Refuse an allocation an earlier mutation or removal ended, whatever the date."""
    if toewijzing.status in (ToewijzingStatus.BEEINDIGD, ToewijzingStatus.VERWIJDERD):
        eind = f" per {toewijzing.einddatum:%d-%m-%Y}" if toewijzing.einddatum else ""
        raise ValidationError(
            f"Toewijzing {toewijzing} is al {toewijzing.get_status_display().lower()}{eind}: "
            "een mutatie gaat alleen over een lopende toewijzing."
        )


def _beeindig(toewijzing: Toewijzing, *, laatste: date, reden: str, acting_user) -> Toewijzing:
    """End ``toewijzing`` on ``laatste``; one that had not started by then is removed."""
    return toewijzingen.trek_in(
        toewijzing, laatste=laatste, reden_wijziging=reden, acting_user=acting_user
    )


def _wijs_opnieuw_toe(
    oud: Toewijzing,
    aanbieder,
    *,
    ingang: date,
    einde: date | None,
    acting_user,
    volume: int | None = None,
) -> list[Toewijzing]:
    """The same product as ``oud`` from ``ingang`` to ``einde`` (nothing sent yet)."""
    return toewijzingen.maak_toewijzingen(
        gemeente=oud.gemeente,
        aanbieder=aanbieder,
        client=oud.client,
        wet=oud.wet,
        producten=[
            toewijzingen.TeWijzenProduct(
                oud.product,
                ingang,
                einde,
                None if oud.budget is not None else (volume or oud.volume),
                oud.eenheid or None,
                oud.frequentie or None,
                oud.budget,
            )
        ],
        beschikkingnummer=oud.beschikkingnummer,
        acting_user=acting_user,
    )


def _verstuur(lijst: list[Toewijzing], *, gewijzigd: set[int], acting_user) -> list:
    """One 301 per aanbieder and wet of ``lijst`` (the client's complete set there), in the
    order of ``lijst``; the pks in ``gewijzigd`` carry their RedenWijziging (IV099)."""
    groepen: dict[tuple, list[Toewijzing]] = {}
    for t in lijst:
        groepen.setdefault((t.aanbieder_id, t.wet), []).append(t)
    berichten = []
    for groep in groepen.values():
        eerste = groep[0]
        berichten.append(
            toewijzingen.verstuur_301(
                gemeente=eerste.gemeente,
                aanbieder=eerste.aanbieder,
                client=eerste.client,
                wet=eerste.wet,
                acting_user=acting_user,
                gewijzigd=[t.pk for t in groep if t.pk in gewijzigd],
            )
        )
    return berichten


def _beeindig_alles(client, *, soort: str, datum: date, acting_user, toelichting: str) -> Mutatie:
    _eis_gemeente(acting_user, client.organisatie_id)
    laatste = laatste_dag(soort, datum)
    lopend = list(
        Toewijzing.objects.select_for_update(of=("self",))
        .filter(gemeente_id=client.organisatie_id, client_id=client.pk)
        .actueel(laatste + EEN_DAG)
        .select_related("product", "gemeente", "aanbieder", "client")
        .order_by("aanbieder_id", "wet", "toewijzingnummer")
    )
    if not lopend:
        raise ValidationError(
            f"De cliënt heeft na {laatste:%d-%m-%Y} geen lopende toewijzingen: er is niets te "
            "beëindigen."
        )
    for t in lopend:
        _beeindig(t, laatste=laatste, reden=REDEN_WIJZIGING[soort], acting_user=acting_user)
    berichten = _verstuur(lopend, gewijzigd={t.pk for t in lopend}, acting_user=acting_user)
    return _leg_vast(
        soort, client, datum, acting_user, berichten, beeindigd=lopend, toelichting=toelichting
    )


def _lopende_beschikking(client, wet: str, datum: date):
    from wmoketen.toegang.models import Beschikking  # late: toegang imports toewijzingen

    if wet not in Wet.values:
        raise ValidationError(f"Onbekende wet: {wet!r}.")
    return (
        Beschikking.objects.filter(
            client_id=client.pk, wet=wet, ingangsdatum__lte=datum, einddatum__gte=datum
        )
        .order_by("-dagtekening", "-pk")
        .first()
    )


def _neem_op_in_traject(traject: Traject | None, aanbieder, acting_user) -> None:
    if traject is not None and not traject.is_deelnemer(aanbieder):
        trajecten.voeg_aanbieder_toe(traject, aanbieder=aanbieder, acting_user=acting_user)


def _volg_evaluaties(mutatie: Mutatie, beeindigd, nieuw, acting_user) -> None:
    """Planned evaluations follow the care: they lapse from the mutation's date when no
    allocation of their beschikking runs on, and go to the new aanbieder on a switch."""
    from wmoketen.toegang.models import Beschikking  # late: toegang imports toewijzingen

    nummers = {t.beschikkingnummer for t in beeindigd if t.beschikkingnummer}
    if not nummers:
        return
    lopend = set(
        Toewijzing.objects.actueel(mutatie.datum)
        .filter(gemeente_id=mutatie.gemeente_id, beschikkingnummer__in=nummers)
        .values_list("beschikkingnummer", flat=True)
    )
    overgedragen = mutatie.nieuwe_aanbieder_id and any(
        t.beschikkingnummer in nummers for t in nieuw
    )
    for beschikking in Beschikking.objects.filter(
        gemeente_id=mutatie.gemeente_id, nummer__in=nummers
    ):
        if beschikking.nummer not in lopend:
            evaluaties.laat_vervallen(beschikking, vanaf=mutatie.datum, acting_user=acting_user)
        elif overgedragen:
            evaluaties.draag_over(
                beschikking,
                van=mutatie.aanbieder,
                naar=mutatie.nieuwe_aanbieder,
                vanaf=mutatie.datum,
                acting_user=acting_user,
            )


def _leg_vast(
    soort: str,
    client,
    datum: date,
    acting_user,
    berichten: list,
    *,
    traject: Traject | None = None,
    gemeld_door=None,
    beeindigd=(),
    nieuw=(),
    gewijzigd=(),
    **velden,
) -> Mutatie:
    """Store the Mutatie with what it did and write its audit row."""
    if traject is None:
        traject = traject_van(client, next(iter([*beeindigd, *gewijzigd, *nieuw]), None))
    mutatie = Mutatie(
        gemeente_id=client.organisatie_id,
        client=client,
        traject=traject,
        soort=soort,
        datum=datum,
        gemeld_door_id=(gemeld_door or acting_user.organisatie).pk,
        ingevoerd_door=acting_user,
        **velden,
    )
    mutatie.full_clean()
    mutatie.save()
    _volg_evaluaties(mutatie, beeindigd, nieuw, acting_user)
    mutatie.beeindigd.set(beeindigd)
    mutatie.nieuw.set(nieuw)
    mutatie.gewijzigd.set(gewijzigd)
    mutatie.berichten.set(berichten)
    audit.log(
        acting_user,
        f"mutatie.{soort}",
        mutatie,
        client_id=client.pk,
        omschrijving=(
            f"{mutatie}: {len(beeindigd)} beëindigd, {len(gewijzigd)} gewijzigd, "
            f"{len(nieuw)} nieuw, {len(berichten)} bericht(en)"
        ),
    )
    return mutatie


# Reported by the aanbieder: see aanbieder.py.
from .aanbieder import aanbieder_stopt, stop_na_intrekking  # noqa: E402
