from datetime import date

import pytest
from django.core.exceptions import ValidationError

from wmoketen.organisaties.models import Regio
from wmoketen.termijnen import services
from wmoketen.termijnen.constants import Eenheid, Regelcode, Soort
from wmoketen.termijnen.models import (
    EENHEID_ONTBREEKT,
    TERMIJN_ONGELDIG,
    TERMIJN_ONTBREEKT,
    Sluitingsdag,
    Termijnregel,
)
from wmoketen.termijnen.queries import regel_voor

D = date.fromisoformat


def test_regels_bestaan_na_migrate(db):
    """The data migration seeds the national and standaard rules (no regio exists yet)."""
    assert sorted(
        Termijnregel.objects.values_list("soort", "code", "aantal", "eenheid", "richting")
    ) == [
        ("landelijk", "antwoord_315", 5, "werkdagen", "na"),
        ("landelijk", "antwoord_317", 5, "werkdagen", "na"),
        ("landelijk", "antwoord_323", 10, "werkdagen", "na"),
        ("landelijk", "definitief_antwoord_verzoek", 8, "weken", "na"),
        ("landelijk", "retour", 3, "werkdagen", "na"),
        ("landelijk", "start_zorg", 5, "werkdagen", "na"),
        ("landelijk", "stop_zorg", 5, "werkdagen", "na"),
        ("standaard", "beschikking", 2, "weken", "na"),
        ("standaard", "betaling", 30, "kalenderdagen", "na"),
        ("standaard", "evaluatie", 6, "maanden", "na"),
        ("standaard", "herindicatie_signaal", 8, "weken", "voor"),
        ("standaard", "huisbezoek", 5, "werkdagen", "na"),
        ("standaard", "melding_beschikking", 8, "weken", "na"),
        ("standaard", "onderzoek", 4, "weken", "na"),
        ("standaard", "plan_deel_2", 2, "weken", "na"),
        ("standaard", "start_ondersteuning", 10, "werkdagen", "na"),
    ]
    assert {c.value for c in Regelcode} == set(Termijnregel.objects.values_list("code", flat=True))


def test_regionale_regels_gekoppeld_en_idempotent(regio_gemeenten):
    regionaal = Termijnregel.objects.filter(soort=Soort.REGIONAAL)
    assert sorted((r.code, r.bereik, r.aantal, r.eenheid) for r in regionaal) == [
        ("beschikking", "gemeente Almere", 2, "weken"),
        ("beschikking", "regio Midden-Limburg West", 2, "weken"),
        ("betaling", "regio Midden-Limburg West", 30, "kalenderdagen"),
        ("evaluatie", "regio Midden-Limburg West", 6, "maanden"),
        ("herindicatie_signaal", "gemeente Almere", 8, "weken"),
        ("herindicatie_signaal", "regio Midden-Limburg West", 8, "weken"),
        ("huisbezoek", "regio Midden-Limburg West", 5, "werkdagen"),
        ("melding_beschikking", "gemeente Almere", 8, "weken"),
        ("melding_beschikking", "regio Midden-Limburg West", 8, "weken"),
        ("onderzoek", "gemeente Almere", 4, "weken"),
        ("plan_deel_2", "gemeente Almere", 2, "weken"),
        ("plan_deel_2", "regio Midden-Limburg West", 10, "werkdagen"),
        ("start_ondersteuning", "regio Midden-Limburg West", 10, "werkdagen"),
    ]
    assert services.laad_standaardregels(acting_user=None) == []
    assert Termijnregel.objects.count() == 29


