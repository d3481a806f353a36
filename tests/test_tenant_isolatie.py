"""Every URL of the project, opened by a user of an organisation that takes no part in the data.

The URL list comes from the resolver, so a new URL is covered automatically; a URL with
parameters must be classified in ``voorbeeld_kwargs`` (the test fails until it is).
"""

from datetime import date

import pytest
from django.urls import reverse

from wmoketen.accounts.constants import ROLLEN_AANBIEDER, ROLLEN_GEMEENTE, Rol
from wmoketen.audit.models import AuditRegel
from wmoketen.berichten.api.authenticatie import nieuwe_token
from wmoketen.clienten.models import Client
from wmoketen.factories import (
    WACHTWOORD,
    AanbiederFactory,
    ClientFactory,
    GebruikerFactory,
    GemeenteFactory,
)

from .andermans import GEHEIM_BSN, GEHEIMEN, alle_urls, voorbeeld_kwargs

PUBLIEK = {
    "organisaties:detail",
    "accounts:password_reset_confirm",
    "admin:app_list",
    "admin:producten_product_change",
    "admin:producten_product_history",
    "admin:producten_product_delete",
    "admin:organisaties_regio_change",
    "admin:organisaties_regio_history",
    "admin:organisaties_regio_delete",
}


@pytest.mark.parametrize("soort", ["gemeente", "aanbieder"])
def test_geen_url_toont_gegevens_van_een_andere_organisatie(client, andermans, soort):
    eigen = (
        GemeenteFactory(naam="Eigenstad", gemeentecode="0344")
        if soort == "gemeente"
        else AanbiederFactory(naam="Eigen Zorg", agb_code="11112222")
    )
    rollen = ROLLEN_GEMEENTE if soort == "gemeente" else ROLLEN_AANBIEDER
    client.force_login(GebruikerFactory(organisatie=eigen, rol=list(rollen)))
    ClientFactory(
        organisatie=eigen,
        bsn="111222333",
        geslachtsnaam="Eigennaam",
        geboortedatum=date(1950, 5, 17),
    )
    audit_voor = AuditRegel.objects.filter(organisatie=andermans["gemeente"]).count()
    # The API answers to a token, not a session: /api/ is walked with a token of our own.
    _, sleutel = nieuwe_token(organisatie=eigen, naam="Eigen koppeling")

    bezocht = 0
    for naam, params in alle_urls():
        for kwargs in voorbeeld_kwargs(naam, params, andermans):
            url = reverse(naam, kwargs=kwargs)
            for query in (
                "",
                "?q=geheim",
                f"?q={GEHEIM_BSN[:6]}",
                "?q=17-05-1950",
                f"?bsn={GEHEIM_BSN}&gebruiker=geheime.gebruiker",
            ):
                kop = {"Authorization": f"Token {sleutel}"} if url.startswith("/api/") else {}
                antwoord = client.get(url + query, headers=kop)
                bezocht += 1
                # Search forms echo the term; only data found beyond the echo is a leak.
                html = antwoord.content.decode(errors="replace")
                for term in query.lstrip("?").split("&"):
                    html = html.replace(term.partition("=")[2], "") if term else html
                lek = [g for g in GEHEIMEN if g in html]
                assert not lek, f"{url}{query} toont {lek}"
                if params and naam not in PUBLIEK:
                    assert antwoord.status_code in (302, 403, 404, 405), (
                        f"{url}: {antwoord.status_code}"
                    )
                    if antwoord.status_code == 302:
                        assert str(andermans["client"].pk) not in antwoord.url.split("?")[
                            0
                        ] or antwoord.url.startswith("/beheer/")
    assert bezocht > 100
    eigenaar = andermans["gemeente"]
    assert Client.objects.get(bsn=GEHEIM_BSN, organisatie=eigenaar).geslachtsnaam == "Geheimnaam"
    andermans["gebruiker"].refresh_from_db()
    assert andermans["gebruiker"].check_password(WACHTWOORD)
    assert AuditRegel.objects.filter(organisatie=andermans["gemeente"]).count() == audit_voor


