"""Mutations of a client's support, entered by the GEMEENTE: one service per mutation.

Each is one transaction: refused with a Dutch ``ValidationError`` (or ``PermissionDenied``) and
nothing stored or sent, or fully applied: the allocations ended (RedenWijziging WMO002/JZ002),
changed or allocated, one 301 per aanbieder concerned, a ``Mutatie`` on the client's traject,
audit rows. The steps they share with the aanbieder's mutations are in ``stappen.py``. The
aanbieder answers an ended allocation with its 307 (``aanbieder.py``: ``stop_na_intrekking``,
RedenBeeindiging from ``constants.REDEN_BEEINDIGING``); the aanbieder's own reports
(``aanbieder_stopt``, ``client_stopt`` on its allocation) are in ``aanbieder.py`` and
re-exported here.

``datum`` is the first day of the new situation: an ended allocation's einddatum is the day
before, except at death, where it is the overlijdensdatum itself (WMO002/JZ002 code 02). An
allocation that would only start on or after that day is removed instead (einddatum =
ingangsdatum, RedenWijziging 13, OP033x1).

Roles: the backoffice (it sends the 301s, as for every allocation); ``wijzig_profiel`` also
the toegangsmedewerker, since it starts a new plan.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction

from wmoketen.accounts.constants import Rol
from wmoketen.organisaties.models import Gemeente
from wmoketen.producten.constants import Wet
from wmoketen.toegang import queries as toegang_queries
from wmoketen.toegang import vervolg
from wmoketen.toegang.constants import Aanleiding
from wmoketen.toewijzingen import queries as toewijzingen_queries
from wmoketen.toewijzingen import services as toewijzingen
from wmoketen.toewijzingen.models import AanbiederToewijzing  # isinstance: who reports

from .aanbieder import aanbieder_stopt, meld_stop, stop_na_intrekking
from .constants import (
    FREQUENTIE_TOTAAL,
    REDEN_MEER,
    REDEN_MINDER,
    REDEN_WIJZIGING,
    Soort,
)
from .models import Mutatie
from .stappen import (
    EEN_DAG,
    beeindig,
    controleer_lopend,
    eis_gemeente,
    eis_plausibele_datum,
    laatste_dag,
    leg_vast,
    neem_op_in_traject,
    traject_van,
    vergrendel,
    verstuur,
    wijs_opnieuw_toe,
)

if TYPE_CHECKING:
    from wmoketen.toewijzingen.models import Toewijzing

__all__ = [
    "aanbieder_stopt",
    "client_stopt",
    "naar_pgb",
    "naar_wlz",
    "naar_zin",
    "stop_na_intrekking",
    "verhuizing_of_overlijden",
    "wijzig_intensiteit",
    "wijzig_profiel",
    "wissel_aanbieder",
]


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
    t = vergrendel(toewijzing, acting_user)
    eis_plausibele_datum(datum)
    controleer_lopend(t, datum - EEN_DAG)
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
        berichten = verstuur([t], gewijzigd={t.pk}, acting_user=acting_user)
        return leg_vast(
            Soort.INTENSITEIT, t.client, datum, acting_user, berichten, gewijzigd=[t], **velden
        )
    einde = t.einddatum
    beeindig(t, laatste=datum - EEN_DAG, reden=REDEN_MINDER, acting_user=acting_user)
    nieuw = wijs_opnieuw_toe(
        t, t.aanbieder, ingang=datum, einde=einde, volume=volume, acting_user=acting_user
    )
    berichten = verstuur([t, *nieuw], gewijzigd={t.pk}, acting_user=acting_user)
    return leg_vast(
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
    products; ``profiel.profiel_beschikt`` then records them on this Mutatie)."""
    eis_gemeente(acting_user, beschikking.gemeente_id, Rol.TOEGANGSMEDEWERKER, Rol.BACKOFFICE)
    eis_plausibele_datum(datum)
    if beschikking.einddatum < datum:
        raise ValidationError(
            f"{beschikking} loopt op {datum:%d-%m-%Y} niet meer (einddatum "
            f"{beschikking.einddatum:%d-%m-%Y}): een profielwijziging gaat over een lopende "
            "beschikking."
        )
    melding = vervolg.start_herindicatie(
        beschikking, aanleiding=Aanleiding.PROFIELWIJZIGING, acting_user=acting_user, op=op
    )
    return leg_vast(
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
    t = vergrendel(toewijzing, acting_user)
    eis_plausibele_datum(datum)
    laatste = datum - EEN_DAG
    controleer_lopend(t, laatste)
    if not getattr(nieuwe_aanbieder, "is_aanbieder", False):
        raise ValidationError("Kies een zorgaanbieder om naar over te stappen.")
    if nieuwe_aanbieder.pk == t.aanbieder_id:
        raise ValidationError(f"{nieuwe_aanbieder} levert deze toewijzing al; kies een andere.")
    # First the new allocation: without a contract (or with stapeling) nothing is ended.
    nieuw = wijs_opnieuw_toe(
        t,
        nieuwe_aanbieder,
        ingang=max(datum, t.ingangsdatum),
        einde=t.einddatum,
        acting_user=acting_user,
    )
    beeindig(
        t, laatste=laatste, reden=REDEN_WIJZIGING[Soort.AANBIEDERSWISSEL], acting_user=acting_user
    )
    berichten = verstuur([t, *nieuw], gewijzigd={t.pk}, acting_user=acting_user)
    traject = traject_van(t.client, t)
    neem_op_in_traject(traject, nieuwe_aanbieder, acting_user)
    return leg_vast(
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
    t = vergrendel(toewijzing, acting_user)
    eis_plausibele_datum(datum)
    try:
        budget = Decimal(pgb_budget)
    except (TypeError, ArithmeticError):  # InvalidOperation is an ArithmeticError
        budget = None
    if budget is None or not budget.is_finite() or budget <= 0:
        raise ValidationError("Geef het pgb-budget op (meer dan € 0).")
    controleer_lopend(t, datum - EEN_DAG)
    beeindig(
        t, laatste=datum - EEN_DAG, reden=REDEN_WIJZIGING[Soort.NAAR_PGB], acting_user=acting_user
    )
    berichten = verstuur([t], gewijzigd={t.pk}, acting_user=acting_user)
    return leg_vast(
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
    eis_gemeente(acting_user, client.organisatie_id)
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
    neem_op_in_traject(traject, aanbieder, acting_user)
    return leg_vast(
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
    if isinstance(toewijzing, AanbiederToewijzing):
        return meld_stop(
            toewijzing,
            soort=Soort.CLIENT_STOPT,
            datum=datum,
            acting_user=acting_user,
            toelichting=toelichting,
        )
    t = vergrendel(toewijzing, acting_user)
    eis_plausibele_datum(datum)
    controleer_lopend(t, datum - EEN_DAG)
    beeindig(
        t,
        laatste=datum - EEN_DAG,
        reden=REDEN_WIJZIGING[Soort.CLIENT_STOPT],
        acting_user=acting_user,
    )
    berichten = verstuur([t], gewijzigd={t.pk}, acting_user=acting_user)
    return leg_vast(
        Soort.CLIENT_STOPT,
        t.client,
        datum,
        acting_user,
        berichten,
        aanbieder=t.aanbieder,
        beeindigd=[t],
        toelichting=toelichting,
    )


# Steps of these mutations only -------------------------------------------------------


def _beeindig_alles(client, *, soort: str, datum: date, acting_user, toelichting: str) -> Mutatie:
    eis_gemeente(acting_user, client.organisatie_id)
    laatste = laatste_dag(soort, datum)
    lopend = list(
        toewijzingen_queries.lopende_toewijzingen(
            client.organisatie_id, client.pk, op=laatste + EEN_DAG
        )
        .select_for_update(of=("self",))
        .select_related("gemeente", "client")
        .order_by("aanbieder_id", "wet", "toewijzingnummer")
    )
    if not lopend:
        raise ValidationError(
            f"De cliënt heeft na {laatste:%d-%m-%Y} geen lopende toewijzingen: er is niets te "
            "beëindigen."
        )
    for t in lopend:
        beeindig(t, laatste=laatste, reden=REDEN_WIJZIGING[soort], acting_user=acting_user)
    berichten = verstuur(lopend, gewijzigd={t.pk for t in lopend}, acting_user=acting_user)
    return leg_vast(
        soort, client, datum, acting_user, berichten, beeindigd=lopend, toelichting=toelichting
    )


def _lopende_beschikking(client, wet: str, datum: date):
    if wet not in Wet.values:
        raise ValidationError(f"Onbekende wet: {wet!r}.")
    return toegang_queries.lopende_beschikking(client, wet, datum)
