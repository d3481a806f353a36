"""Issue #17, plausibility: a melding years back is refused (form and service), a volume
beyond its eenheid and frequentie too; a date in the weekend or on a feestdag gives a warning
and is stored. Today is Friday 4 December 2026 (``vandaag_vast``)."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from wmoketen.stromen import beschikking as stromen
from wmoketen.termijnen.models import Termijn
from wmoketen.testhulp import geweigerd
from wmoketen.toegang import services
from wmoketen.toegang.models import Beschikking, Melding
from wmoketen.toegang.plausibiliteit import huisbezoekwaarschuwingen, meldingwaarschuwingen
from wmoketen.trajecten.models import Traject

from .hulp import als, html

pytestmark = pytest.mark.usefixtures("vandaag_vast")

ZONDAG = date(2026, 11, 29)


def registreer(inwoner, consulent, ontvangen_op, kanaal="telefonisch"):
    return services.registreer_melding(
        client=inwoner, wet="wmo", ontvangen_op=ontvangen_op, kanaal=kanaal, acting_user=consulent
    )


# What a refused melding leaves unchanged.
MELDINGRIJEN = (Melding, Traject, Termijn)


# Refused: a melding longer ago than MELDING_MAX_DAGEN_TERUG -------------------------------


def test_melding_uit_2019_wordt_geweigerd_en_er_ontstaat_geen_traject(consulent, inwoner):
    with geweigerd(
        ValidationError,
        "De melding is 2835 dagen geleden ontvangen; een melding registreert u binnen 90 "
        "dagen na ontvangst. Controleer de datum.",
        modellen=MELDINGRIJEN,
    ):
        registreer(inwoner, consulent, date(2019, 3, 1))


def test_de_grens_is_standaard_90_dagen(consulent, inwoner, regels):
    with pytest.raises(ValidationError):
        registreer(inwoner, consulent, date(2026, 9, 4))  # 91 days ago

    melding = registreer(inwoner, consulent, date(2026, 9, 5))  # 90 days ago
    assert melding.ontvangen_op == date(2026, 9, 5)


def test_de_grens_is_instelbaar(consulent, inwoner, settings):
    settings.MELDING_MAX_DAGEN_TERUG = 30
    with pytest.raises(ValidationError) as fout:
        registreer(inwoner, consulent, date(2026, 11, 3))

    assert fout.value.messages == [
        "De melding is 31 dagen geleden ontvangen; een melding registreert u binnen 30 dagen "
        "na ontvangst. Controleer de datum."
    ]
    assert not Melding.objects.exists()


def test_formulier_weigert_een_melding_uit_2019(client, consulent, inwoner):
    antwoord = als(client, consulent).post(
        "/toegang/nieuw/",
        {"client": inwoner.pk, "wet": "wmo", "ontvangen_op": "2019-03-01", "kanaal": "loket"},
    )

    assert antwoord.status_code == 200
    assert (
        "De melding is 2835 dagen geleden ontvangen; een melding registreert u binnen 90 dagen "
        "na ontvangst. Controleer de datum." in html(antwoord)
    )
    assert not Melding.objects.exists()


# Warned, not refused: a day off, a melding weeks ago ------------------------------------------


def test_telefonische_melding_op_zondag_geeft_een_waarschuwing(client, consulent, inwoner, regels):
    antwoord = als(client, consulent).post(
        "/toegang/nieuw/",
        {"client": inwoner.pk, "wet": "wmo", "ontvangen_op": ZONDAG, "kanaal": "telefonisch"},
        follow=True,
    )

    melding = Melding.objects.get()
    assert melding.ontvangen_op == ZONDAG
    assert antwoord.redirect_chain == [(f"/toegang/{melding.pk}/", 302)]
    assert (
        '<p class="melding melding--waarschuwing">Let op: de melding is ontvangen op een zondag '
        "(29-11-2026), terwijl ze telefonisch binnenkwam. Klopt de datum?</p>"
    ) in html(antwoord)


def test_digitale_melding_op_zondag_is_gewoon():
    assert meldingwaarschuwingen(ZONDAG, "digitaal") == []
    assert meldingwaarschuwingen(date(2026, 12, 3), "loket") == []  # a Thursday


def test_melding_van_weken_geleden_geeft_een_waarschuwing():
    assert meldingwaarschuwingen(date(2026, 11, 4), "digitaal") == [
        "Let op: de melding is 30 dagen geleden ontvangen. De termijnen lopen vanaf die datum "
        "en kunnen al (bijna) verlopen zijn."
    ]


def test_huisbezoek_op_zondag_wordt_gepland_met_een_waarschuwing(client, consulent, melding):
    zondag = date(2026, 12, 6)
    antwoord = als(client, consulent).post(
        f"/toegang/{melding.pk}/",
        {"stap": "huisbezoek", "huisbezoek-datum": zondag, "huisbezoek-op": "2026-12-04"},
        follow=True,
    )

    tekst = html(antwoord)
    assert "Het huisbezoek is gepland op 06-12-2026." in tekst
    assert (
        '<p class="melding melding--waarschuwing">Let op: het huisbezoek valt op een zondag '
        "(06-12-2026). Klopt de datum?</p>"
    ) in tekst
    melding.refresh_from_db()
    assert melding.huisbezoek_op == zondag


def test_huisbezoek_op_een_feestdag_of_werkdag():
    assert huisbezoekwaarschuwingen(date(2026, 12, 25)) == [
        "Let op: het huisbezoek valt op Eerste kerstdag (25-12-2026). Klopt de datum?"
    ]
    assert huisbezoekwaarschuwingen(date(2026, 12, 7)) == []


# Refused: a volume beyond its eenheid and frequentie (the contract: uur per week) ------------


def test_beschikking_met_169_uur_per_week_wordt_geweigerd(akkoord, backoffice, product):
    with pytest.raises(ValidationError) as fout:
        stromen.neem_beschikking(
            akkoord,
            producten=[services.BeschiktProductInvoer(product, 169)],
            ingangsdatum=date(2026, 12, 4),
            duur="1j",
            motivering="Nodig.",
            acting_user=backoffice,
        )

    assert fout.value.messages == [
        f"{product}: 169 uur per week kan niet; een week heeft ten hoogste 168 uur."
    ]
    assert not Beschikking.objects.exists()


def test_beschikkingsformulier_weigert_99999999_uur_per_week(client, backoffice, akkoord, product):
    antwoord = als(client, backoffice).post(
        f"/toegang/aanvragen/{akkoord.pk}/",
        {
            f"volume_{product.pk}": "99999999",
            "ingangsdatum": "2026-12-04",
            "duur": "1j",
            "motivering": "Nodig.",
        },
    )

    assert "99.999.999 uur per week kan niet; een week heeft ten hoogste 168 uur." in html(antwoord)
    assert not Beschikking.objects.exists()


def test_beschikking_met_168_uur_per_week_kan(akkoord, backoffice, product):
    beschikking = stromen.neem_beschikking(
        akkoord,
        producten=[services.BeschiktProductInvoer(product, 168)],
        ingangsdatum=date(2026, 12, 4),
        duur="1j",
        motivering="Nodig.",
        acting_user=backoffice,
    )

    assert [p.volume for p in beschikking.producten.all()] == [168]
