"""Mutations on the AANBIEDER's side.

* ``aanbieder_stopt`` / ``client_stopt`` on an ``AanbiederToewijzing`` (``meld_stop``): the
  aanbieder reports that it, or the client, stops. Its 307 goes out if delivery runs (reden
  22/33 or 21/32, WMO588/JZ588), the gemeente's allocation ends (RedenWijziging 12 or 05, a 301
  back to the aanbieder) and the consulent gets a task on the traject to arrange what comes
  next (the standard leaves the gemeente free to end it, 4.4 iJw; here it ends at once so the
  allocation never outlives the care, and the consulent follows up).
* ``stop_na_intrekking``: after a 301 that ended its allocation, the aanbieder's 307 with the
  RedenBeeindiging that goes with the RedenWijziging (``constants.REDEN_BEEINDIGING``); it
  closes the ``stop_zorg`` deadline the 301 opened (OP272).

The aanbieder-medewerker of the allocation's aanbieder (or of an onderaannemer, as for every
start and stop) acts; anyone else gets ``PermissionDenied``.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from wmoketen.accounts.constants import Rol
from wmoketen.accounts.rechten import eis_rol
from wmoketen.termijnen.kalender import plus_werkdagen
from wmoketen.toewijzingen import queries as toewijzingen_queries
from wmoketen.toewijzingen import services as toewijzingen
from wmoketen.toewijzingen.constants import AanbiederStatus
from wmoketen.toewijzingen.models import AanbiederToewijzing  # isinstance: the aanbieder's
from wmoketen.toewijzingen.signalen import signaleer
from wmoketen.trajecten import services as trajecten
from wmoketen.trajecten.constants import TaakSoort

from .constants import (
    REDEN_AANBIEDER_STOPT,
    REDEN_BEEINDIGING,
    REDEN_CLIENT_STOPT,
    REDEN_NA_STOPBERICHT,
    REDEN_WIJZIGING,
    Soort,
)
from .models import Mutatie
from .stappen import (
    beeindig,
    controleer_lopend,
    controleer_niet_beeindigd,
    eis_plausibele_datum,
    leg_vast,
    traject_van,
    verstuur,
)

if TYPE_CHECKING:
    from wmoketen.toewijzingen.models import Levering, Toewijzing

REDEN_307 = {Soort.AANBIEDER_STOPT: REDEN_AANBIEDER_STOPT, Soort.CLIENT_STOPT: REDEN_CLIENT_STOPT}
TAAK = {
    Soort.AANBIEDER_STOPT: "Aanbieder stopt: vervolg regelen",
    Soort.CLIENT_STOPT: "Cliënt stopt: afspreken wat nodig is",
}
# The consulent's task is due in this many werkdagen.
TAAK_WERKDAGEN = 5


@transaction.atomic
def aanbieder_stopt(
    aanbieder_toewijzing: AanbiederToewijzing, *, datum: date, acting_user, toelichting: str = ""
) -> Mutatie:
    """The aanbieder stops delivering from ``datum`` (its first day without care)."""
    return meld_stop(
        aanbieder_toewijzing,
        soort=Soort.AANBIEDER_STOPT,
        datum=datum,
        acting_user=acting_user,
        toelichting=toelichting,
    )


@transaction.atomic
def meld_stop(
    aanbieder_toewijzing: AanbiederToewijzing,
    *,
    soort: str,
    datum: date,
    acting_user,
    toelichting: str = "",
) -> Mutatie:
    """The aanbieder reports ``soort`` (aanbieder_stopt or client_stopt) from ``datum``."""
    at = _eis_aanbieder(aanbieder_toewijzing, acting_user)
    eis_plausibele_datum(datum)
    toewijzing = _te_stoppen(at, vergrendel=True)
    laatste = datum - timedelta(days=1)
    controleer_lopend(toewijzing, laatste)
    berichten = []
    levering = toewijzingen_queries.te_stoppen_levering(at)
    if levering is not None:
        levering = toewijzingen.registreer_stop(
            at, einddatum=laatste, reden=REDEN_307[soort][at.wet], acting_user=acting_user
        )
        berichten.append(levering.stopbericht)
    reden = REDEN_WIJZIGING[soort]
    if levering is not None:  # the allocation is withdrawn after the aanbieder's definitive 307
        reden = REDEN_NA_STOPBERICHT.get(toewijzing.wet, reden)
    beeindig(toewijzing, laatste=laatste, reden=reden, acting_user=acting_user)
    berichten += verstuur([toewijzing], gewijzigd={toewijzing.pk}, acting_user=acting_user)
    traject = traject_van(toewijzing.client, toewijzing)
    mutatie = leg_vast(
        soort,
        toewijzing.client,
        datum,
        acting_user,
        berichten,
        traject=traject,
        gemeld_door=at.aanbieder,
        aanbieder=toewijzing.aanbieder,
        beeindigd=[toewijzing],
        toelichting=toelichting,
    )
    _informeer_gemeente(mutatie, toewijzing, traject, acting_user)
    return mutatie


def kan_stop_melden(aanbieder_toewijzing: AanbiederToewijzing) -> bool:
    """Whether ``meld_stop`` takes a stop for this allocation (on some date): *Cliënt wil
    stoppen* and *Wij willen stoppen* are offered only then, so not after a stop."""
    return not waarom_geen_stop(aanbieder_toewijzing)


def waarom_geen_stop(aanbieder_toewijzing: AanbiederToewijzing) -> str:
    """The Dutch refusal ``meld_stop`` gives whatever the date, or "" when a stop is possible."""
    try:
        _te_stoppen(aanbieder_toewijzing)
    except ValidationError as fout:
        return " ".join(fout.messages)
    return ""


def _te_stoppen(at: AanbiederToewijzing, *, vergrendel: bool = False) -> Toewijzing:
    """The gemeente's allocation a stop of ``at`` ends (locked until commit with
    ``vergrendel``); refused when none is left to end."""
    if at.status != AanbiederStatus.ACTUEEL:
        raise ValidationError(
            f"Toewijzing {at} staat niet meer in de laatste toewijzing (301) van de gemeente: "
            "die is al beëindigd."
        )
    toewijzing = toewijzingen_queries.eigen_bij_ontvangen(at, vergrendel=vergrendel)
    if toewijzing is None:
        raise ValidationError(
            f"{at.gemeente} werkt niet met wmoketen: meld de stop met een stopbericht (307)."
        )
    controleer_niet_beeindigd(toewijzing)
    return toewijzing


@transaction.atomic
def stop_na_intrekking(
    aanbieder_toewijzing: AanbiederToewijzing, *, acting_user, reden: str = ""
) -> Levering:
    """The 307 after a 301 that ended this allocation: einddatum the allocation's, reden the
    one that goes with its RedenWijziging unless the aanbieder knows better (``reden``; e.g.
    21/32 when the gemeente ended it because the client stopped)."""
    at = _eis_aanbieder(aanbieder_toewijzing, acting_user)
    if at.einddatum is None:
        raise ValidationError(
            f"Toewijzing {at} heeft geen einddatum: de gemeente beëindigde haar niet."
        )
    reden = reden or REDEN_BEEINDIGING[at.wet].get(at.reden_wijziging, "")
    if not reden:
        raise ValidationError(
            f"Toewijzing {at} is niet beëindigd met een reden wijziging die om een stop vraagt: "
            "kies zelf een reden beëindiging."
        )
    if toewijzingen_queries.te_stoppen_levering(at) is None:
        raise ValidationError(f"Voor toewijzing {at} loopt geen levering: er is niets te stoppen.")
    return toewijzingen.registreer_stop(
        at, einddatum=at.einddatum, reden=reden, acting_user=acting_user
    )


def _eis_aanbieder(at, acting_user) -> AanbiederToewijzing:
    if not isinstance(at, AanbiederToewijzing):
        raise ValidationError("Dit is geen toewijzing van een aanbieder.")
    geen_recht = "U mag voor deze toewijzing geen mutatie melden."
    eis_rol(acting_user, Rol.AANBIEDER, tekst=geen_recht)
    if not toewijzingen.mag_registreren(acting_user, at):
        raise PermissionDenied(geen_recht)
    return toewijzingen_queries.vergrendel_ontvangen(at.pk)


def _informeer_gemeente(mutatie: Mutatie, toewijzing: Toewijzing, traject, acting_user) -> None:
    """A task for the consulent on the traject; without a traject the aanbieder shares, a
    signal in the gemeente's worklist."""
    tekst = (
        f"{mutatie.gemeld_door} meldt: {mutatie.get_soort_display().lower()} per "
        f"{mutatie.datum:%d-%m-%Y} (toewijzing {toewijzing}). De toewijzing is beëindigd."
    )
    if traject is not None and traject.is_deelnemer(acting_user.organisatie):
        trajecten.maak_taak(
            traject,
            naam=TAAK[mutatie.soort],
            soort=TaakSoort.WIJZIGING,
            toegewezen_aan_organisatie=toewijzing.gemeente,
            vervaldatum=plus_werkdagen(timezone.localdate(), TAAK_WERKDAGEN, toewijzing.gemeente),
            acting_user=acting_user,
            prioriteit="hoog",
            omschrijving=tekst,
        )
        return
    signaleer(
        toewijzing.gemeente_id,
        soort=mutatie.soort,
        tekst=tekst,
        toewijzing=toewijzing,
    )
