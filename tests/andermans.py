"""The other organisation's data the isolation tests open (the ``andermans`` fixture in
``tests/conftest.py``), and every URL of the resolver with parameters pointing at it.

The URL list comes from the resolver, so a new URL is covered automatically; a URL with
parameters must be classified in ``voorbeeld_kwargs`` (the test fails until it is).
"""

from datetime import date, timedelta

from django.contrib.contenttypes.models import ContentType
from django.urls import URLPattern, URLResolver, get_resolver

from istandaarden.samples import lees
from wmoketen.accounts.constants import Rol
from wmoketen.audit import services as audit
from wmoketen.berichten import services as berichten
from wmoketen.berichten.models import ApiToken, Bericht, Berichtkanaal
from wmoketen.betalingen.tests.hulp import andermans_betaalbatch
from wmoketen.budgetten.models import Budgetafspraak, Voorschot
from wmoketen.clienten.models import Client, Relatie
from wmoketen.declaraties.models import (
    Correctie,
    Declaratie,
    OntvangenDeclaratie,
    OntvangenPrestatie,
    Prestatie,
)
from wmoketen.eigenbijdrage.models import Aanlevering, Registratie
from wmoketen.evaluaties.models import Evaluatie
from wmoketen.factories import (
    AanbiederFactory,
    ClientFactory,
    ContactFactory,
    ContractregelFactory,
    GebruikerFactory,
    GemeenteFactory,
    ProductFactory,
)
from wmoketen.meldingen.services import meld
from wmoketen.organisaties.models import Onderaanneming, Regio
from wmoketen.scenario import Scenario, Stap, alle_domeinen
from wmoketen.termijnen import services as termijnen
from wmoketen.termijnen.models import Sluitingsdag
from wmoketen.toegang import services as toegang
from wmoketen.toewijzingen.models import AanbiederToewijzing, Toewijzing
from wmoketen.trajecten import services as trajecten
from wmoketen.verzoeken.constants import Kant, ProductSoort, Soort
from wmoketen.verzoeken.models import Antwoord, Verzoek, VerzoekProduct

GEHEIM_BSN = "999993653"
GEHEIMEN = [
    GEHEIM_BSN,
    "Geheimnaam",
    "GEHEIM-CONTRACT",
    "GEHEIMDECL",
    "geheime.gebruiker",
    "Geheimstraat",
    "Geheimonderwerp",
    "Geheimtaak",
    "Geheimmelding",
    "Geheimregel",
    "Geheimdag",
    "GEHEIMBER",
    "Geheimtoken",
    "Geheimresultaat",
    "Geheimverslag",
    "Geheimmotivering",
    "Geheimverzoek",
    "GEHEIMREF01",
    "Geheimbevinding",
    "Geheimtoelichting",
    "Geheimevaluatie",
]


def alle_urls(resolver=None, prefix=""):
    """(name, parameter names) of every named URL pattern, namespaces included."""
    resolver = resolver or get_resolver()
    for patroon in resolver.url_patterns:
        if isinstance(patroon, URLResolver):
            ns = f"{prefix}{patroon.namespace}:" if patroon.namespace else prefix
            yield from alle_urls(patroon, ns)
        elif isinstance(patroon, URLPattern) and patroon.name:
            yield f"{prefix}{patroon.name}", tuple(patroon.pattern.regex.groupindex)


def toegangsroute(client, consulent, aanbieder, contract):
    """The other gemeente's client walked from melding to beschikking and WMO301."""
    termijnen.laad_standaardregels(acting_user=None)
    product = ProductFactory(productcategorie="02", productcode="02A01", naam="Begeleiding")
    ContractregelFactory(contract=contract, product=product, eenheid="04", frequentie="2")
    vandaag = date.today()
    route = Scenario(
        client=client,
        consulent=consulent,
        aanbieder=aanbieder,
        backoffice=GebruikerFactory(organisatie=consulent.organisatie, rol=Rol.BACKOFFICE),
        medewerker=GebruikerFactory(organisatie=aanbieder, rol=Rol.AANBIEDER),
        product=product,
        ontvangen_op=vandaag,
        kanaal="loket",
        huisbezoek=False,
        domeinen=alle_domeinen(3, "Geheimprobleem"),
        verslag="Geheimverslag",
        onderzoek_ondertekend_op=vandaag,
        resultaatgebieden=[toegang.ResultaatgebiedInvoer("tijdsbesteding", "Geheimresultaat")],
        toestemming_op=vandaag,
        deel_2=("activering", "Iets", "1x", vandaag),
        deel_2_ondertekend_op=vandaag,
        volume=2,
        ingangsdatum=vandaag,
        motivering="Geheimmotivering",
    ).tot(Stap.BESCHIKKING)
    return route.melding, route.plan, route.beschikking


