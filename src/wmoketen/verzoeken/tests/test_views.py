"""The request pages: scoping per organisation and side, the forms' Dutch errors, the
decisions of the backoffice."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse

from wmoketen.accounts.constants import Rol
from wmoketen.audit.models import AuditRegel
from wmoketen.clienten.models import Client
from wmoketen.factories import AanbiederFactory, GebruikerFactory
from wmoketen.gedeeld.werklijst import werklijst
from wmoketen.termijnen import services as termijnen
from wmoketen.testdatum import dag
from wmoketen.verzoeken.constants import Kant, ProductSoort, Soort, Status
from wmoketen.verzoeken.models import Verzoek, VerzoekProduct

from .hulp import (
    BSN_KIND,
    INGANG,
    VANDAAG,
    html,
    nieuw_formulier,
    productregel,
    wijzigingsregel,
)


def _verzoek(organisatie, kant, *, gemeente, aanbieder, client, product, wet="jeugdwet", **kw):
    """A request record as the services leave it, for pages that only read."""
    verzoek = Verzoek.objects.create(
        organisatie=organisatie,
        kant=kant,
        gemeente=gemeente,
        aanbieder=aanbieder,
        client=client,
        wet=wet,
        soort=kw.pop("soort", Soort.TOEWIJZING),
        dagtekening=VANDAAG,
        **kw,
    )
    VerzoekProduct.objects.create(
        verzoek=verzoek,
        soort=ProductSoort.AANGEVRAAGD,
        referentie_aanbieder="R0000000001",
        product=product,
        productcategorie=product.productcategorie,
        productcode=product.productcode,
        ingangsdatum=INGANG,
        einddatum=INGANG + timedelta(days=180),
        volume=4,
        eenheid=product.eenheid,
        frequentie=product.frequentie,
        verwijzer_type="02",
        verwijzer_naam="Dokter Jansen",
        bevindingen=["Lopende toewijzing van hetzelfde product (OP259)."],
        voorgestelde_reden="6",
    )
    return verzoek


@pytest.fixture
def verzonden(aanbieder, almere, kind, producten):
    return _verzoek(
        aanbieder,
        Kant.AANBIEDER,
        gemeente=almere,
        aanbieder=aanbieder,
        client=kind,
        product=producten.jw_ambulant,
    )


@pytest.fixture
def ontvangen(aanbieder, almere, kind_almere, producten):
    verzoek = _verzoek(
        almere,
        Kant.GEMEENTE,
        gemeente=almere,
        aanbieder=aanbieder,
        client=kind_almere,
        product=producten.jw_ambulant,
    )
    termijnen.laad_standaardregels(acting_user=None)
    termijnen.open_termijn(
        "antwoord_315", onderwerp=verzoek, gemeente=almere, startdatum=VANDAAG, acting_user=None
    )
    return verzoek


def _fouten(antwoord) -> list[str]:
    """The form errors on a page, for assertion messages."""
    return re.findall(r'class="(?:fout|veld__fout)"[^>]*>(?:<p>)?([^<]*)', html(antwoord))


# Scoping --------------------------------------------------------------------------------------


def test_aanbieder_ziet_eigen_verzoeken_en_een_ander_krijgt_404(client, medewerker, verzonden):
    client.force_login(medewerker)
    assert "Bakker" in html(client.get(reverse("verzoeken:lijst")))
    pagina = client.get(reverse("verzoeken:detail", args=[verzonden.pk]))
    assert pagina.status_code == 200
    assert "R0000000001" in html(pagina) and "Dokter Jansen" in html(pagina)
    assert AuditRegel.objects.filter(actie="verzoek.gelezen", object_id=str(verzonden.pk)).exists()

    ander = AanbiederFactory(naam="Andere Zorg", agb_code="87654321")
    client.force_login(GebruikerFactory(organisatie=ander, rol=Rol.AANBIEDER))
    assert client.get(reverse("verzoeken:detail", args=[verzonden.pk])).status_code == 404
    assert "Bakker" not in html(client.get(reverse("verzoeken:lijst")))


def test_gemeente_ziet_alleen_eigen_ontvangen_verzoeken(
    client, backoffice_almere, backoffice_weert, ontvangen, verzonden
):
    client.force_login(backoffice_almere)
    lijst = html(client.get(reverse("verzoeken:werkvoorraad")))
    assert "Bakker" in lijst and "rij--te-laat" not in lijst
    assert reverse("verzoeken:beoordelen", args=[ontvangen.pk]) in lijst
    # The aanbieder's record of the same request is not the gemeente's.
    assert client.get(reverse("verzoeken:beoordelen", args=[verzonden.pk])).status_code == 404
    pagina = html(client.get(reverse("verzoeken:beoordelen", args=[ontvangen.pk])))
    assert "OP259" in pagina and "Stapeling" in pagina  # findings and the proposed reason
    assert "Antwoord op verzoek om toewijzing" in pagina  # the deadline

    client.force_login(backoffice_weert)
    assert client.get(reverse("verzoeken:beoordelen", args=[ontvangen.pk])).status_code == 404
    assert "Bakker" not in html(client.get(reverse("verzoeken:werkvoorraad")))


def test_rollen(client, medewerker, backoffice_almere, ontvangen, verzonden):
    client.force_login(medewerker)
    assert client.get(reverse("verzoeken:werkvoorraad")).status_code == 403
    assert client.get(reverse("verzoeken:beoordelen", args=[ontvangen.pk])).status_code == 403
    client.force_login(backoffice_almere)
    assert client.get(reverse("verzoeken:lijst")).status_code == 403
    assert client.get(reverse("verzoeken:nieuw")).status_code == 403


def test_menu_en_werklijst(client, medewerker, backoffice_almere, ontvangen, verzonden):
    client.force_login(backoffice_almere)
    start = html(client.get(reverse("portaal:start")))
    assert reverse("verzoeken:werkvoorraad") in start
    [item] = [i for i in werklijst(backoffice_almere) if i.soort == "Verzoeken te beantwoorden"]
    assert item.vervaldatum is not None and "Bakker" in item.titel

    assert not [i for i in werklijst(medewerker) if i.soort == "Antwoorden op verzoeken"]
    Verzoek.objects.filter(pk=verzonden.pk).update(status=Status.AFGEWEZEN)
    [item] = [i for i in werklijst(medewerker) if i.soort == "Antwoorden op verzoeken"]
    assert item.url == reverse("verzoeken:detail", args=[verzonden.pk])
    client.force_login(medewerker)
    assert reverse("verzoeken:lijst") in html(client.get(reverse("portaal:start")))


# The aanbieder's forms ------------------------------------------------------------------------


def test_nieuw_verzoek_formulier_toont_fouten_in_het_nederlands(
    client, medewerker, almere, weert, contracten, producten, kind
):
    client.force_login(medewerker)
    pagina = client.get(reverse("verzoeken:nieuw"))
    assert pagina.status_code == 200
    assert "Almere" in html(pagina) and "Weert" in html(pagina)

    # A product outside the contract, and a new client without its details.
    data = nieuw_formulier(almere, regels=[productregel(0, producten.jw_buiten)])
    tekst = html(client.post(reverse("verzoeken:nieuw"), data))
    assert "Vul dit in voor een nieuwe cliënt" in tekst

    assert "geldige keuze" in tekst  # not in any contract: not even offered
    regel = productregel(0, producten.jw_ambulant, ingangsdatum=str(dag(2025, 6, 1)), einddatum="")
    data = nieuw_formulier(almere, client_pk=kind.pk, regels=[regel])
    tekst = html(client.post(reverse("verzoeken:nieuw"), data))
    assert f"Uw contract met Almere bevat dit product niet op {dag(2025, 6, 1):%d-%m-%Y}." in tekst

    # The Wmo knows only the gemeente as verwijzer, and needs the open beschikking.
    data = nieuw_formulier(
        weert, client_pk=kind.pk, wet="wmo", regels=[productregel(0, producten.wmo_groep)]
    )
    assert "kan geen Wmo 2015-verzoek dragen" in html(client.post(reverse("verzoeken:nieuw"), data))
    regel = productregel(0, producten.wmo_groep, verwijzer_type="01", verwijzer_naam="")
    data = nieuw_formulier(weert, client_pk=kind.pk, wet="wmo", regels=[regel])
    assert "open beschikking" in html(client.post(reverse("verzoeken:nieuw"), data))

    # A product of the other wet, and no product at all.
    data = nieuw_formulier(almere, client_pk=kind.pk, regels=[productregel(0, producten.wmo_groep)])
    assert "hoort niet bij de Jeugdwet" in html(client.post(reverse("verzoeken:nieuw"), data))
    leeg = client.post(reverse("verzoeken:nieuw"), nieuw_formulier(almere, client_pk=kind.pk))
    assert "Vraag minstens één product aan." in html(leeg)
    assert not Verzoek.objects.exists()


def test_nieuw_verzoek_met_nieuwe_client_verstuurt_de_315(
    client, medewerker, almere, contracten, producten
):
    client.force_login(medewerker)
    data = nieuw_formulier(
        almere,
        bsn=BSN_KIND,
        geslachtsnaam="Bakker",
        voornamen="Lotte",
        geboortedatum="2015-06-01",
        geslacht="2",
        intakedatum=VANDAAG.isoformat(),
        regels=[
            productregel(0, producten.jw_ambulant),
            productregel(1, producten.jw_gezin, volume="2"),
        ],
    )
    antwoord = client.post(reverse("verzoeken:nieuw"), data)
    verzoek = Verzoek.objects.get()
    assert antwoord.status_code == 302, _fouten(antwoord)
    assert antwoord.url == reverse("verzoeken:detail", args=[verzoek.pk])
    assert (verzoek.kant, verzoek.soort, verzoek.gemeente) == (Kant.AANBIEDER, 315, almere)
    assert verzoek.client.organisatie_id == medewerker.organisatie_id
    assert Client.objects.get(bsn=BSN_KIND).geslachtsnaam == "Bakker"
    assert sorted(p.product.productcode for p in verzoek.producten.all()) == ["45A10", "45A20"]
    # The eenheid comes from the contract when the form leaves it empty.
    assert all(p.eenheid for p in verzoek.producten.all())
    assert verzoek.bericht is not None and verzoek.bericht.nummer == 315
    pagina = html(client.get(antwoord.url))
    assert "JW315" in pagina and reverse("berichten:detail", args=[verzoek.bericht.pk]) in pagina


def test_service_fout_komt_in_het_formulier_en_niets_blijft_staan(
    client, medewerker, almere, contracten, producten
):
    """A refusal by the service rolls back the client registered for the request."""
    client.force_login(medewerker)
    data = nieuw_formulier(
        almere,
        bsn=BSN_KIND,
        geslachtsnaam="Bakker",
        geboortedatum="2015-06-01",
        geslacht="2",
        intakedatum=(VANDAAG + timedelta(days=3)).isoformat(),
        regels=[productregel(0, producten.jw_ambulant)],
    )
    antwoord = client.post(reverse("verzoeken:nieuw"), data)
    assert antwoord.status_code == 200
    assert "De intakedatum ligt in de toekomst." in html(antwoord)
    assert not Verzoek.objects.exists() and not Client.objects.filter(bsn=BSN_KIND).exists()


def test_verzoek_om_wijziging(client, medewerker, almere, kind_almere, toegewezen, producten):
    eerste, tweede = toegewezen(
        almere, kind_almere, [producten.jw_ambulant, producten.jw_gezin], wet="jeugdwet"
    )
    client.force_login(medewerker)
    detail = html(client.get(reverse("toewijzingen:ontvangen", args=[eerste.pk])))
    url = reverse("verzoeken:wijziging", args=[eerste.pk])
    assert url in detail and "Verzoek om wijziging" in detail
    pagina = html(client.get(url))
    assert str(eerste.toewijzingnummer) in pagina and str(tweede.toewijzingnummer) in pagina

    # Nothing changes: the form says so.
    data = {"reden_verzoek": "1"} | wijzigingsregel(eerste) | wijzigingsregel(tweede)
    data |= wijzigingsregel(tweede, "wijzigen")
    tekst = html(client.post(url, data))
    assert "Er verandert niets aan" in tekst
    data = {"reden_verzoek": "1"} | wijzigingsregel(eerste) | wijzigingsregel(tweede)
    assert "minstens één toewijzing" in html(client.post(url, data))
    assert "Dit veld is vereist" in html(client.post(url, wijzigingsregel(eerste)))
    assert not Verzoek.objects.exists()

    data = (
        {"reden_verzoek": "2"}
        | wijzigingsregel(eerste)
        | wijzigingsregel(tweede, "wijzigen", volume="6")
    )
    antwoord = client.post(url, data)
    verzoek = Verzoek.objects.get()
    assert antwoord.status_code == 302 and antwoord.url == reverse(
        "verzoeken:detail", args=[verzoek.pk]
    )
    assert (verzoek.soort, verzoek.reden_verzoek) == (317, "2")
    soorten = {p.toewijzingnummer: (p.soort, p.volume) for p in verzoek.producten.all()}
    assert soorten == {
        eerste.toewijzingnummer: (ProductSoort.ONGEWIJZIGD, 3),
        tweede.toewijzingnummer: (ProductSoort.TE_WIJZIGEN, 6),
    }


def test_wijziging_van_andermans_toewijzing_is_404(
    client, almere, kind_almere, toegewezen, producten
):
    [t] = toegewezen(almere, kind_almere, [producten.jw_ambulant], wet="jeugdwet")
    ander = AanbiederFactory(naam="Andere Zorg", agb_code="87654321")
    client.force_login(GebruikerFactory(organisatie=ander, rol=Rol.AANBIEDER))
    assert client.get(reverse("verzoeken:wijziging", args=[t.pk])).status_code == 404


# The backoffice's decisions ------------------------------------------------------------------


def test_afwijzen_vraagt_een_reden_en_bij_reden_8_de_gemeente(client, backoffice_almere, ontvangen):
    client.force_login(backoffice_almere)
    url = reverse("verzoeken:beoordelen", args=[ontvangen.pk])
    product = ontvangen.producten.get()
    tekst = html(client.post(url, {"actie": "afwijzen", "afwijzen-producten": [product.pk]}))
    assert "Dit veld is vereist" in tekst
    data = {"actie": "afwijzen", "afwijzen-producten": [product.pk], "afwijzen-reden": "8"}
    assert "gemeente van het woonplaatsbeginsel" in html(client.post(url, data))
    tekst = html(client.post(url, {"actie": "toewijzen"}))
    assert "Kies de producten die u toewijst." in tekst
    ontvangen.refresh_from_db()
    assert ontvangen.status == Status.OPEN and not ontvangen.antwoorden.exists()


def test_een_317_kent_geen_toewijzen_per_product(
    client, backoffice_weert, aanbieder, weert, volwassene_weert, producten
):
    verzoek = _verzoek(
        weert,
        Kant.GEMEENTE,
        gemeente=weert,
        aanbieder=aanbieder,
        client=volwassene_weert,
        product=producten.wmo_begeleiding,
        wet="wmo",
        soort=Soort.WIJZIGING,
        referentie_aanbieder="R0000000009",
        reden_verzoek="1",
    )
    client.force_login(backoffice_weert)
    url = reverse("verzoeken:beoordelen", args=[verzoek.pk])
    pagina = html(client.get(url))
    assert "Verzoek honoreren" in pagina and 'value="toewijzen"' not in pagina
    assert "afwijzen-woonplaatsbeginsel" not in pagina  # only the Jeugdwet names one
    antwoord = client.post(url, {"actie": "toewijzen"}, follow=True)
    assert "Deze beslissing past niet bij dit verzoek." in html(antwoord)


def test_op_een_beslist_verzoek_kan_niet_meer_worden_beslist(client, backoffice_almere, ontvangen):
    # Partly allocated with a product back to open (a 320 with errors): still to answer.
    Verzoek.objects.filter(pk=ontvangen.pk).update(status=Status.DEELS)
    client.force_login(backoffice_almere)
    url = reverse("verzoeken:beoordelen", args=[ontvangen.pk])
    assert url in html(client.get(reverse("verzoeken:werkvoorraad"))).split("Recent")[0]
    assert 'value="toewijzen"' in html(client.get(url))

    Verzoek.objects.filter(pk=ontvangen.pk).update(status=Status.AFGEWEZEN)
    ontvangen.producten.update(status=Status.AFGEWEZEN)
    assert url not in html(client.get(reverse("verzoeken:werkvoorraad"))).split("Recent")[0]
    assert 'name="actie"' not in html(client.get(url))
    antwoord = client.post(url, {"actie": "onderzoek"}, follow=True)
    assert "Op dit verzoek is al beslist." in html(antwoord)


# End to end: the aanbieder's form, the gemeente's decision, the answer back -----------------


def _stuur_315(client, medewerker, almere, kind, producten, bezorg, *regels):
    """The aanbieder files a 315 for its client; Almere knows the child (``kind_almere``,
    with the address a 301 needs: a 315 carries none)."""
    client.force_login(medewerker)
    data = nieuw_formulier(
        almere, client_pk=kind.pk, regels=list(regels) or [productregel(0, producten.jw_ambulant)]
    )
    with bezorg():
        antwoord = client.post(reverse("verzoeken:nieuw"), data)
    assert antwoord.status_code == 302, _fouten(antwoord)
    eigen = Verzoek.objects.get(kant=Kant.AANBIEDER)
    assert eigen.bericht.status != "afgekeurd", (eigen.bericht.retourcodes, eigen.bericht.fouten)
    return (
        Verzoek.objects.get(kant=Kant.AANBIEDER),
        Verzoek.objects.get(kant=Kant.GEMEENTE, organisatie=almere),
    )


def test_toewijzen_per_product_komt_terug_bij_de_aanbieder(
    client, medewerker, backoffice_almere, almere, contracten, kind, kind_almere, producten, bezorg
):
    eigen, ontvangen = _stuur_315(
        client,
        medewerker,
        almere,
        kind,
        producten,
        bezorg,
        productregel(0, producten.jw_ambulant),
        productregel(1, producten.jw_gezin),
    )
    client.force_login(backoffice_almere)
    url = reverse("verzoeken:beoordelen", args=[ontvangen.pk])
    assert "Antwoord op verzoek om toewijzing" in html(client.get(url))
    ambulant = ontvangen.producten.get(product=producten.jw_ambulant)
    with bezorg():
        antwoord = client.post(url, {"actie": "toewijzen", "toewijzen-producten": [ambulant.pk]})
    assert antwoord.status_code == 302, _fouten(antwoord)
    assert "301" in html(client.get(url))
    ambulant.refresh_from_db()
    assert ambulant.status == Status.TOEGEWEZEN and ambulant.toewijzing is not None

    # The other product is refused with a reason: one 319.
    gezin = ontvangen.producten.get(product=producten.jw_gezin)
    data = {"actie": "afwijzen", "afwijzen-producten": [gezin.pk], "afwijzen-reden": "4"}
    with bezorg():
        assert client.post(url, data).status_code == 302
    ontvangen.refresh_from_db()
    assert ontvangen.status == Status.DEELS and ontvangen.antwoorden.count() == 1

    client.force_login(medewerker)
    eigen.refresh_from_db()
    assert eigen.status == Status.DEELS
    pagina = html(client.get(reverse("verzoeken:detail", args=[eigen.pk])))
    assert "JW315" in pagina and "JW301" in pagina and "JW319" in pagina
    assert "Past niet binnen contract" in pagina
    toegewezen = eigen.producten.get(product=producten.jw_ambulant).aanbieder_toewijzing
    assert reverse("toewijzingen:ontvangen", args=[toegewezen.pk]) in pagina


def test_in_onderzoek_en_dan_afwijzen_met_woonplaatsbeginsel(
    client, medewerker, backoffice_almere, almere, contracten, kind, kind_almere, producten, bezorg
):
    eigen, ontvangen = _stuur_315(client, medewerker, almere, kind, producten, bezorg)
    client.force_login(backoffice_almere)
    url = reverse("verzoeken:beoordelen", args=[ontvangen.pk])
    with bezorg():
        antwoord = client.post(url, {"actie": "onderzoek", "onderzoek-toelichting": "Even kijken"})
    assert antwoord.status_code == 302
    ontvangen.refresh_from_db()
    assert ontvangen.status == Status.IN_ONDERZOEK
    pagina = html(client.get(url))
    assert 'value="onderzoek"' not in pagina  # only once (TR360)
    assert "Definitief antwoord" in pagina

    product = ontvangen.producten.get()
    data = {
        "actie": "afwijzen",
        "afwijzen-producten": [product.pk],
        "afwijzen-reden": "8",
        "afwijzen-woonplaatsbeginsel": "0363",
    }
    with bezorg():
        assert client.post(url, data).status_code == 302
    ontvangen.refresh_from_db()
    assert ontvangen.status == Status.AFGEWEZEN
    assert ontvangen.antwoorden.filter(woonplaatsbeginsel="0363").exists()
    eigen.refresh_from_db()
    assert eigen.status == Status.AFGEWEZEN
    client.force_login(medewerker)
    pagina = html(client.get(reverse("verzoeken:detail", args=[eigen.pk])))
    assert "Aanvraag in onderzoek" in pagina and "Woonplaatsbeginsel" in pagina


def test_317_honoreren(
    client, medewerker, backoffice_almere, almere, kind_almere, toegewezen, producten, bezorg
):
    [t] = toegewezen(almere, kind_almere, [producten.jw_ambulant], wet="jeugdwet")
    client.force_login(medewerker)
    data = {"reden_verzoek": "1"} | wijzigingsregel(t, "wijzigen", volume="8")
    with bezorg():
        assert client.post(reverse("verzoeken:wijziging", args=[t.pk]), data).status_code == 302
    ontvangen = Verzoek.objects.get(kant=Kant.GEMEENTE)
    assert ontvangen.soort == Soort.WIJZIGING

    client.force_login(backoffice_almere)
    url = reverse("verzoeken:beoordelen", args=[ontvangen.pk])
    with bezorg():
        antwoord = client.post(url, {"actie": "honoreren"}, follow=True)
    assert "gehonoreerd" in html(antwoord)
    ontvangen.refresh_from_db()
    assert ontvangen.status == Status.TOEGEWEZEN
    t.refresh_from_db()
    assert t.volume == 8


def test_een_weigering_van_de_dienst_staat_in_het_formulier(client, backoffice_almere, ontvangen):
    """The service's Dutch ValidationError is shown with the form, nothing is sent (here:
    without the ``contracten`` fixture the aanbieder has no contract)."""
    client.force_login(backoffice_almere)
    url = reverse("verzoeken:beoordelen", args=[ontvangen.pk])
    product = ontvangen.producten.get()
    antwoord = client.post(url, {"actie": "toewijzen", "toewijzen-producten": [product.pk]})
    assert antwoord.status_code == 200
    assert any("geen contract met Almere" in fout for fout in _fouten(antwoord))
    product.refresh_from_db()
    assert product.status == Status.OPEN and product.toewijzing is None


def test_client_zonder_adres_krijgt_eerst_het_brp_adres(
    client, backoffice_almere, aanbieder, almere, producten
):
    """A 315 carries no address and a 301 needs one: the page asks for it, then allocates."""
    nieuw = Client.objects.create(
        organisatie=almere, bsn="999990111", geslachtsnaam="Nieuw", geslacht="1"
    )
    verzoek = _verzoek(
        almere,
        Kant.GEMEENTE,
        gemeente=almere,
        aanbieder=aanbieder,
        client=nieuw,
        product=producten.jw_ambulant,
    )
    client.force_login(backoffice_almere)
    url = reverse("verzoeken:beoordelen", args=[verzoek.pk])
    assert "Eerst het adres van de cliënt" in html(client.get(url))

    onvolledig = client.post(url, {"actie": "adres", "adres-straatnaam": "Markt"})
    assert "Dit veld is vereist." in html(onvolledig)
    assert not nieuw.contacten.exists()

    adres = {"straatnaam": "Markt", "huisnummer": "1", "postcode": "1311AA", "plaatsnaam": "Almere"}
    antwoord = client.post(
        url, {"actie": "adres", **{f"adres-{k}": v for k, v in adres.items()}}, follow=True
    )
    assert "Het adres van de cliënt is vastgelegd." in html(antwoord)
    assert "Eerst het adres van de cliënt" not in html(antwoord)
    assert nieuw.contacten.get().soort == "01"
    assert AuditRegel.objects.filter(actie="contact.toegevoegd", client_id=nieuw.pk).exists()


def test_verzoek_in_functioneel_beheer_is_een_gelogde_lezing(client, almere, ontvangen):
    beheerder = GebruikerFactory(organisatie=almere, rol=Rol.FUNCTIONEEL_BEHEERDER)
    client.force_login(beheerder)

    assert client.get(f"/beheer/verzoeken/verzoek/{ontvangen.pk}/change/").status_code == 200

    regel = AuditRegel.objects.get(actie="verzoek.gelezen")
    assert regel.client_id == ontvangen.client_id and regel.gebruikersnaam == beheerder.username
