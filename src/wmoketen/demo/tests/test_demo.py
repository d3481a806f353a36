from collections import Counter
from datetime import date, timedelta

from django.core.management import call_command

from istandaarden.validation import validate
from wmoketen.accounts.models import Gebruiker
from wmoketen.audit.models import AuditRegel
from wmoketen.berichten.models import Bericht
from wmoketen.clienten.models import Client
from wmoketen.clienten.validators import is_geldig_bsn
from wmoketen.evaluaties.models import Evaluatie
from wmoketen.mutaties.models import Mutatie
from wmoketen.organisaties.models import Aanbieder, Contract, Contractregel, Gemeente
from wmoketen.termijnen.constants import LOPEND
from wmoketen.termijnen.models import Termijn
from wmoketen.toegang.constants import MeldingStatus
from wmoketen.toegang.models import Beschikking, Melding
from wmoketen.toewijzingen.constants import LeveringStatus
from wmoketen.toewijzingen.models import AanbiederToewijzing, Levering, Signaal, Toewijzing
from wmoketen.verzoeken.models import Antwoord, Verzoek

MODELLEN = (
    Gemeente,
    Aanbieder,
    Contract,
    Gebruiker,
    Client,
    AuditRegel,
    Melding,
    Bericht,
    Toewijzing,
    AanbiederToewijzing,
    Levering,
    Verzoek,
    Antwoord,
)


def tellingen():
    return [m.objects.count() for m in MODELLEN]


def test_demo_maakt_de_keten_en_tweede_keer_verandert_niets(db, capsys):
    call_command("demo")
    eerste = tellingen()
    call_command("demo")

    assert tellingen() == eerste
    # 30 clients, plus the aanbieders' own records of the 17 clients whose plan they got, and
    # the three youngsters of the Jeugdwet requests on both sides, the new aanbieder's record
    # of the client who switched, and the two clients of the regional regimes on both sides.
    # Five contracts: the taakgericht budget has its own (demo/budgetten.py).
    assert eerste[:5] == [4, 3, 5, 22, 58]
    # 85 messages (five 323s and four 325s among them); 12 allocations on each side (one more
    # after the switch, one per regional regime); 10 delivery periods on each side; 6 requests
    # on each side, with 3 answers (319) on each side.
    assert eerste[7:] == [85, 12, 12, 20, 12, 6]
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
        "ontvangen": 2,
        "huisbezoek_gepland": 2,
        "onderzoek_afgerond": 0,
        "plan_deel_1": 2,
        "opdracht_deel_2": 3,
        "deel_2_gereed": 2,
        "aangevraagd": 2,
        "beschikt": 7,
        "open_beschikt": 1,
        "afgewezen": 1,
        "ingetrokken": 1,
        "buiten_behandeling": 1,
    }
    verzonden = Counter(b.naam for b in Bericht.objects.filter(nummer=301))
    # 2 for the aanbieder switch, 2 for the regional regimes (demo/regimes.py)
    assert verzonden == {"WMO301": 10, "JW301": 3}
    te_laat = Termijn.objects.filter(status__in=LOPEND, vervaldatum__lt=date.today())
    assert {t.regel.code for t in te_laat} >= {
        "huisbezoek",
        "onderzoek",
        "plan_deel_2",
        "beschikking",
        "melding_beschikking",
    }


