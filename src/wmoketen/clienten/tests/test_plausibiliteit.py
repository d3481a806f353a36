"""Issue #17: a birth date no client can have is refused, by the form and by every service;
voorletters typed with dots are stored as the 301 carries them. Today is 4 December 2026."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.forms.models import model_to_dict

from wmoketen.audit.models import AuditRegel
from wmoketen.clienten import services
from wmoketen.clienten.models import Client, Relatie
from wmoketen.factories import ClientFactory

pytestmark = pytest.mark.usefixtures("vandaag_vast")

GEGEVENS = dict(bsn="111222333", geslachtsnaam="Vries", voornamen="Anna", geslacht="2")
TOEKOMST = "De geboortedatum ligt in de toekomst."
TE_OUD = "Een geboortedatum van meer dan 120 jaar geleden kan niet: controleer het jaar."
FORMULIER = {
    "bsn": "111222333",
    "geslachtsnaam": "Jansen",
    "voorletters": "P",
    "geslacht": "1",
    "naamgebruik": "1",
    "geboortedatum": "1970-01-02",
}


@pytest.mark.parametrize(
    ("geboortedatum", "fout"),
    [(date(2030, 1, 1), TOEKOMST), (date(2026, 12, 5), TOEKOMST), (date(1850, 6, 1), TE_OUD)],
)
def test_registreren_weigert_een_onmogelijke_geboortedatum(consulent, geboortedatum, fout):
    with pytest.raises(ValidationError) as weigering:
        services.registreer_client(acting_user=consulent, geboortedatum=geboortedatum, **GEGEVENS)

    assert weigering.value.message_dict == {"geboortedatum": [fout]}
    assert not Client.objects.exists()
    assert not AuditRegel.objects.exists()


def test_de_grens_is_120_jaar(consulent):
    with pytest.raises(ValidationError):  # 121 on 4 December 2026
        services.registreer_client(
            acting_user=consulent, geboortedatum=date(1905, 12, 4), **GEGEVENS
        )

    client = services.registreer_client(
        acting_user=consulent, geboortedatum=date(1905, 12, 5), **GEGEVENS
    )
    assert client.geboortedatum == date(1905, 12, 5)


def test_vandaag_geboren_en_onbekende_datum_kunnen(consulent):
    baby = services.registreer_client(
        acting_user=consulent, geboortedatum=date(2026, 12, 4), **GEGEVENS
    )
    onbekend = ClientFactory(organisatie=consulent.organisatie, zonder_geboortedatum=True)

    services.wijzig_client(onbekend, acting_user=consulent, geslachtsnaam="Bos")

    assert baby.geboortedatum == date(2026, 12, 4)
    assert Client.objects.get(pk=onbekend.pk).geslachtsnaam == "Bos"


def test_wijzigen_naar_2030_wordt_geweigerd_en_niets_verandert(consulent):
    client = ClientFactory(organisatie=consulent.organisatie)
    oud = model_to_dict(client)

    with pytest.raises(ValidationError) as weigering:
        services.wijzig_client(client, acting_user=consulent, geboortedatum=date(2030, 1, 1))

    assert weigering.value.message_dict == {"geboortedatum": [TOEKOMST]}
    assert model_to_dict(Client.objects.get(pk=client.pk)) == oud
    assert not AuditRegel.objects.filter(actie="client.gewijzigd").exists()


def test_relatie_uit_1850_wordt_geweigerd(consulent):
    kind = ClientFactory(organisatie=consulent.organisatie)

    with pytest.raises(ValidationError) as weigering:
        services.voeg_relatie_toe(
            kind,
            acting_user=consulent,
            soort="10",
            geslachtsnaam="Jansen",
            geboortedatum=date(1850, 1, 1),
        )

    assert weigering.value.message_dict == {"geboortedatum": [TE_OUD]}
    assert not Relatie.objects.exists()


def test_formulier_weigert_1850_met_nederlandse_melding(ingelogd):
    antwoord = ingelogd.post("/clienten/nieuw/", FORMULIER | {"geboortedatum": "1850-06-01"})

    assert antwoord.status_code == 200
    assert TE_OUD in antwoord.content.decode()
    assert not Client.objects.exists()


# Voorletters: "S." is normalised, not refused -------------------------------------------------


@pytest.mark.parametrize(
    ("getypt", "opgeslagen"),
    [("S.", "S"), ("S.J.", "SJ"), ("s. j. k.", "sjk"), ("A.B.C.D.E.F.", "ABCDEF")],
)
def test_voorletters_met_punten_via_het_formulier(ingelogd, getypt, opgeslagen):
    antwoord = ingelogd.post("/clienten/nieuw/", FORMULIER | {"voorletters": getypt})

    client = Client.objects.get()
    assert antwoord.status_code == 302
    assert client.voorletters == opgeslagen


def test_voorletters_met_punten_via_de_service(consulent):
    client = services.registreer_client(acting_user=consulent, voorletters="S. J.", **GEGEVENS)

    assert Client.objects.get(pk=client.pk).voorletters == "SJ"
    assert client.volledige_naam == "Anna Vries"


def test_voorletters_met_cijfers_blijven_geweigerd(ingelogd):
    antwoord = ingelogd.post("/clienten/nieuw/", FORMULIER | {"voorletters": "S.1"})

    assert antwoord.status_code == 200
    assert "Voorletters: 1 tot 6 letters, zonder punten of spaties." in antwoord.content.decode()
    assert not Client.objects.exists()
