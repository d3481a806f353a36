from collections import Counter
from datetime import date

from django.core.management import call_command

from wmoketen.accounts.models import Gebruiker
from wmoketen.audit.models import AuditRegel
from wmoketen.berichten.models import Bericht
from wmoketen.clienten.models import Client
from wmoketen.clienten.validators import is_geldig_bsn
from wmoketen.organisaties.models import Aanbieder, Contract, Gemeente
from wmoketen.termijnen.constants import LOPEND
from wmoketen.termijnen.models import Termijn
from wmoketen.toegang.constants import MeldingStatus
from wmoketen.toegang.models import Melding


def tellingen():
    return [
        m.objects.count()
        for m in (Gemeente, Aanbieder, Contract, Gebruiker, Client, AuditRegel, Melding, Bericht)
    ]


def test_demo_maakt_de_keten_en_tweede_keer_verandert_niets(db, capsys):
    call_command("demo")
    eerste = tellingen()
    call_command("demo")

    assert tellingen() == eerste
    # 30 clients, plus the aanbieders' own records of the 17 clients whose plan they got.
    assert eerste[:5] == [4, 3, 4, 22, 47]
    assert sorted(Gemeente.objects.values_list("gemeentecode", flat=True)) == [
        "0034",
        "0946",
        "0988",
        "1640",
    ]
    assert all(is_geldig_bsn(bsn) for bsn in Client.objects.values_list("bsn", flat=True))
    uitvoer = capsys.readouterr().out
    assert "Demo-wmoketen-2026" in uitvoer and "leudal.consulent" in uitvoer


def test_demo_heeft_zaken_op_elke_stap_en_verzonden_301(db):
    call_command("demo")

    per_status = {s: Melding.objects.filter(status=s).count() for s in MeldingStatus.values}
    assert per_status == {
        "ontvangen": 3,
        "huisbezoek_gepland": 2,
        "onderzoek_afgerond": 0,
        "plan_deel_1": 2,
        "opdracht_deel_2": 4,
        "deel_2_gereed": 2,
        "aangevraagd": 3,
        "beschikt": 8,
    }
    # Stored in the outbox; delivered after commit (the transaction of the test never commits).
    verzonden = Counter(b.naam for b in Bericht.objects.filter(nummer=301))
    assert verzonden == {"WMO301": 6, "JW301": 2}
    te_laat = Termijn.objects.filter(status__in=LOPEND, vervaldatum__lt=date.today())
    assert {t.regel.code for t in te_laat} >= {
        "huisbezoek",
        "onderzoek",
        "plan_deel_2",
        "beschikking",
        "melding_beschikking",
    }
