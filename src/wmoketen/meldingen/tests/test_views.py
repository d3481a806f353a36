"""The notification pages: the list, opening one, all read, and the bell."""

from datetime import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from wmoketen.meldingen.models import Notificatie
from wmoketen.meldingen.services import meld


def test_lijst_toont_alleen_eigen_notificaties_nieuwste_eerst(ingelogd, consulent, collega):
    oud, nieuw = (meld([consulent], titel=t)[0] for t in ("Oude taak", "Nieuwe taak"))
    Notificatie.objects.filter(pk=oud.pk).update(
        aangemaakt=timezone.make_aware(datetime(2026, 1, 5, 9, 0))
    )
    meld([collega], titel="Taak van de collega")

    antwoord = ingelogd.get("/meldingen/")

    assert antwoord.status_code == 200
    assert list(antwoord.context["notificaties"]) == [nieuw, oud]
    html = antwoord.content.decode()
    assert "Taak van de collega" not in html
    assert "05-01-2026 09:00 · ongelezen" in html


def test_lijst_toont_hoogstens_honderd(ingelogd, consulent):
    Notificatie.objects.bulk_create(
        Notificatie(ontvanger=consulent, titel=f"Taak {n}") for n in range(105)
    )

    assert len(ingelogd.get("/meldingen/").context["notificaties"]) == 100


def test_openen_markeert_gelezen_en_gaat_naar_de_link(ingelogd, consulent):
    [notificatie] = meld([consulent], titel="Taak toegewezen", url="/trajecten/taken/3/")

    antwoord = ingelogd.post(f"/meldingen/{notificatie.pk}/open/")

    assert antwoord.status_code == 302
    assert antwoord["Location"] == "/trajecten/taken/3/"
    notificatie.refresh_from_db()
    assert notificatie.gelezen_op is not None


def test_openen_zonder_link_gaat_naar_de_lijst(ingelogd, consulent):
    [notificatie] = meld([consulent], titel="Zonder link")

    antwoord = ingelogd.post(f"/meldingen/{notificatie.pk}/open/")

    assert antwoord["Location"] == "/meldingen/"


def test_openen_van_een_andere_gebruiker_is_niet_gevonden(ingelogd, collega):
    [van_collega] = meld([collega], titel="Voor de collega", url="/ergens/")

    antwoord = ingelogd.post(f"/meldingen/{van_collega.pk}/open/")

    assert antwoord.status_code == 404
    van_collega.refresh_from_db()
    assert van_collega.gelezen_op is None


def test_openen_en_alles_gelezen_alleen_met_post(ingelogd, consulent):
    [notificatie] = meld([consulent], titel="Taak")

    assert ingelogd.get(f"/meldingen/{notificatie.pk}/open/").status_code == 405
    assert ingelogd.get("/meldingen/gelezen/").status_code == 405
    notificatie.refresh_from_db()
    assert notificatie.gelezen_op is None


def test_alles_gelezen_laat_die_van_anderen_staan(ingelogd, consulent, collega):
    meld([consulent, collega], titel="Voor allebei")
    meld([consulent], titel="Nog een")

    antwoord = ingelogd.post("/meldingen/gelezen/")

    assert antwoord["Location"] == "/meldingen/"
    assert not Notificatie.objects.filter(ontvanger=consulent).ongelezen().exists()
    assert Notificatie.objects.filter(ontvanger=collega).ongelezen().count() == 1


def test_de_bel_telt_de_eigen_ongelezen(ingelogd, consulent, collega):
    meld([consulent], titel="Een")
    meld([consulent], titel="Twee")
    meld([collega], titel="Van de collega")
    markeer = Notificatie.objects.filter(ontvanger=consulent).first()
    ingelogd.post(f"/meldingen/{markeer.pk}/open/")

    bel = ingelogd.get("/meldingen/bel/").content.decode()

    assert 'aria-label="Notificaties: 1 ongelezen"' in bel
    assert '<span class="bel__aantal">1</span>' in bel


def test_de_bel_zonder_ongelezen_toont_geen_aantal(ingelogd, consulent):
    bel = ingelogd.get("/meldingen/bel/").content.decode()

    assert 'aria-label="Notificaties: 0 ongelezen"' in bel
    assert "bel__aantal" not in bel


def test_de_bel_staat_op_elke_pagina(ingelogd, consulent):
    meld([consulent], titel="Een")

    assert 'aria-label="Notificaties: 1 ongelezen"' in ingelogd.get("/").content.decode()


@pytest.mark.parametrize(
    "methode, pad",
    [("get", "/meldingen/"), ("get", "/meldingen/bel/"), ("post", "/meldingen/gelezen/")],
)
def test_zonder_inloggen_naar_de_inlogpagina(client, consulent, methode, pad):
    meld([consulent], titel="Een")

    antwoord = getattr(client, methode)(pad)

    assert antwoord.status_code == 302
    assert antwoord["Location"] == f"{reverse('accounts:login')}?next={pad}"
    assert Notificatie.objects.get().gelezen_op is None


def test_de_teller_alleen_voor_een_ingelogde_gebruiker(rf, consulent):
    from django.contrib.auth.models import AnonymousUser

    from wmoketen.meldingen.context_processors import notificaties

    meld([consulent], titel="Een")
    verzoek = rf.get("/")
    assert notificaties(verzoek) == {}
    verzoek.user = AnonymousUser()
    assert notificaties(verzoek) == {}
    verzoek.user = consulent
    assert notificaties(verzoek) == {"ongelezen_notificaties": 1}
