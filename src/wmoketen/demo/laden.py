"""The whole demo in order: the seeds' gemeenten, three aanbieders with contracts, users and 30
clients; the gemeenten's clients walked through the toegang route (``toegang``); the
aanbieders' starts, pauses and stops (``leveringen``); their requests (``verzoeken``: 315/316,
317/318, 319/320 for both laws) and one mutation (an aanbieder switch in Leudal). Every
beschikking has its evaluations planned (``evaluaties``, on the beschikking).

Idempotent: everything is looked up by its natural key first, so a second run changes nothing.
"""

import random
from functools import partial

from django.core.management import call_command
from django.db import transaction

from wmoketen.accounts.constants import ROLLEN_AANBIEDER, ROLLEN_GEMEENTE
from wmoketen.termijnen.services import laad_standaardregels

from .berichten import bezorg_intern
from .betalingen import laad_betalingen
from .budgetten import laad_budgetten
from .clienten import bsn_reeks, client_gegevens, laad_clienten
from .contracten import laad_contracten
from .correcties import laad_correcties
from .declaraties import laad_declaraties
from .eigenbijdrage import laad_eigenbijdrage
from .gebruikers import WACHTWOORD, Login, laad_gebruikers
from .leveringen import laad_leveringen
from .mutaties import laad_aanbiederswissel
from .organisaties import laad_organisaties
from .regimes import laad_regime_declaraties, laad_regimes
from .toegang import laad_afhandeling, laad_toegang
from .trajecten import laad_traject
from .verzoeken import laad_verzoeken

__all__ = ["WACHTWOORD", "Login", "laad_demo"]


@transaction.atomic
def laad_demo() -> list[Login]:
    call_command("loaddata", "producten", verbosity=0)
    gemeenten, aanbieders, mlw = laad_organisaties()
    laad_standaardregels(acting_user=None)  # regional deadline rules for MLW and Almere
    laad_contracten(gemeenten, aanbieders, mlw)
    laad_regimes()

    logins = []
    for gemeente in gemeenten:
        logins += laad_gebruikers(gemeente, ROLLEN_GEMEENTE, gemeente.naam.lower())
    for aanbieder in aanbieders:
        logins += laad_gebruikers(aanbieder, ROLLEN_AANBIEDER, f"agb{aanbieder.agb_code}")

    rng = random.Random(1640)
    bsns = bsn_reeks(rng)
    laad_clienten([*gemeenten, *aanbieders], rng, bsns)
    laad_traject(gemeenten[0], aanbieders[0])
    laad_toegang(gemeenten)
    laad_afhandeling()
    bezorg_intern()  # the 301s reach the aanbieders, their 302s come back
    laad_leveringen(gemeenten)
    laad_verzoeken(partial(client_gegevens, rng, ""), bsns)
    laad_aanbiederswissel(gemeenten[0])
    laad_declaraties()
    laad_regime_declaraties()
    laad_correcties()
    laad_budgetten()
    laad_betalingen()  # after every approval and advance above
    laad_eigenbijdrage()
    return logins
