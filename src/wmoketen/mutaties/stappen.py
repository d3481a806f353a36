"""The steps every mutation is made of, for the gemeente's (``services.py``) and the
aanbieder's (``aanbieder.py``) mutations: check, end or allocate anew, send the 301s, record.

None of these opens a transaction of its own: the mutation calling them is one.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.core.exceptions import ValidationError

from wmoketen.accounts.constants import Rol
from wmoketen.accounts.rechten import eis_organisatie, eis_rol
from wmoketen.audit import services as audit
from wmoketen.evaluaties import services as evaluaties
from wmoketen.toegang import queries as toegang_queries
from wmoketen.toegang.plausibiliteit import datumfout
from wmoketen.toewijzingen import queries as toewijzingen_queries
from wmoketen.toewijzingen import services as toewijzingen
from wmoketen.toewijzingen.constants import Status as ToewijzingStatus
from wmoketen.toewijzingen.models import Toewijzing  # the type a gemeente's mutation takes
from wmoketen.trajecten import services as trajecten
from wmoketen.trajecten.constants import TrajectStatus
from wmoketen.trajecten.models import Traject

from .constants import Soort
from .models import Mutatie

EEN_DAG = timedelta(days=1)


# Checks ----------------------------------------------------------------------------------


def eis_plausibele_datum(datum: date) -> None:
    """Refuse a date no real situation can have (``toegang.plausibiliteit.datumfout``): the
    day before year 1 is outside the calendar."""
    if fout := datumfout(datum):
        raise ValidationError({"datum": fout})


def eis_gemeente(acting_user, gemeente_id: int, *rollen) -> None:
    """The user works at the client's gemeente in one of ``rollen`` (default backoffice)."""
    eis_rol(
        acting_user,
        *(rollen or (Rol.BACKOFFICE,)),
        tekst="U hebt geen rol waarmee u deze mutatie mag invoeren.",
    )
    eis_organisatie(acting_user, gemeente_id, "Deze cliënt hoort niet bij uw gemeente.")


def vergrendel(toewijzing: Toewijzing, acting_user) -> Toewijzing:
    """The gemeente's allocation a mutation changes, locked until commit."""
    if not isinstance(toewijzing, Toewijzing):
        raise ValidationError("Dit is geen toewijzing van de gemeente.")
    eis_gemeente(acting_user, toewijzing.gemeente_id)
    return toewijzingen_queries.vergrendel_eigen(toewijzing.pk)


def controleer_lopend(toewijzing: Toewijzing, laatste: date) -> None:
    """Refuse a mutation on an allocation that has ended (by an earlier mutation, a removal,
    or its einddatum on or before the mutation's last day)."""
    controleer_niet_beeindigd(toewijzing)
    if toewijzing.einddatum is not None and toewijzing.einddatum <= laatste:
        raise ValidationError(
            f"Toewijzing {toewijzing} eindigt al op {toewijzing.einddatum:%d-%m-%Y}, vóór deze "
            "mutatie ingaat: er is niets te wijzigen."
        )


def controleer_niet_beeindigd(toewijzing: Toewijzing) -> None:
    """Refuse an allocation an earlier mutation or removal ended, whatever the date."""
    if toewijzing.status in (ToewijzingStatus.BEEINDIGD, ToewijzingStatus.VERWIJDERD):
        eind = f" per {toewijzing.einddatum:%d-%m-%Y}" if toewijzing.einddatum else ""
        raise ValidationError(
            f"Toewijzing {toewijzing} is al {toewijzing.get_status_display().lower()}{eind}: "
            "een mutatie gaat alleen over een lopende toewijzing."
        )


# Dates and the traject -------------------------------------------------------------------


def laatste_dag(soort: str, datum: date) -> date:
    """The last day with support for a mutation that takes effect on ``datum``."""
    return datum if soort == Soort.OVERLIJDEN else datum - EEN_DAG


def traject_van(client, toewijzing: Toewijzing | None = None) -> Traject | None:
    """The traject a mutation belongs to: the one of the beschikking the allocation cites,
    else the client's latest traject that is not closed (None: the client has none)."""
    if toewijzing is not None and toewijzing.beschikkingnummer:
        traject = toegang_queries.traject_van_beschikking(toewijzing.beschikkingnummer)
        if traject is not None:
            return traject
    return (
        Traject.objects.filter(client_id=client.pk)
        .exclude(status=TrajectStatus.AFGESLOTEN)
        .order_by("-startdatum", "-pk")
        .first()
    )


def neem_op_in_traject(traject: Traject | None, aanbieder, acting_user) -> None:
    """The aanbieder a mutation allocates to takes part in the traject from now on."""
    if traject is not None and not traject.is_deelnemer(aanbieder):
        trajecten.voeg_aanbieder_toe(traject, aanbieder=aanbieder, acting_user=acting_user)


# Ending, allocating, sending -------------------------------------------------------------


def beeindig(toewijzing: Toewijzing, *, laatste: date, reden: str, acting_user) -> Toewijzing:
    """End ``toewijzing`` on ``laatste``; one that had not started by then is removed."""
    return toewijzingen.trek_in(
        toewijzing, laatste=laatste, reden_wijziging=reden, acting_user=acting_user
    )


def wijs_opnieuw_toe(
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


def verstuur(lijst: list[Toewijzing], *, gewijzigd: set[int], acting_user) -> list:
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


# Recording -------------------------------------------------------------------------------


def leg_vast(
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
    """Store the Mutatie with what it did and write its audit row; planned evaluations follow
    the care."""
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


def _volg_evaluaties(mutatie: Mutatie, beeindigd, nieuw, acting_user) -> None:
    """Planned evaluations follow the care: they lapse from the mutation's date when no
    allocation of their beschikking runs on, and go to the new aanbieder on a switch."""
    nummers = {t.beschikkingnummer for t in beeindigd if t.beschikkingnummer}
    if not nummers:
        return
    lopend = toewijzingen_queries.lopende_beschikkingnummers(
        mutatie.gemeente_id, nummers, mutatie.datum
    )
    overgedragen = mutatie.nieuwe_aanbieder_id and any(
        t.beschikkingnummer in nummers for t in nieuw
    )
    for beschikking in toegang_queries.beschikkingen_met_nummer(mutatie.gemeente_id, nummers):
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
