"""What follows a beschikking, in order, in the one transaction of the decision.

1. ``toegang.services.neem_beschikking``: the beschikking with its letter, its deadlines and,
   unless it is an open beschikking, the allocations and their 301 (``toewijzingen``);
2. ``mutaties.profiel.profiel_beschikt``: after a profielwijziging, the Mutatie records the
   allocations the follow-up beschikking ended and made;
3. ``evaluaties.services.plan_evaluaties``: the beschikking's evaluations are planned.

Views, the demo and other callers take a beschikking here, never in toegang directly, so the
reactions cannot be forgotten.
"""

from collections.abc import Iterable
from datetime import date
from typing import NotRequired, TypedDict, Unpack

from django.db import transaction

from wmoketen.evaluaties.services import plan_evaluaties
from wmoketen.mutaties.profiel import profiel_beschikt
from wmoketen.toegang import services as toegang
from wmoketen.toegang.models import Beschikking, Ondersteuningsplan


class Beschikkingsinvoer(TypedDict):
    """The keyword arguments of ``toegang.services.neem_beschikking``, by name and type; an
    argument left out takes toegang's default (``einddatum``, ``dagtekening`` None, the
    standard ``bezwaarclausule``, ``open_beschikking`` False). Only what the caller gives is
    passed on, so toegang's defaults stay the only ones."""

    producten: Iterable[toegang.BeschiktProductInvoer]
    ingangsdatum: date | None
    duur: str
    motivering: str
    einddatum: NotRequired[date | None]
    dagtekening: NotRequired[date | None]
    bezwaarclausule: NotRequired[str]
    open_beschikking: NotRequired[bool]


@transaction.atomic
def neem_beschikking(
    plan: Ondersteuningsplan, *, acting_user, **invoer: Unpack[Beschikkingsinvoer]
) -> Beschikking:
    """``toegang.services.neem_beschikking`` (the arguments of ``Beschikkingsinvoer``) and
    what follows it."""
    beschikking = toegang.neem_beschikking(plan, acting_user=acting_user, **invoer)
    profiel_beschikt(beschikking, acting_user=acting_user)
    plan_evaluaties(beschikking, acting_user=acting_user)
    return beschikking
