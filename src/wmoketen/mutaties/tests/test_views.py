"""The mutation pages: the gemeente's *Mutatie doorgeven* from the traject page and the
aanbieder's *Cliënt wil stoppen* / *Wij willen stoppen*; each first shows which messages will go
out (nothing stored), then runs the service on confirmation. Service refusals show in the form
in Dutch; other organisations get a 404, other roles a 403."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse

from wmoketen.accounts.constants import Rol
from wmoketen.berichten.models import Bericht
from wmoketen.factories import GebruikerFactory, GemeenteFactory
from wmoketen.toewijzingen.models import Toewijzing

from ..constants import Soort
from ..models import Mutatie
from .hulp import EINDE, VANDAAG

# Both wetten run through the services' own scenario tests; the pages once, for the Jeugdwet.
pytestmark = pytest.mark.parametrize("p", ["jeugdwet"], indirect=True)

MORGEN = VANDAAG + timedelta(days=1)


def _tekst(antwoord) -> str:
    html = antwoord.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _nieuw(p, soort: str = "") -> str:
    url = reverse("mutaties:nieuw", args=[p.traject.pk])
    return f"{url}?soort={soort}" if soort else url


def _wissel(p, toewijzing, aanbieder, **extra) -> dict:
    return {
        "soort": Soort.AANBIEDERSWISSEL,
        "datum": MORGEN.isoformat(),
        "toewijzing": toewijzing.pk,
        "nieuwe_aanbieder": aanbieder.pk,
        "toelichting": "Cliënt wil dichter bij huis",
        **extra,
    }


def test_aanbiederswissel_eerst_bevestigen_dan_versturen(client, p, lopend):
    toewijzing, _ = lopend(p)
    client.force_login(p.backoffice)
    traject = client.get(reverse("trajecten:detail", args=[p.traject.pk]))
    assert "Mutatie doorgeven" in _tekst(traject)
    kies = _tekst(client.get(_nieuw(p)))
    assert "Wissel van aanbieder" in kies and "Aanbieder wil stoppen" not in kies

    formulier = client.get(_nieuw(p, Soort.AANBIEDERSWISSEL))
    keuzes = formulier.context["form"].fields
    assert list(keuzes["toewijzing"].queryset) == [toewijzing]
    # Only contracted aanbieders, and not the one that delivers it now.
    assert list(keuzes["nieuwe_aanbieder"].queryset) == [p.ander]

    berichten_voor = Bericht.objects.count()
    bevestiging = client.post(_nieuw(p), _wissel(p, toewijzing, p.ander))
    tekst = _tekst(bevestiging)
    nr = toewijzing.toewijzingnummer
    assert (
        f"Toewijzing {nr} ({p.product.naam}) eindigt op {VANDAAG:%d-%m-%Y} "
        f"(reden 09 overstap naar andere aanbieder): een JW301 naar {p.aanbieder}" in tekst
    )
    assert re.search(rf"Nieuwe toewijzing \d+ \({p.product.naam}\) vanaf {MORGEN:%d-%m-%Y}", tekst)
    assert f"een JW301 naar {p.ander}" in tekst
    assert f"{p.ander} neemt voortaan deel aan traject" in tekst
    # The trial left nothing behind.
    assert Mutatie.objects.count() == 0
    assert Bericht.objects.count() == berichten_voor
    toewijzing.refresh_from_db()
    assert toewijzing.einddatum == EINDE and toewijzing.reden_wijziging == ""

    # "Terug" shows the filled-in form again; confirming runs the service.
    terug = client.post(_nieuw(p), {**_wissel(p, toewijzing, p.ander), "terug": "1"})
    assert terug.context["bevestiging"] is None and "Controleren" in _tekst(terug)
    klaar = client.post(_nieuw(p), {**_wissel(p, toewijzing, p.ander), "bevestigd": "1"})
    assert klaar.status_code == 302
    assert klaar.url == reverse("trajecten:detail", args=[p.traject.pk]) + "#mutaties"
    mutatie = Mutatie.objects.get()
    assert (mutatie.soort, mutatie.aanbieder, mutatie.nieuwe_aanbieder) == (
        Soort.AANBIEDERSWISSEL,
        p.aanbieder,
        p.ander,
    )
    assert sorted(b.ontvanger.naam for b in mutatie.berichten.all()) == sorted(
        [p.aanbieder.naam, p.ander.naam]
    )
    pagina = client.get(reverse("trajecten:detail", args=[p.traject.pk]), follow=True)
    html = pagina.content.decode()
    for bericht in mutatie.berichten.all():
        assert reverse("berichten:detail", args=[bericht.pk]) in html
    assert "Wissel van aanbieder is vastgelegd" in _tekst(pagina)


def test_oude_aanbieder_ziet_alleen_eigen_berichten_van_de_wissel(client, p, lopend):
    toewijzing, _ = lopend(p)
    client.force_login(p.backoffice)
    client.post(_nieuw(p), {**_wissel(p, toewijzing, p.ander), "bevestigd": "1"})
    mutatie = Mutatie.objects.get()
    naar_oud = mutatie.berichten.get(ontvanger=p.aanbieder)
    naar_nieuw = mutatie.berichten.get(ontvanger=p.ander)
    client.force_login(p.medewerker)
    pagina = client.get(reverse("trajecten:detail", args=[p.traject.pk]))
    html = pagina.content.decode()
    assert "Wissel van aanbieder" in html
    assert reverse("berichten:detail", args=[naar_oud.pk]) in html
    assert reverse("berichten:detail", args=[naar_nieuw.pk]) not in html
    assert "Mutatie doorgeven" not in html


def test_fouten_van_de_dienst_staan_in_het_formulier(client, p, lopend):
    toewijzing, _ = lopend(p)
    client.force_login(p.backoffice)
    # A choice the form does not offer: no contract for the product.
    geweigerd = client.post(_nieuw(p), _wissel(p, toewijzing, p.zonder_contract))
    assert geweigerd.status_code == 200
    assert "Deze aanbieder heeft geen contract voor het product" in _tekst(geweigerd)
    # A rule of the service: the allocation has ended before the mutation starts.
    na_einde = (EINDE + timedelta(days=10)).isoformat()
    for stap in ({}, {"bevestigd": "1"}):
        antwoord = client.post(
            _nieuw(p), {**_wissel(p, toewijzing, p.ander, datum=na_einde), **stap}
        )
        assert antwoord.status_code == 200
        assert f"eindigt al op {EINDE:%d-%m-%Y}" in _tekst(antwoord)
        assert antwoord.context["bevestiging"] is None
    # Required fields, in Dutch.
    leeg = client.post(_nieuw(p), {"soort": Soort.NAAR_PGB})
    assert leeg.context["form"].errors["pgb_budget"] == ["Dit veld is vereist."]
    assert Mutatie.objects.count() == 0


def test_verhuizing_noemt_elke_toewijzing_en_elk_bericht(client, p, lopend):
    eerste, _ = lopend(p)
    tweede, _ = lopend(p, p.ander_product, aanbieder=p.ander, medewerker=p.ander_medewerker)
    client.force_login(p.backoffice)
    formulier = _tekst(client.get(_nieuw(p, Soort.VERHUIZING)))
    assert "Eerste dag in de nieuwe gemeente" in formulier
    for t in (eerste, tweede):
        assert f"{t.toewijzingnummer} {t.product.naam} bij {t.aanbieder}" in formulier
    data = {"soort": Soort.VERHUIZING, "datum": MORGEN.isoformat(), "toelichting": ""}
    tekst = _tekst(client.post(_nieuw(p), data))
    for t in (eerste, tweede):
        assert (
            f"Toewijzing {t.toewijzingnummer} ({t.product.naam}) eindigt op {VANDAAG:%d-%m-%Y} "
            f"(reden 07 verhuizing naar een andere gemeente): een JW301 naar {t.aanbieder}"
        ) in tekst
    client.post(_nieuw(p), {**data, "bevestigd": "1"})
    assert set(Toewijzing.objects.values_list("reden_wijziging", flat=True)) == {"07"}


def test_rollen_en_andere_organisaties(client, p, lopend):
    lopend(p)
    client.force_login(p.consulent)
    kies = client.get(_nieuw(p))
    assert [k[0] for k in kies.context["keuzes"]] == [Soort.PROFIEL]
    # A consulent asking for another kind gets the choice, not the form.
    assert "form" not in client.get(_nieuw(p, Soort.AANBIEDERSWISSEL)).context
    profiel = client.get(_nieuw(p, Soort.PROFIEL))
    assert list(profiel.context["form"].fields) == ["datum", "beschikking", "toelichting"]
    client.force_login(p.medewerker)  # an aanbieder on the traject: not its page to enter
    assert client.get(_nieuw(p)).status_code == 403
    andere = GemeenteFactory(naam="Anderstad", gemeentecode="0363")
    client.force_login(GebruikerFactory(organisatie=andere, rol=Rol.BACKOFFICE))
    assert client.get(_nieuw(p, Soort.VERHUIZING)).status_code == 404
    assert client.post(_nieuw(p), {"soort": Soort.WLZ, "datum": MORGEN}).status_code == 404
    assert Mutatie.objects.count() == 0


def test_aanbieder_meldt_wij_willen_stoppen(client, p, lopend):
    toewijzing, ontvangen = lopend(p)
    client.force_login(p.medewerker)
    detail = _tekst(client.get(reverse("toewijzingen:ontvangen", args=[ontvangen.pk])))
    assert "Cliënt wil stoppen" in detail and "Wij willen stoppen" in detail
    url = reverse("mutaties:stoppen", args=[ontvangen.pk])
    assert "Wij willen stoppen" in _tekst(client.get(f"{url}?soort=aanbieder_stopt"))
    data = {"soort": Soort.AANBIEDER_STOPT, "datum": MORGEN.isoformat(), "toelichting": "Te zwaar"}
    tekst = _tekst(client.post(url, data))
    assert (
        f"De levering van toewijzing {ontvangen.toewijzingnummer} stopt op {VANDAAG:%d-%m-%Y} "
        f"(reden 33 voortijdig afgesloten: eenzijdig door de aanbieder): een JW307 naar "
        f"{p.gemeente}" in tekst
    )
    assert f"(reden 14 administratieve correctie): een JW301 van {p.gemeente}" in tekst
    assert Mutatie.objects.count() == 0
    klaar = client.post(url, {**data, "bevestigd": "1"})
    assert klaar.status_code == 302 and klaar.url == reverse(
        "toewijzingen:ontvangen", args=[ontvangen.pk]
    )
    mutatie = Mutatie.objects.get()
    assert (mutatie.soort, mutatie.gemeld_door_id) == (Soort.AANBIEDER_STOPT, p.aanbieder.pk)
    # Again: the service refuses in Dutch, in the form.
    opnieuw = client.post(url, {**data, "bevestigd": "1"})
    assert opnieuw.status_code == 200
    assert "al beëindigd" in _tekst(opnieuw)


def test_na_een_stop_geen_stopknoppen_meer(client, p, lopend):
    toewijzing, ontvangen = lopend(p)
    client.force_login(p.medewerker)
    detail_url = reverse("toewijzingen:ontvangen", args=[ontvangen.pk])
    url = reverse("mutaties:stoppen", args=[ontvangen.pk])
    knoppen = [f'href="{url}?soort=client_stopt"', f'href="{url}?soort=aanbieder_stopt"']
    detail = client.get(detail_url).content.decode()
    assert [k in detail for k in knoppen] == [True, True]
    data = {"soort": Soort.CLIENT_STOPT, "datum": MORGEN.isoformat(), "bevestigd": "1"}
    assert client.post(url, data).status_code == 302
    berichten = Bericht.objects.count()

    detail = client.get(detail_url).content.decode()
    pagina = client.get(f"{url}?soort=client_stopt")

    ontvangen.refresh_from_db()
    assert ontvangen.status == "actueel"  # still in the latest 301, now with its einddatum
    assert [k in detail for k in knoppen] == [False, False]
    assert "Verzoek om wijziging" in detail  # about the client's whole situation: still offered
    html = pagina.content.decode()
    assert (
        '<p class="kaart" role="status" id="geen-stop">'
        f"Toewijzing {toewijzing} is al beëindigd per {VANDAAG:%d-%m-%Y}: een mutatie gaat "
        "alleen over een lopende toewijzing.</p>"
    ) in html
    assert 'name="datum"' not in html  # no form to fill in
    # A POST all the same: refused, nothing stored or sent.
    assert client.post(url, data).status_code == 200
    assert Mutatie.objects.count() == 1 and Bericht.objects.count() == berichten


def test_andere_aanbieder_kan_geen_stop_melden(client, p, lopend):
    _, ontvangen = lopend(p)
    client.force_login(p.ander_medewerker)
    url = reverse("mutaties:stoppen", args=[ontvangen.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"soort": Soort.CLIENT_STOPT, "datum": MORGEN}).status_code == 404
    client.force_login(p.backoffice)
    assert client.get(url).status_code == 403


def test_stop_vooruit_zegt_wat_de_gebruiker_verandert(client, p, lopend):
    """A 307 cannot end after its Dagtekening (TR134): the stop date shows what to choose,
    with the rule code as a detail, not the standard's sentence about the message."""
    toewijzing, ontvangen = lopend(p)
    client.force_login(p.medewerker)
    url = reverse("mutaties:stoppen", args=[ontvangen.pk])
    berichten_voor = Bericht.objects.count()
    te_laat = (VANDAAG + timedelta(days=10)).isoformat()
    for stap in ({}, {"bevestigd": "1"}):
        antwoord = client.post(url, {"soort": Soort.CLIENT_STOPT, "datum": te_laat, **stap})
        assert antwoord.status_code == 200 and antwoord.context["bevestiging"] is None
        form = antwoord.context["form"]
        assert form.errors["datum"] == [
            "Een stopbericht meldt een stop die al is ingegaan: de laatste dag van de "
            f"ondersteuning mag niet na vandaag ({VANDAAG:%d-%m-%Y}) liggen. Kies als eerste "
            f"dag zonder ondersteuning uiterlijk {MORGEN:%d-%m-%Y}. (regel TR134)"
        ]
        assert form.non_field_errors() == []
        assert "ligt na de dagtekening" not in _tekst(antwoord)
    assert Mutatie.objects.count() == 0 and Bericht.objects.count() == berichten_voor
    toewijzing.refresh_from_db()
    assert toewijzing.einddatum == EINDE
