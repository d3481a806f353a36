"""manage.py berichten_dump: every stored message verbatim, one file each."""

import io
import stat

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from istandaarden.samples import lees
from wmoketen.berichten import services
from wmoketen.berichten.models import Bericht


def test_dump_schrijft_elk_bericht_onveranderd(partijen, tmp_path):
    gemeente, aanbieder = partijen
    wmo = services.ontvang(lees("WMO301"), afzender=gemeente, ontvanger=aanbieder, transport="api")
    jw = services.ontvang(
        lees("JW301"), afzender=gemeente, ontvanger=aanbieder, transport="bestand"
    )
    onzin = services.ontvang(
        b"\x00\xffgeen bericht", afzender=gemeente, ontvanger=aanbieder, transport="api"
    )
    wmo_retour, jw_retour = Bericht.objects.filter(nummer=302).order_by("pk")
    doel = tmp_path / "audit" / "2026"
    uit = io.StringIO()

    call_command("berichten_dump", str(doel), stdout=uit)

    verwacht = {
        f"WMO301-{wmo.pk}.xml": lees("WMO301"),
        f"WMO302-{wmo_retour.pk}.xml": wmo_retour.bytes,
        f"JW301-{jw.pk}.xml": lees("JW301"),
        f"JW302-{jw_retour.pk}.xml": jw_retour.bytes,
        f"ONBEKEND-{onzin.pk}.bin": b"\x00\xffgeen bericht",
    }
    assert {p.name: p.read_bytes() for p in doel.iterdir()} == verwacht
    assert uit.getvalue() == f"5 berichten geschreven naar {doel}.\n"
    assert stat.S_IMODE(doel.stat().st_mode) == 0o700
    assert {stat.S_IMODE(p.stat().st_mode) for p in doel.iterdir()} == {0o600}


def test_dump_in_een_bestaand_bestand_kan_niet(db, tmp_path):
    bestand = tmp_path / "bestand"
    bestand.write_text("x")
    with pytest.raises(CommandError, match="bestaat al en is geen map"):
        call_command("berichten_dump", str(bestand))


def test_dump_zonder_berichten_maakt_een_lege_map(db, tmp_path):
    uit = io.StringIO()
    call_command("berichten_dump", str(tmp_path / "leeg"), stdout=uit)
    assert list((tmp_path / "leeg").iterdir()) == []
    assert uit.getvalue() == f"0 berichten geschreven naar {tmp_path / 'leeg'}.\n"