def verzoeken(gemeente, aanbieder, client, client_aanbieder, regel):
    """A 315 as both sides hold it, with the gemeente's answer (319)."""
    velden = dict(gemeente=gemeente, aanbieder=aanbieder, wet="wmo", dagtekening=date.today())
    verzoek = Verzoek.objects.create(
        organisatie=gemeente,
        kant=Kant.GEMEENTE,
        client=client,
        soort=Soort.TOEWIJZING,
        commentaar="Geheimverzoek",
        **velden,
    )
    verzonden = Verzoek.objects.create(
        organisatie=aanbieder,
        kant=Kant.AANBIEDER,
        client=client_aanbieder,
        soort=Soort.TOEWIJZING,
        commentaar="Geheimverzoek",
        **velden,
    )
    for v in (verzoek, verzonden):
        VerzoekProduct.objects.create(
            verzoek=v,
            soort=ProductSoort.AANGEVRAAGD,
            referentie_aanbieder="GEHEIMREF01",
            product=regel.product,
            ingangsdatum=date.today(),
            bevindingen=["Geheimbevinding"],
        )
    antwoord = Antwoord.objects.create(
        organisatie=gemeente,
        verzoek=verzoek,
        referentie_aanbieder="GEHEIMREF01",
        verzoek_antwoord="1",
        reden_afwijzing="3",
        toelichting="Geheimtoelichting",
    )
    return verzoek, verzonden, antwoord


def declaraties(gemeente, aanbieder, toewijzing, ontvangen) -> dict:
    """The client's prestatie of March on both sides: the aanbieder's concept declaration,
    the gemeente's received 323 with its deadline to answer."""
    maart, eind = date(2026, 3, 1), date(2026, 3, 31)
    velden = {"wet": "wmo", "declaratienummer": "GEHEIMDECL01"}
    velden |= {"periode_begin": maart, "periode_eind": eind}
    declaratie = Declaratie.objects.create(aanbieder=aanbieder, gemeente=gemeente, **velden)
    prestatie = Prestatie.objects.create(
        declaratie=declaratie,
        toewijzing=ontvangen,
        referentienummer="GEHEIMDECL01-1",
        periode_begin=maart,
        periode_eind=eind,
        voorgesteld_volume=8,
        geleverd_volume=8,
        eenheid="04",
        tarief=6250,
    )
    wmo323 = (
        lees("WMO323")
        .replace(b"<wmo323:Afzender>65656055<", b"<wmo323:Afzender>87654321<")
        .replace(b"<wmo323:Ontvanger>0384<", b"<wmo323:Ontvanger>0363<")
    )
    bericht = Bericht.objects.create(
        inhoud=wmo323,
        sha256="0" * 64,
        grootte=len(wmo323),
        afzender=aanbieder,
        ontvanger=gemeente,
        transport="intern",
        soort="heen",
        standaard="iwmo",
        nummer=323,
        identificatie="GEHEIMDECL01",
        status="verwerkt",
    )
    ontvangen_declaratie = OntvangenDeclaratie.objects.create(
        gemeente=gemeente, aanbieder=aanbieder, bericht=bericht, ingediend_bedrag=50000, **velden
    )
    ontvangen_prestatie = OntvangenPrestatie.objects.create(
        declaratie=ontvangen_declaratie,
        toewijzing=toewijzing,
        client=toewijzing.client,
        bsn=GEHEIM_BSN,
        referentienummer="GEHEIMDECL01-1",
        toewijzingnummer=toewijzing.toewijzingnummer,
        productcategorie="02",
        productcode="02A01",
        periode_begin=maart,
        periode_eind=eind,
        geleverd_volume=8,
        eenheid="04",
        tarief=6250,
        bedrag=50000,
        debet_credit="D",
        oordeel="goedgekeurd",
    )
    beantwoord = Declaratie.objects.create(
        aanbieder=aanbieder,
        gemeente=gemeente,
        wet="wmo",
        declaratienummer="GEHEIMDECL02",
        periode_begin=date(2026, 2, 1),
        periode_eind=date(2026, 2, 28),
        status="beantwoord",
    )
    goedgekeurd = Prestatie.objects.create(
        declaratie=beantwoord,
        toewijzing=ontvangen,
        referentienummer="GEHEIMDECL02-1",
        periode_begin=date(2026, 2, 1),
        periode_eind=date(2026, 2, 28),
        voorgesteld_volume=8,
        geleverd_volume=8,
        eenheid="04",
        tarief=6250,
        oordeel="goedgekeurd",
    )
    correctie = Correctie.objects.create(
        prestatie=goedgekeurd, volume=6, reden="GEHEIMDECL te veel uren"
    )
    return {
        "declaratie": declaratie,
        "prestatie": prestatie,
        "correctie": correctie,
        "ontvangen_declaratie": ontvangen_declaratie,
        "ontvangen_prestatie": ontvangen_prestatie,
    }


