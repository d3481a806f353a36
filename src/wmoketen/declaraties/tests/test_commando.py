"""manage.py declaraties_beantwoorden: the periodic answer, from cron when there is no broker."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from wmoketen.declaraties.constants import BeoordelingStatus
from wmoketen.declaraties.models import OntvangenDeclaratie
from wmoketen.termijnen.kalender import plus_werkdagen

from .hulp_gemeente import Opzet, bouw_323, ontvang_323, prestatie


def test_beantwoordt_wat_lang_genoeg_wacht(db, settings):
    opzet = Opzet.maak()
    bericht = ontvang_323(opzet, bouw_323(opzet, [prestatie(opzet.toewijzing())]))
    declaratie = OntvangenDeclaratie.objects.get(bericht=bericht)
    ontvangen = timezone.localdate(declaratie.ontvangen_op)
    uit = io.StringIO()
    call_command("declaraties_beantwoorden", "--datum", ontvangen.isoformat(), stdout=uit)
    assert uit.getvalue().startswith("0 declaratie(s)")  # it has not waited yet
    later = plus_werkdagen(ontvangen, settings.DECLARATIES_WACHTTIJD_WERKDAGEN)
    call_command("declaraties_beantwoorden", "--datum", later.isoformat(), stdout=uit)
    assert "1 declaratie(s) beantwoord." in uit.getvalue()
    declaratie.refresh_from_db()
    assert declaratie.status == BeoordelingStatus.BEANTWOORD


def test_ongeldige_datum(db):
    with pytest.raises(CommandError, match="JJJJ-MM-DD"):
        call_command("declaraties_beantwoorden", "--datum", "morgen")
