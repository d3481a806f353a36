"""Issue #17 on the aanbieder's requests: a new client's birth date in the future and a volume
beyond its eenheid and frequentie (the contract: uur per week) are refused, by the forms and
by the services, and nothing is stored."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from wmoketen.berichten.models import Bericht
from wmoketen.clienten.models import Client
from wmoketen.verzoeken.aanvragen import WijzigingInvoer, vraag_wijziging_aan
from wmoketen.verzoeken.models import Verzoek

from .hulp import (
    BSN_KIND,
    EINDE,
    VANDAAG,
    aangevraagd,
    html,
    jw_315,
    nieuw_formulier,
    productregel,
    wijzigingsregel,
)

TE_VEEL = "169 uur per week kan niet; een week heeft ten hoogste 168 uur."


def _niets_bewaard():
    assert not Verzoek.objects.exists()
    assert not Bericht.objects.filter(nummer__in=(315, 317)).exists()


def test_315_met_een_nieuwe_client_geboren_in_de_toekomst(
    client, medewerker, almere, contracten, producten
):
    client.force_login(medewerker)
    data = nieuw_formulier(
        almere,
        bsn=BSN_KIND,
        geslachtsnaam="Bakker",
        geboortedatum=(VANDAAG + timedelta(days=1)).isoformat(),
        geslacht="2",
        regels=[productregel(0, producten.jw_ambulant)],
    )

    antwoord = client.post(reverse("verzoeken:nieuw"), data)

    assert antwoord.status_code == 200
    assert "De geboortedatum ligt in de toekomst." in html(antwoord)
    assert not Client.objects.filter(bsn=BSN_KIND).exists()
    _niets_bewaard()


def test_315_formulier_weigert_169_uur_per_week(
    client, medewerker, almere, contracten, producten, kind
):
    client.force_login(medewerker)
    data = nieuw_formulier(
        almere, client_pk=kind.pk, regels=[productregel(0, producten.jw_ambulant, volume="169")]
    )

    antwoord = client.post(reverse("verzoeken:nieuw"), data)

    assert antwoord.status_code == 200
    assert TE_VEEL in html(antwoord)
    _niets_bewaard()


def test_315_service_weigert_169_uur_per_week(
    aanbieder, almere, contracten, producten, kind, medewerker
):
    product = producten.jw_ambulant
    with pytest.raises(ValidationError) as fout:
        jw_315(aanbieder, almere, kind, medewerker, [aangevraagd(product, volume=169)])

    assert fout.value.messages == [f"Product 45A10 {product.naam}: {TE_VEEL}"]
    _niets_bewaard()


def test_317_service_weigert_een_wijziging_naar_169_uur_per_week(
    aanbieder, almere, producten, kind, medewerker, lopend
):
    ambulant, gezin = lopend
    with pytest.raises(ValidationError) as fout:
        vraag_wijziging_aan(
            aanbieder=aanbieder,
            gemeente=almere,
            client=kind,
            wet="jeugdwet",
            reden_verzoek="2",
            ongewijzigd=[gezin],
            te_wijzigen=[WijzigingInvoer(ambulant, ambulant.ingangsdatum, EINDE, 169, "", "")],
            nieuw=[],
            acting_user=medewerker,
        )

    assert fout.value.messages == [f"Toewijzing {ambulant.toewijzingnummer}: {TE_VEEL}"]
    _niets_bewaard()


def test_317_formulier_weigert_169_uur_per_week(client, medewerker, lopend):
    ambulant, gezin = lopend
    client.force_login(medewerker)
    data = {"reden_verzoek": "2"} | wijzigingsregel(ambulant, "wijzigen", volume="169")
    data |= wijzigingsregel(gezin)

    antwoord = client.post(reverse("verzoeken:wijziging", args=[ambulant.pk]), data)

    assert antwoord.status_code == 200
    assert TE_VEEL in html(antwoord)
    _niets_bewaard()