def budgetten(gemeente, aanbieder) -> dict:
    """A taakgericht budget of the other gemeente with the other aanbieder, with an advance."""
    budget = Budgetafspraak.objects.create(
        gemeente=gemeente,
        aanbieder=aanbieder,
        begindatum=date(2026, 1, 1),
        einddatum=date(2026, 12, 31),
        bedrag=1_200_000,
        omschrijving="Geheimtoelichting",
    )
    Voorschot.objects.create(budget=budget, maand=date(2026, 1, 1), soort="voorschot", bedrag=1)
    return {"budgetafspraak": budget}


def maak_andermans():
    """Data of a gemeente and aanbieder the test user has nothing to do with."""
    gemeente = GemeenteFactory(naam="Anderstad", gemeentecode="0363")
    aanbieder = AanbiederFactory(naam="Andere Zorg", agb_code="87654321")
    gebruiker = GebruikerFactory(
        username="geheime.gebruiker", organisatie=gemeente, rol=Rol.TOEGANGSMEDEWERKER
    )
    client = ClientFactory(organisatie=gemeente, bsn=GEHEIM_BSN, geslachtsnaam="Geheimnaam")
    contact = ContactFactory(client=client, straatnaam="Geheimstraat")
    relatie = Relatie.objects.create(client=client, soort="10", geslachtsnaam="Geheimnaam")
    ContactFactory(client=client, relatie=relatie, soort="02", telefoonnummer="0612345678")
    regel = ContractregelFactory(
        contract__kenmerk="GEHEIM-CONTRACT",
        contract__gemeente=gemeente,
        contract__aanbieder=aanbieder,
    )
    regio = Regio.objects.create(naam="Andere regio")
    regio.gemeenten.add(gemeente)
    auditregel = audit.log(gebruiker, "client.gelezen", client, client_id=client.pk)
    # A WMO301 from the gemeente to the aanbieder (processed: it has a retour), naming the
    # client: its Identificatie shows in lists, the client's name in the detail's summary.
    wmo301 = (
        lees("WMO301")
        .replace(b"<wmo301:Afzender>0384<", b"<wmo301:Afzender>0363<")
        .replace(b"<wmo301:Ontvanger>42420001<", b"<wmo301:Ontvanger>87654321<")
        .replace(b">123456789012<", b">GEHEIMBER001<")
        .replace(b"<iwmo:Achternaam>Wit<", b"<iwmo:Achternaam>Geheimnaam<", 1)
    )
    bericht = berichten.ontvang(wmo301, afzender=gemeente, ontvanger=aanbieder, transport="api")
    assert bericht.status == "retour_verzonden", bericht.fouten
    traject = trajecten.start_traject(
        client=client,
        onderwerp="Geheimonderwerp",
        wet="wmo",
        startdatum=date.today(),
        acting_user=gebruiker,
    )
    trajecten.voeg_aanbieder_toe(traject, aanbieder=aanbieder, acting_user=gebruiker)
    taak = trajecten.maak_taak(
        traject,
        naam="Geheimtaak",
        soort="overig",
        toegewezen_aan_organisatie=aanbieder,
        acting_user=gebruiker,
        vervaldatum=date.today() + timedelta(days=3),
    )
    melding, plan, beschikking = toegangsroute(client, gebruiker, aanbieder, regel.contract)
    toewijzing = Toewijzing.objects.get(beschikkingnummer=beschikking.nummer)
    # The aanbieder's record of it (the 301 is not delivered here: on-commit does not run).
    ontvangen = AanbiederToewijzing.objects.create(
        aanbieder=aanbieder,
        gemeente=gemeente,
        client=Client.objects.get(organisatie=aanbieder, bsn=GEHEIM_BSN),
        wet="wmo",
        toewijzingnummer=toewijzing.toewijzingnummer,
        productcategorie="02",
        productcode="02A01",
        product=regel.product,
        ingangsdatum=toewijzing.ingangsdatum,
        toewijzingsdatum=toewijzing.toewijzingsdatum,
        toewijzingstijd=toewijzing.toewijzingstijd,
        bericht=toewijzing.bericht,
        ontvangen_op=date.today(),
    )
    verzoek, verzonden, antwoord = verzoeken(gemeente, aanbieder, client, ontvangen.client, regel)
    # The beschikking planned its evaluations; one holds (sample) health text.
    evaluatie = Evaluatie.objects.filter(beschikking=beschikking).first()
    Evaluatie.objects.filter(pk=evaluatie.pk).update(
        status="uitgevoerd",
        gehouden_op=date.today(),
        vervolgstap="bijstellen",
        toelichting="Geheimevaluatie",
    )
    return {
        **declaraties(gemeente, aanbieder, toewijzing, ontvangen),
        **budgetten(gemeente, aanbieder),
        "toegang_melding": melding,
        "toegang_ondersteuningsplan": plan,
        "toegang_beschikking": beschikking,
        "toewijzing": toewijzing,
        "ontvangen_toewijzing": ontvangen,
        "verzoek": verzoek,
        "verzonden_verzoek": verzonden,
        "antwoord": antwoord,
        "evaluatie": evaluatie,
        "eigenbijdrage_registratie": Registratie.objects.create(
            gemeente=gemeente, client=client, begindatum=date(2026, 1, 1)
        ),
        "eigenbijdrage_aanlevering": Aanlevering.objects.create(
            gemeente=gemeente,
            bestandsnaam="cak-meldingen-geheim.csv",
            inhoud=f"0000;{client.bsn};Geheimnaam".encode(),
            aantal=1,
        ),
        "traject": traject,
        "taak": taak,
        "termijn": taak.termijn,
        "melding": meld([gebruiker], titel="Geheimmelding")[0],
        "client": client,
        "contact": contact,
        "relatie": relatie,
        "gebruiker": gebruiker,
        "gemeente": gemeente,
        "aanbieder": aanbieder,
        "contract": regel.contract,
        "onderaanneming": Onderaanneming.objects.create(
            contract=regel.contract,
            onderaannemer=AanbiederFactory(naam="Andere Onderzorg", agb_code="87654322"),
            begindatum=date.today(),
            omschrijving="Geheimtoelichting",
        ),
        "contractregel": regel,
        "regio": regio,
        "betaalbatch": andermans_betaalbatch(gemeente, aanbieder),
        "auditregel": auditregel,
        "termijnregel": termijnen.stel_regel_in(
            code="geheimregel",
            naam="Geheimregel",
            aantal=3,
            eenheid="werkdagen",
            startgebeurtenis="x",
            gemeente=gemeente,
            acting_user=None,
        ),
        "sluitingsdag": Sluitingsdag.objects.create(
            gemeente=gemeente, datum=date(2026, 12, 28), omschrijving="Geheimdag"
        ),
        "product": regel.product,
        "bericht": bericht,
        "retour": bericht.retour,
        "berichtkanaal": Berichtkanaal.objects.create(organisatie=gemeente, transport="bestand"),
        "apitoken": ApiToken.objects.create(
            organisatie=gemeente, naam="Geheimtoken", sleutel_hash="0" * 64
        ),
    }


