"""The eigen-bijdrage tests' set-up: a gemeente's allocations made directly (no 301 needed) with
their deliveries as the gemeente records a received 305/307."""

import itertools
from datetime import date, time, timedelta

from django.utils import timezone

from wmoketen.accounts.constants import Rol
from wmoketen.factories import AanbiederFactory, ClientFactory, GebruikerFactory, ProductFactory
from wmoketen.toewijzingen.constants import REDEN_PAUZE, LeveringStatus
from wmoketen.toewijzingen.models import Levering, Toewijzing

OP = date(2026, 6, 1)  # "today" of the tests
VANDAAG = timezone.localdate()  # the real today, for the pages and the export
BEGIN = VANDAAG - timedelta(days=200)
EINDE = VANDAAG - timedelta(days=100)
_nummers = itertools.count(5000)


def backoffice(gemeente):
    return GebruikerFactory(organisatie=gemeente, rol=Rol.BACKOFFICE)


def client(gemeente, *, geboren=date(1950, 5, 17), **kwargs):
    return ClientFactory(organisatie=gemeente, geboortedatum=geboren, **kwargs)


def toewijzing(gemeente, client_, *, ingang, einde=None, wet="wmo", aanbieder=None):
    return Toewijzing.objects.create(
        gemeente=gemeente,
        aanbieder=aanbieder or AanbiederFactory(),
        client=client_,
        wet=wet,
        toewijzingnummer=next(_nummers),
        product=ProductFactory(wet=wet),
        ingangsdatum=ingang,
        einddatum=einde,
        volume=3,
        eenheid="04",
        frequentie="2",
        toewijzingsdatum=ingang,
        toewijzingstijd=time(9, 0),
    )


def levering(t, begin, einde=None, *, reden="", status=None):
    """A delivery as the gemeente records it: a 305, perhaps a 307 (reden 20: a pause)."""
    if status is None:
        status = LeveringStatus.GESTART
        if einde is not None:
            status = LeveringStatus.GEPAUZEERD if reden == REDEN_PAUZE else LeveringStatus.GESTOPT
    return Levering.objects.create(
        toewijzing=t, begindatum=begin, einddatum=einde, reden_beeindiging=reden, status=status
    )


def stop(lev, einde, reden="02"):
    lev.einddatum, lev.reden_beeindiging = einde, reden
    lev.status = LeveringStatus.GEPAUZEERD if reden == REDEN_PAUZE else LeveringStatus.GESTOPT
    lev.save()