def test_demo_heeft_leveringen_door_de_echte_pijplijn(db):
    """Start, pause, restart and stop went 305/307 → 306/308 through the internal transport."""
    call_command("demo")

    per_bericht = Counter(
        (b.naam, b.status, b.transport, tuple(b.retourcodes))
        for b in Bericht.objects.filter(nummer__lt=315)
    )
    assert per_bericht == {
        ("WMO301", "retour_verzonden", "intern", ()): 10,
        ("WMO302", "verwerkt", "intern", ()): 10,
        ("WMO305", "retour_verzonden", "intern", ()): 7,
        ("WMO306", "verwerkt", "intern", ()): 7,
        ("WMO307", "retour_verzonden", "intern", ()): 4,
        ("WMO308", "verwerkt", "intern", ()): 4,
        ("JW301", "retour_verzonden", "intern", ()): 3,
        ("JW302", "verwerkt", "intern", ()): 3,
        ("JW305", "retour_verzonden", "intern", ()): 3,
        ("JW306", "verwerkt", "intern", ()): 3,
        ("JW307", "retour_verzonden", "intern", ()): 2,
        ("JW308", "verwerkt", "intern", ()): 2,
    }
    assert all(validate(b.bytes) == [] for b in Bericht.objects.all())
    assert not Signaal.objects.exists()  # nothing odd: every message fits the allocation

    # Per allocation on the gemeente's side: the state of its latest delivery period.
    stand = Counter()
    for toewijzing in Toewijzing.objects.all():
        laatste = toewijzing.laatste_levering
        stand[(toewijzing.wet, laatste.status if laatste else "wacht")] += 1
    assert stand == {
        ("wmo", LeveringStatus.GESTART): 3,  # one the Almere regime's
        ("wmo", LeveringStatus.GEPAUZEERD): 1,
        ("wmo", LeveringStatus.GESTOPT): 2,  # one the Midden-Limburg West regime's
        ("wmo", "wacht"): 3,  # one at the new aanbieder after the switch
        ("jeugdwet", LeveringStatus.GESTART): 1,
        ("jeugdwet", LeveringStatus.GESTOPT): 1,
        ("jeugdwet", "wacht"): 1,  # allocated on the huisarts's referral (demo/verzoeken.py)
    }
    assert Toewijzing.objects.zonder_start().count() == 4
    # Both sides hold the same periods: 10 on the gemeente's, 10 on the aanbieders' side.
    gemeentezijde = Counter(
        Levering.objects.filter(toewijzing__isnull=False).values_list("status", flat=True)
    )
    aanbiederzijde = Counter(
        Levering.objects.filter(aanbieder_toewijzing__isnull=False).values_list("status", flat=True)
    )
    assert gemeentezijde == aanbiederzijde == {"gestart": 4, "gepauzeerd": 3, "gestopt": 3}


def test_demo_heeft_verzoeken_met_alle_berichten_voor_beide_wetten(db):
    call_command("demo")

    namen = Counter(b.naam for b in Bericht.objects.filter(nummer__gte=315, nummer__lte=320))
    for prefix in ("WMO", "JW"):
        for nummer in range(315, 321):
            assert namen[f"{prefix}{nummer}"] >= 1, f"{prefix}{nummer} ontbreekt"
    for bericht in Bericht.objects.filter(nummer__gte=315, nummer__lte=320):
        assert validate(bericht.bytes) == [], bericht.naam
        assert bericht.retourcodes == [] and bericht.status in ("retour_verzonden", "verwerkt")
    statussen = Counter(
        Verzoek.objects.filter(kant="gemeente").values_list("wet", "soort", "status")
    )
    assert statussen == {
        ("jeugdwet", 315, "toegewezen"): 1,
        ("jeugdwet", 315, "in_onderzoek"): 1,
        ("jeugdwet", 315, "open"): 1,
        ("jeugdwet", 317, "afgewezen"): 1,
        ("wmo", 315, "toegewezen"): 1,
        ("wmo", 317, "afgewezen"): 1,
    }


def test_demo_heeft_een_aanbiederswissel_en_geplande_evaluaties(db):
    call_command("demo")

    [mutatie] = Mutatie.objects.all()
    assert mutatie.soort == "aanbiederswissel"
    assert [b.naam for b in mutatie.berichten.order_by("pk")] == ["WMO301", "WMO301"]
    [oud] = mutatie.beeindigd.all()
    assert (oud.reden_wijziging, oud.einddatum) == ("09", mutatie.datum - timedelta(days=1))
    # Every toekenning has its evaluations planned, the final one included.
    for beschikking in Beschikking.objects.toekenningen():
        soorten = set(
            Evaluatie.objects.filter(beschikking=beschikking).values_list("soort", flat=True)
        )
        assert "eind" in soorten, beschikking