# (code, gemeentecode, startdatum, uiterste datum, which rule applies)
# 0988 Weert, 1640 Leudal, 0946 Nederweert: regio Midden-Limburg West; 0034 Almere;
# 0797 Heusden: no regional rules, so the standaard.
REGELS = [
    # National (iWmo 3.2): the same for every gemeente.
    ("retour", "0988", "2026-04-30", "2026-05-06", "landelijk"),
    ("retour", "0034", "2026-12-24", "2026-12-30", "landelijk"),
    ("start_zorg", "0988", "2026-04-30", "2026-05-08", "landelijk"),
    ("start_zorg", "0034", "2026-05-13", "2026-05-22", "landelijk"),
    ("stop_zorg", "0946", "2026-12-22", "2026-12-30", "landelijk"),
    ("antwoord_315", "0797", "2026-05-11", "2026-05-20", "landelijk"),
    ("antwoord_317", "1640", "2026-04-01", "2026-04-10", "landelijk"),
    ("definitief_antwoord_verzoek", "0988", "2026-03-10", "2026-05-06", "landelijk"),
    ("definitief_antwoord_verzoek", "0034", "2026-02-03", "2026-03-31", "landelijk"),
    ("antwoord_323", "0988", "2026-12-17", "2027-01-04", "landelijk"),
    # Huisbezoek 5 werkdagen: MLW (002), elsewhere the standaard.
    ("huisbezoek", "0988", "2026-04-30", "2026-05-08", "regio Midden-Limburg West"),
    ("huisbezoek", "0034", "2026-04-30", "2026-05-08", "standaard"),
    # Steps 1–3 within 4 weeks: Almere (004), standaard (001).
    ("onderzoek", "0034", "2026-04-07", "2026-05-06", "gemeente Almere"),
    ("onderzoek", "0988", "2026-06-01", "2026-06-29", "standaard"),
    # Ondersteuningsplan deel 2: MLW 10 werkdagen, Almere 2 weeks, standaard 2 weeks.
    ("plan_deel_2", "0946", "2026-04-30", "2026-05-19", "regio Midden-Limburg West"),
    ("plan_deel_2", "0034", "2026-04-30", "2026-05-18", "gemeente Almere"),
    ("plan_deel_2", "0797", "2026-06-01", "2026-06-15", "standaard"),
    # Beschikking within 2 weeks of the aanvraag.
    ("beschikking", "1640", "2026-04-21", "2026-05-06", "regio Midden-Limburg West"),
    ("beschikking", "0034", "2026-12-11", "2026-12-28", "gemeente Almere"),
    ("beschikking", "0797", "2026-01-05", "2026-01-19", "standaard"),
    # Melding → beschikking within 8 weeks.
    ("melding_beschikking", "0988", "2026-03-02", "2026-04-28", "regio Midden-Limburg West"),
    ("melding_beschikking", "0034", "2026-03-19", "2026-05-18", "gemeente Almere"),
    ("melding_beschikking", "0797", "2026-02-27", "2026-04-24", "standaard"),
    # Start of care within 10 werkdagen after the 301.
    ("start_ondersteuning", "0988", "2026-12-17", "2027-01-04", "regio Midden-Limburg West"),
    ("start_ondersteuning", "0034", "2026-12-17", "2027-01-04", "standaard"),
    # Evaluation every 6 months.
    ("evaluatie", "0988", "2026-03-31", "2026-09-30", "regio Midden-Limburg West"),
    ("evaluatie", "1640", "2026-06-26", "2026-12-28", "regio Midden-Limburg West"),
    ("evaluatie", "0034", "2025-08-31", "2026-03-02", "standaard"),
    # Herindicatie signal 8 weeks BEFORE the einddatum (start = einddatum).
    ("herindicatie_signaal", "0988", "2026-12-31", "2026-11-05", "regio Midden-Limburg West"),
    ("herindicatie_signaal", "0034", "2026-07-10", "2026-05-13", "gemeente Almere"),
    ("herindicatie_signaal", "0797", "2027-01-01", "2026-11-06", "standaard"),
    # Payment of an approved declaration within 30 kalenderdagen of receiving the 323.
    ("betaling", "0988", "2026-03-02", "2026-04-01", "regio Midden-Limburg West"),
    ("betaling", "0797", "2026-12-02", "2027-01-04", "standaard"),
]


@pytest.mark.parametrize("code, gemeentecode, start, uiterlijk, bereik", REGELS)
def test_elke_regel(regio_gemeenten, code, gemeentecode, start, uiterlijk, bereik):
    gemeente = regio_gemeenten[gemeentecode]
    regel = regel_voor(code, gemeente)
    assert regel.bereik == bereik
    assert regel.vervaldatum(D(start), gemeente) == D(uiterlijk)


def test_elke_regelcode_is_getest():
    assert {r[0] for r in REGELS} == {c.value for c in Regelcode}


def test_landelijke_regel_telt_geen_sluitingsdagen(regio_gemeenten):
    weert = regio_gemeenten["0988"]
    Sluitingsdag.objects.create(gemeente=weert, datum=D("2026-12-28"))
    assert regel_voor("retour", weert).vervaldatum(D("2026-12-24"), weert) == D("2026-12-30")
    assert regel_voor("huisbezoek", weert).vervaldatum(D("2026-12-24"), weert) == D("2027-01-05")


