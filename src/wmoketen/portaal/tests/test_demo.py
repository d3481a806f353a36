from django.core.management import call_command

from wmoketen.accounts.models import Gebruiker
from wmoketen.audit.models import AuditRegel
from wmoketen.clienten.models import Client
from wmoketen.clienten.validators import is_geldig_bsn
from wmoketen.organisaties.models import Aanbieder, Contract, Gemeente


def tellingen():
    return [
        m.objects.count() for m in (Gemeente, Aanbieder, Contract, Gebruiker, Client, AuditRegel)
    ]


def test_demo_maakt_de_keten_en_tweede_keer_verandert_niets(db, capsys):
    call_command("demo")
    eerste = tellingen()
    call_command("demo")

    assert tellingen() == eerste
    assert eerste[:5] == [4, 3, 4, 22, 30]
    assert sorted(Gemeente.objects.values_list("gemeentecode", flat=True)) == [
        "0034",
        "0946",
        "0988",
        "1640",
    ]
    assert all(is_geldig_bsn(bsn) for bsn in Client.objects.values_list("bsn", flat=True))
    uitvoer = capsys.readouterr().out
    assert "Demo-wmoketen-2026" in uitvoer and "leudal.consulent" in uitvoer