def test_demo_heeft_huishoudelijke_ondersteuning_in_contracten_en_dossier(db, client):
    """Both variants of productcategorie 01 under contract; one client waits, one started."""
    call_command("demo")

    regels = Contractregel.objects.filter(product__productcategorie="01").values_list(
        "contract__kenmerk", "product__productcode", "uitvoeringsvariant", "eenheid", "frequentie"
    )
    assert sorted(regels) == [
        ("ALM-2026-001", "01A01", "inspanningsgericht", "04", "2"),
        ("ALM-2026-001", "01A02", "outputgericht", "82", "4"),  # the Almere regime
        ("MLW-2026-001", "01A02", "outputgericht", "82", "4"),
    ]
    toewijzingen = Toewijzing.objects.filter(product__productcategorie="01").select_related(
        "gemeente", "aanbieder", "product", "bericht"
    )
    assert sorted(
        (
            t.gemeente.gemeentecode,
            t.aanbieder.agb_code,
            t.product.productcode,
            (t.volume, t.eenheid, t.frequentie),
            t.laatste_levering.status if t.laatste_levering else "wacht",
        )
        for t in toewijzingen
    ) == [
        ("0034", "73730202", "01A01", (3, "04", "2"), LeveringStatus.GESTART),
        ("0034", "73730202", "01A02", (2, "82", "4"), LeveringStatus.GESTART),  # Almere regime
        ("0946", "73730101", "01A02", (1, "82", "4"), "wacht"),
        ("0946", "73730101", "01A02", (2, "82", "4"), LeveringStatus.GESTOPT),  # MLW regime
    ]
    assert all(validate(t.bericht.bytes) == [] for t in toewijzingen)

    almere = toewijzingen.get(gemeente__gemeentecode="0034", product__productcode="01A01")
    client.force_login(Gebruiker.objects.get(username="almere.consulent"))
    html = client.get(f"/clienten/{almere.client_id}/").content.decode()
    assert "Huishoudelijke ondersteuning (inspanningsgericht)" in html


def test_demo_vult_een_eerder_geladen_database_aan(db):
    """A database loaded before huishoudelijke ondersteuning joined gets its contract lines
    on the next run, and nothing else changes."""
    call_command("demo")
    Contractregel.objects.filter(product__productcategorie="01").delete()
    eerste = tellingen()
    laatste_audit = AuditRegel.objects.latest("pk").pk

    call_command("demo")

    assert Contractregel.objects.filter(product__productcategorie="01").count() == 3
    nieuw = AuditRegel.objects.filter(pk__gt=laatste_audit).values_list("actie", flat=True)
    assert list(nieuw) == ["contractregel.toegevoegd"] * 3
    eerste[MODELLEN.index(AuditRegel)] += 3
    assert tellingen() == eerste


def test_demo_declareert_en_beantwoordt_volgens_iv087(db):
    """Three declarations (323): one over the allocated volume (its prestatie rejected with
    9321), one fully granted (8001), one waiting for the gemeente; every 323 and 325 valid."""
    from wmoketen.declaraties.constants import BeoordelingStatus, DeclaratieStatus, Oordeel
    from wmoketen.declaraties.models import Declaratie, OntvangenDeclaratie

    call_command("demo")
    per_gemeente = {  # the regional regimes' declarations (01A02) are demo/regimes.py's
        d.gemeente.gemeentecode: d
        for d in Declaratie.objects.select_related("gemeente").exclude(
            prestaties__toewijzing__product__productcode="01A02"
        )
    }
    assert sorted(per_gemeente) == ["0034", "0946", "0988"]
    weert, almere, nederweert = per_gemeente["0988"], per_gemeente["0034"], per_gemeente["0946"]
    assert weert.status == almere.status == DeclaratieStatus.BEANTWOORD
    assert weert.prestaties.order_by("pk").first().retourcodes == ["9321"]
    assert (almere.antwoord_retourcodes, almere.wet) == (["8001"], "jeugdwet")
    assert not almere.prestaties.exclude(oordeel=Oordeel.GOEDGEKEURD).exists()
    assert nederweert.status == DeclaratieStatus.INGEDIEND
    wacht = OntvangenDeclaratie.objects.get(bericht=nederweert.bericht)
    assert wacht.status == BeoordelingStatus.TE_BEOORDELEN and wacht.termijn is not None
    berichten = Bericht.objects.met_inhoud().filter(nummer__in=[323, 325])
    assert sorted(b.naam for b in berichten) == ["JW323", "JW325"] + ["WMO323"] * 4 + ["WMO325"] * 3
    assert all(validate(b.bytes) == [] for b in berichten)