def test_eigen_gegevens_zijn_wel_zichtbaar(client, andermans):
    """The walk above is meaningful: the same pages do show the organisation's own data."""
    gebruiker = andermans["gebruiker"]
    gebruiker.groups.add(*gebruiker.groups.model.objects.filter(name=Rol.FUNCTIONEEL_BEHEERDER))
    client.force_login(gebruiker)

    assert "Geheimnaam" in client.get(f"/clienten/{andermans['client'].pk}/").content.decode()
    assert "GEHEIM-CONTRACT" in client.get("/organisaties/contracten/").content.decode()
    contract = client.get(f"/organisaties/contracten/{andermans['contract'].pk}/")
    assert "Geheimtoelichting" in contract.content.decode()  # the onderaanneming's request
    assert "Geheimnaam" in client.get("/clienten/?q=Geheimnaam").content.decode()
    adres = client.get(f"/clienten/adressen/{andermans['contact'].pk}/")
    assert "Geheimstraat" in adres.content.decode()
    relatie = client.get(f"/clienten/relaties/{andermans['relatie'].pk}/")
    assert "Geheimnaam" in relatie.content.decode()
    assert client.get("/beheer/clienten/client/").status_code == 200
    assert "GEHEIMBER001" in client.get("/berichten/").content.decode()
    bericht = andermans["bericht"]
    assert "Geheimnaam" in client.get(f"/berichten/{bericht.pk}/").content.decode()
    assert (
        f"/berichten/{andermans['retour'].pk}/"
        in client.get(f"/berichten/{bericht.pk}/").content.decode()
    )
    assert "GEHEIMBER001" in client.get("/beheer/berichten/bericht/").content.decode()
    assert "Geheimtoken" in client.get("/beheer/berichten/apitoken/").content.decode()
    melding = andermans["toegang_melding"]
    pagina = client.get(f"/toegang/{melding.pk}/").content.decode()
    assert all(g in pagina for g in ("Geheimnaam", "Geheimresultaat", "Geheimverslag"))
    assert "Geheimnaam" in client.get("/toegang/?wie=alle&afgerond=1").content.decode()
    beschikking = andermans["toegang_beschikking"]
    assert (
        "Geheimmotivering"
        in client.get(f"/toegang/beschikkingen/{beschikking.pk}/").content.decode()
    )
    assert client.get(f"/toegang/beschikkingen/{beschikking.pk}/brief/").status_code == 200
    gebruiker.groups.add(*gebruiker.groups.model.objects.filter(name=Rol.BACKOFFICE))
    toewijzing = andermans["toewijzing"]
    assert "Geheimnaam" in client.get(f"/toewijzingen/{toewijzing.pk}/").content.decode()
    assert "Geheimnaam" in client.get("/toewijzingen/").content.decode()
    assert "Geheimnaam" in client.get("/toewijzingen/wachtlijst/").content.decode()
    assert "Geheimnaam" in client.get("/verzoeken/ontvangen/").content.decode()
    verzoek = andermans["verzoek"]
    pagina = client.get(f"/verzoeken/ontvangen/{verzoek.pk}/").content.decode()
    assert all(g in pagina for g in ("Geheimverzoek", "Geheimbevinding", "Geheimtoelichting"))
    assert GEHEIM_BSN in client.get("/toewijzingen/wachtlijst/wachtlijst.csv").content.decode()
    medewerker = GebruikerFactory(organisatie=andermans["aanbieder"], rol=Rol.AANBIEDER)
    client.force_login(medewerker)
    ontvangen = andermans["ontvangen_toewijzing"]
    assert "Geheimnaam" in client.get(f"/toewijzingen/ontvangen/{ontvangen.pk}/").content.decode()
    assert "Geheimnaam" in client.get("/toewijzingen/ontvangen/").content.decode()
    assert "Geheimnaam" in client.get("/verzoeken/").content.decode()
    verzonden = andermans["verzonden_verzoek"]
    assert "GEHEIMREF01" in client.get(f"/verzoeken/{verzonden.pk}/").content.decode()
    assert "Geheimnaam" in client.get(f"/verzoeken/wijziging/{ontvangen.pk}/").content.decode()
    gebruiker.groups.add(*gebruiker.groups.model.objects.filter(name=Rol.TOEGANGSMEDEWERKER))
    client.force_login(gebruiker)
    evaluatie = andermans["evaluatie"]
    assert "Geheimevaluatie" in client.get(f"/evaluaties/{evaluatie.pk}/").content.decode()
    assert "Geheimnaam" in client.get("/evaluaties/").content.decode()