def test_gemeente_gaat_voor_regio(regio_gemeenten, consulent):
    weert = regio_gemeenten["0988"]
    services.stel_regel_in(
        code="plan_deel_2",
        naam="Plan deel 2 Weert",
        aantal=3,
        eenheid=Eenheid.WERKDAGEN,
        startgebeurtenis="opdracht aan de aanbieder",
        gemeente=weert,
        acting_user=consulent,
    )
    assert regel_voor("plan_deel_2", weert).bereik == "gemeente Weert"
    assert regel_voor("plan_deel_2", regio_gemeenten["1640"]).bereik == (
        "regio Midden-Limburg West"
    )
    assert regel_voor("plan_deel_2", None).bereik == "standaard"


def test_onbekende_regel(db, gemeente):
    with pytest.raises(ValidationError) as fout:
        regel_voor("bestaat_niet", gemeente)
    assert fout.value.messages == ["Er is geen termijnregel met code 'bestaat_niet'."]


def _nieuwe_regel(gemeente, acting_user, **velden):
    return services.stel_regel_in(
        **{
            "code": "eigen_regel",
            "naam": "Eigen regel",
            "aantal": 5,
            "eenheid": Eenheid.WERKDAGEN,
            "startgebeurtenis": "ontvangst",
            "gemeente": gemeente,
            "acting_user": acting_user,
            **velden,
        }
    )


@pytest.mark.parametrize(
    "velden, melding",
    [
        ({"aantal": -3}, TERMIJN_ONGELDIG),
        ({"aantal": 0}, TERMIJN_ONGELDIG),
        ({"aantal": None}, TERMIJN_ONTBREEKT),
        ({"eenheid": ""}, EENHEID_ONTBREEKT),
    ],
)
def test_regel_met_ongeldige_termijn_geweigerd(gemeente, consulent, velden, melding):
    aantal = Termijnregel.objects.count()
    with pytest.raises(ValidationError) as fout:
        _nieuwe_regel(gemeente, consulent, **velden)
    assert melding in fout.value.messages
    assert Termijnregel.objects.count() == aantal


def test_wijziging_naar_negatieve_termijn_geweigerd(gemeente, consulent):
    regel = _nieuwe_regel(gemeente, consulent)
    with pytest.raises(ValidationError) as fout:
        services.wijzig_regel(regel, aantal=-1, acting_user=consulent)
    assert fout.value.messages == [TERMIJN_ONGELDIG]
    regel.refresh_from_db()
    assert regel.aantal == 5


def test_landelijke_termijn_niet_regionaal_aan_te_passen(gemeente, consulent):
    with pytest.raises(ValidationError) as fout:
        _nieuwe_regel(gemeente, consulent, code="retour", aantal=10)
    assert fout.value.messages == [
        "Dit is een landelijke termijn uit de iStandaard; die geldt overal en kan niet per "
        "gemeente of regio worden aangepast."
    ]
    with pytest.raises(ValidationError) as fout:
        services.wijzig_regel(regel_voor("retour"), aantal=10, acting_user=consulent)
    assert "Landelijke en standaardtermijnen wijzigen alleen" in fout.value.messages[0]
    assert regel_voor("retour").aantal == 3


def test_regel_van_andere_gemeente_geweigerd(gemeente, andere_gemeente, consulent):
    with pytest.raises(ValidationError) as fout:
        _nieuwe_regel(andere_gemeente, consulent)
    assert fout.value.messages == [
        "U mag alleen termijnregels van uw eigen gemeente of regio instellen."
    ]
    regio = Regio.objects.create(naam="Elders")
    regio.gemeenten.set([andere_gemeente])
    with pytest.raises(ValidationError):
        _nieuwe_regel(None, consulent, regio=regio)
    assert not Termijnregel.objects.filter(code="eigen_regel").exists()


def test_regel_voor_regio(gemeente, consulent):
    regio = Regio.objects.create(naam="Testregio")
    regio.gemeenten.set([gemeente])
    regel = _nieuwe_regel(None, consulent, regio=regio, eenheid=Eenheid.KALENDERDAGEN, aantal=30)
    assert regel_voor("eigen_regel", gemeente) == regel
    # 30 calendar days from 2026-11-26 is Saturday 26 December: the next werkdag (Atw art. 1).
    assert regel.vervaldatum(D("2026-11-26"), gemeente) == D("2026-12-28")
    assert str(regel) == "Eigen regel: 30 kalenderdagen na ontvangst (regio Testregio)"