def _admin_object(naam: str, data: dict):
    """The other organisation's object an admin change page names."""
    model = naam.removeprefix("admin:").rsplit("_", 1)[0].split("_", 1)[1]
    if model == "gebruiker":
        return data["gebruiker"]
    if naam.startswith("admin:toegang_"):  # toegang's Melding is not the notification
        return data[f"toegang_{model}"]
    return data[model]


def voorbeeld_kwargs(naam: str, params: tuple, data: dict) -> list[dict]:
    """Parameters for a URL, pointing at the other organisation's objects."""
    if not params:
        return [{}]
    objecten = {
        "clienten:detail": data["client"],
        "clienten:wijzigen": data["client"],
        "clienten:adres_nieuw": data["client"],
        "clienten:relatie_nieuw": data["client"],
        "clienten:adres": data["contact"],
        "clienten:relatie": data["relatie"],
        "trajecten:detail": data["traject"],
        "trajecten:deelnemer_toevoegen": data["traject"],
        "trajecten:taak": data["taak"],
        "meldingen:open": data["melding"],
        "organisaties:detail": data["gemeente"],
        "organisaties:contract": data["contract"],
        "organisaties:onderaanneming_aanvragen": data["contract"],
        "organisaties:onderaanneming_beoordelen": data["onderaanneming"],
        "organisaties:contract_wijzigen": data["contract"],
        "organisaties:contract_beeindigen": data["contract"],
        "organisaties:contractregel_nieuw": data["contract"],
        "organisaties:contractregel_wijzigen": data["contractregel"],
        "organisaties:contractregel_beeindigen": data["contractregel"],
        "organisaties:tarief_wijzigen": data["contractregel"],
        "berichten:detail": data["bericht"],
        "berichten:inhoud": data["bericht"],
        "berichten:herverwerk": data["bericht"],
        "api:bericht": data["bericht"],
        "api:retour": data["bericht"],
        "toegang:melding": data["toegang_melding"],
        "toegang:plan": data["toegang_ondersteuningsplan"],
        "toegang:aanvraag": data["toegang_ondersteuningsplan"],
        "toegang:afwijzen": data["toegang_ondersteuningsplan"],
        "toegang:aanvraag_terugsturen": data["toegang_ondersteuningsplan"],
        "toegang:afsluiten": data["toegang_melding"],
        "toegang:beschikking": data["toegang_beschikking"],
        "toegang:brief": data["toegang_beschikking"],
        "toegang:herindicatie_starten": data["toegang_beschikking"],
        "toewijzingen:detail": data["toewijzing"],
        "toewijzingen:opnieuw_versturen": data["toewijzing"],
        "toewijzingen:ontvangen": data["ontvangen_toewijzing"],
        "verzoeken:detail": data["verzonden_verzoek"],
        "verzoeken:beoordelen": data["verzoek"],
        "verzoeken:wijziging": data["ontvangen_toewijzing"],
        "mutaties:nieuw": data["traject"],
        "mutaties:stoppen": data["ontvangen_toewijzing"],
        "evaluaties:detail": data["evaluatie"],
        "declaraties:declaratie": data["declaratie"],
        "declaraties:indienen": data["declaratie"],
        "declaraties:volume": data["prestatie"],
        "declaraties:verwijderen": data["prestatie"],
        "declaraties:corrigeren": data["prestatie"],
        "declaraties:correctie_intrekken": data["correctie"],
        "declaraties:ontvangen": data["ontvangen_declaratie"],
        "declaraties:aanhouden": data["ontvangen_declaratie"],
        "declaraties:vrijgeven": data["ontvangen_declaratie"],
        "declaraties:beantwoorden": data["ontvangen_declaratie"],
        "declaraties:afwijzen": data["ontvangen_prestatie"],
        "declaraties:afwijzing_intrekken": data["ontvangen_prestatie"],
        "organisaties:betaalgegevens_wijzigen": data["aanbieder"],
        "betalingen:batch": data["betaalbatch"],
        "betalingen:vaststellen": data["betaalbatch"],
        "betalingen:exporteer_csv": data["betaalbatch"],
        "betalingen:exporteer_sepa": data["betaalbatch"],
        "betalingen:betaald": data["betaalbatch"],
        "eigenbijdrage:registratie": data["eigenbijdrage_registratie"],
        "eigenbijdrage:aanlevering": data["eigenbijdrage_aanlevering"],
        "budgetten:detail": data["budgetafspraak"],
        "budgetten:voorschotten": data["budgetafspraak"],
        "budgetten:verantwoorden": data["budgetafspraak"],
        "budgetten:afrekenen": data["budgetafspraak"],
    }
    if naam in objecten:
        return [{"pk": objecten[naam].pk}]
    if naam == "accounts:password_reset_confirm":
        return [{"uidb64": "MQ", "token": "set-password"}]
    if naam == "admin:app_list":
        return [
            {"app_label": label}
            for label in (
                "accounts",
                "clienten",
                "organisaties",
                "producten",
                "audit",
                "berichten",
                "toegang",
                "toewijzingen",
                "verzoeken",
                "evaluaties",
            )
        ]
    if naam == "admin:auth_user_password_change":  # UserAdmin's name, for our Gebruiker
        return [{"id": data["gebruiker"].pk}]
    if naam == "admin:view_on_site":
        ct = ContentType.objects.get_for_model(Client)
        return [{"content_type_id": ct.pk, "object_id": data["client"].pk}]
    if naam.startswith("admin:") and "object_id" in params:
        return [{"object_id": _admin_object(naam, data).pk}]
    if naam == "admin:autocomplete" or naam == "admin:jsi18n":
        return [{}]
    raise AssertionError(f"URL {naam} {params} is not classified in voorbeeld_kwargs")


# Reference data that every user may see (no organisation owns it), and the password-reset
# page, which answers an invalid token with a message and no data, and the admin's per-app
# index (a list page: checked for leaks like every page).
