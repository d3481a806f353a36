"""The client page as one place to see a case: the sections the other apps register
(``clienten.dossier``), each scoped to the viewer's organisation, newest first."""

import re
from datetime import date, time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wmoketen.accounts.constants import Rol
from wmoketen.berichten.dossier import berichten_van
from wmoketen.berichten.models import Bericht
from wmoketen.clienten.dossier import ONDERDELEN, dossier
from wmoketen.evaluaties.models import Evaluatie
from wmoketen.factories import AanbiederFactory, ClientFactory, GebruikerFactory, ProductFactory
from wmoketen.toegang.models import Beschikking, Melding, Ondersteuningsplan
from wmoketen.toewijzingen.models import AanbiederToewijzing, Levering, Toewijzing
from wmoketen.trajecten.models import Traject
from wmoketen.verzoeken.constants import Kant, Soort
from wmoketen.verzoeken.models import Verzoek

BSN = "999993653"


def _bericht(afzender, ontvanger, nummer: int, identificatie: str, **velden) -> Bericht:
    return Bericht.objects.create(
        inhoud=b"<x/>",
        sha256="0" * 64,
        grootte=4,
        afzender=afzender,
        ontvanger=ontvanger,
        transport="intern",
        status="verwerkt",
        standaard="iwmo",
        nummer=nummer,
        identificatie=identificatie,
        **velden,
    )


def _toewijzing(gemeente, aanbieder, client, product, nummer, datum, bericht) -> Toewijzing:
    return Toewijzing.objects.create(
        gemeente=gemeente,
        aanbieder=aanbieder,
        client=client,
        wet="wmo",
        toewijzingnummer=nummer,
        product=product,
        ingangsdatum=datum,
        toewijzingsdatum=datum,
        toewijzingstijd=time(9),
        bericht=bericht,
    )


@pytest.fixture
def zaak(gemeente, aanbieder, consulent):
    """A gemeente's client with two meldingen, a plan shared with the aanbieder, a
    beschikking, two allocations with their 301 and retour, a 315 on both sides and two
    evaluations; the aanbieder's own record of the client (same BSN); and noise."""
    backoffice = GebruikerFactory(organisatie=gemeente, rol=Rol.BACKOFFICE)
    medewerker = GebruikerFactory(organisatie=aanbieder, rol=Rol.AANBIEDER)
    klant = ClientFactory(organisatie=gemeente, bsn=BSN, geslachtsnaam="Dossier")
    eigen = ClientFactory(organisatie=aanbieder, bsn=BSN, geslachtsnaam="Dossier")
    ander = ClientFactory(organisatie=gemeente, geslachtsnaam="Ander")
    traject = Traject.objects.create(
        gemeente=gemeente,
        client=klant,
        nummer="T-1",
        onderwerp="Wonen",
        startdatum=date(2026, 1, 5),
    )
    melding = dict(gemeente=gemeente, wet="wmo", kanaal="loket")
    oud = Melding.objects.create(client=klant, ontvangen_op=date(2026, 1, 5), **melding)
    nieuw = Melding.objects.create(
        client=klant,
        ontvangen_op=date(2026, 3, 2),
        aanleiding="herindicatie",
        traject=traject,
        **melding,
    )
    Melding.objects.create(client=ander, ontvangen_op=date(2026, 3, 3), **melding)
    plan = Ondersteuningsplan.objects.create(
        melding=oud, aanbieder=aanbieder, toestemming_delen=True, opdracht_op=date(2026, 1, 20)
    )
    Ondersteuningsplan.objects.create(melding=nieuw)  # not shared with the aanbieder
    beschikking = Beschikking.objects.create(
        plan=plan,
        gemeente=gemeente,
        client=klant,
        aanbieder=aanbieder,
        wet="wmo",
        nummer="000000007",
        dagtekening=date(2026, 2, 1),
        ingangsdatum=date(2026, 2, 1),
        einddatum=date(2027, 1, 31),
        motivering="m",
        bezwaarclausule="b",
        genomen_door=backoffice,
    )
    product = ProductFactory(naam="Begeleiding")
    wmo301 = _bericht(gemeente, aanbieder, 301, "301-A")
    _bericht(aanbieder, gemeente, 302, "302-A", heenbericht=wmo301)
    _toewijzing(gemeente, aanbieder, klant, product, 1, date(2026, 2, 1), wmo301)
    _toewijzing(gemeente, aanbieder, klant, product, 2, date(2026, 3, 10), wmo301)
    AanbiederToewijzing.objects.create(
        aanbieder=aanbieder,
        gemeente=gemeente,
        client=eigen,
        wet="wmo",
        toewijzingnummer=1,
        productcategorie="02",
        product=product,
        ingangsdatum=date(2026, 2, 1),
        toewijzingsdatum=date(2026, 2, 1),
        toewijzingstijd=time(9),
        bericht=wmo301,
        ontvangen_op=date(2026, 2, 1),
    )
    wmo315 = _bericht(aanbieder, gemeente, 315, "315-A")
    verzoek = dict(gemeente=gemeente, aanbieder=aanbieder, wet="wmo", soort=Soort.TOEWIJZING)
    ontvangen = Verzoek.objects.create(
        organisatie=gemeente,
        kant=Kant.GEMEENTE,
        client=klant,
        dagtekening=date(2026, 2, 20),
        bericht=wmo315,
        **verzoek,
    )
    verzonden = Verzoek.objects.create(
        organisatie=aanbieder,
        kant=Kant.AANBIEDER,
        client=eigen,
        dagtekening=date(2026, 2, 20),
        bericht=wmo315,
        **verzoek,
    )
    evaluatie = dict(traject=traject, beschikking=beschikking, gemeente=gemeente)
    Evaluatie.objects.create(
        aanbieder=aanbieder, soort="driemaandscheck", gepland_op=date(2026, 5, 1), **evaluatie
    )
    Evaluatie.objects.create(
        aanbieder=aanbieder, soort="eind", gepland_op=date(2027, 1, 1), **evaluatie
    )
    return {
        "consulent": consulent,
        "backoffice": backoffice,
        "medewerker": medewerker,
        "klant": klant,
        "eigen": eigen,
        "meldingen": (oud, nieuw),
        "plan": plan,
        "beschikking": beschikking,
        "ontvangen": ontvangen,
        "verzonden": verzonden,
        "wmo301": wmo301,
    }


def _secties(gebruiker, client) -> dict[str, list[str]]:
    return {s.naam: [r.titel for r in s.regels] for s in dossier(gebruiker, client)}


def _pagina(django_client, gebruiker, client) -> str:
    django_client.force_login(gebruiker)
    antwoord = django_client.get(f"/clienten/{client.pk}/")
    assert antwoord.status_code == 200
    return antwoord.content.decode()


def test_alle_apps_registreren_hun_onderdeel():
    assert {
        "Meldingen",
        "Ondersteuningsplannen",
        "Beschikkingen",
        "Toewijzingen",
        "Verzoeken",
        "Berichten",
        "Evaluaties",
    } <= set(ONDERDELEN)


def test_consulent_ziet_de_zaak_van_zijn_gemeente_nieuwste_eerst(client, zaak):
    secties = _secties(zaak["consulent"], zaak["klant"])

    assert list(secties) == [
        "Meldingen",
        "Ondersteuningsplannen",
        "Beschikkingen",
        "Toewijzingen",
        "Evaluaties",
    ]
    assert secties["Meldingen"] == ["Melding Wmo 2015 (herindicatie)", "Melding Wmo 2015"]
    assert secties["Beschikkingen"] == ["Beschikking 000000007 (Wmo 2015)"]
    assert secties["Toewijzingen"] == ["2 Begeleiding", "1 Begeleiding"]
    assert secties["Evaluaties"] == ["Eindevaluatie", "Driemaandscheck"]

    html = _pagina(client, zaak["consulent"], zaak["klant"])
    oud, nieuw = zaak["meldingen"]
    assert html.index(f'href="/toegang/{nieuw.pk}/"') < html.index(f'href="/toegang/{oud.pk}/"')
    assert "02-03-2026" in html and "Traject T-1" in html
    assert f'href="/toegang/nieuw/?client={zaak["klant"].pk}">Nieuwe melding</a>' in html
    assert f'href="/toegang/beschikkingen/{zaak["beschikking"].pk}/"' in html
    assert 'href="/toewijzingen/' not in html  # the allocation pages are the backoffice's
    assert "Ander" not in html  # another client's melding


def test_backoffice_ziet_toewijzingen_verzoeken_en_berichten(client, zaak):
    secties = _secties(zaak["backoffice"], zaak["klant"])

    assert secties["Verzoeken"] == ["Verzoek om toewijzing (315)"]
    assert secties["Berichten"] == ["WMO315 315-A", "WMO302 302-A", "WMO301 301-A"]
    html = _pagina(client, zaak["backoffice"], zaak["klant"])
    assert f'href="/verzoeken/ontvangen/{zaak["ontvangen"].pk}/"' in html
    assert f'href="/berichten/{zaak["wmo301"].pk}/"' in html
    assert "Ontvangen van Zorggroep Test" in html
    assert 'href="/toegang/nieuw/"' not in html  # only the consulent starts a melding
    eerste, tweede = Toewijzing.objects.order_by("toewijzingnummer")
    assert html.index(f'href="/toewijzingen/{tweede.pk}/"') < html.index(
        f'href="/toewijzingen/{eerste.pk}/"'
    )


def test_aanbieder_ziet_alleen_wat_zijn_organisatie_heeft(client, zaak):
    secties = _secties(zaak["medewerker"], zaak["eigen"])

    assert list(secties) == [
        "Ondersteuningsplannen",
        "Toewijzingen",
        "Verzoeken",
        "Berichten",
        "Evaluaties",
    ]
    assert secties["Ondersteuningsplannen"] == [
        "Ondersteuningsplan Wmo 2015"
    ]  # only the shared one
    assert secties["Toewijzingen"] == ["1 Begeleiding"]  # its own record of the 301
    assert secties["Verzoeken"] == ["Verzoek om toewijzing (315)"]
    assert secties["Berichten"] == ["WMO315 315-A", "WMO302 302-A", "WMO301 301-A"]
    html = _pagina(client, zaak["medewerker"], zaak["eigen"])
    ontvangen = AanbiederToewijzing.objects.get()
    assert f'href="/toewijzingen/ontvangen/{ontvangen.pk}/"' in html
    assert f'href="/verzoeken/{zaak["verzonden"].pk}/"' in html
    assert f'href="/toegang/plannen/{zaak["plan"].pk}/"' in html
    oud, nieuw = zaak["meldingen"]
    assert f'href="/toegang/{oud.pk}/"' not in html  # the gemeente's only
    assert 'id="dossier-meldingen"' not in html and "000000007" not in html


def test_andere_aanbieder_met_hetzelfde_bsn_ziet_niets_van_de_zaak(client, zaak):
    vreemde = AanbiederFactory(naam="Vreemde Zorg", agb_code="11110000")
    medewerker = GebruikerFactory(organisatie=vreemde, rol=Rol.AANBIEDER)
    eigen = ClientFactory(organisatie=vreemde, bsn=BSN)

    secties = _secties(medewerker, eigen)

    assert all(regels == [] for regels in secties.values())
    html = _pagina(client, medewerker, eigen)
    assert "301-A" not in html and "Begeleiding" not in html


def test_een_query_per_onderdeel_ongeacht_het_aantal_regels(zaak, gemeente):
    backoffice, klant = zaak["backoffice"], zaak["klant"]
    dossier(backoffice, klant)  # warm up: the user's roles are read once and kept

    with CaptureQueriesContext(connection) as eerst:
        dossier(backoffice, klant)
    for dag in (4, 5, 6):
        Melding.objects.create(
            client=klant,
            gemeente=gemeente,
            wet="wmo",
            kanaal="loket",
            ontvangen_op=date(2026, 4, dag),
        )
    with CaptureQueriesContext(connection) as daarna:
        secties = dossier(backoffice, klant)

    assert len(secties[0].regels) == 5
    assert len(daarna.captured_queries) == len(eerst.captured_queries) == len(secties)


def test_berichten_tonen_de_status_zoals_de_organisatie_die_ziet(zaak):
    """The 301 the gemeente sent got a retour: "Retour ontvangen", not the receiver's state."""
    Bericht.objects.filter(pk=zaak["wmo301"].pk).update(soort="heen")
    [berichten] = [s for s in dossier(zaak["backoffice"], zaak["klant"]) if s.naam == "Berichten"]

    assert [(r.titel, r.status) for r in berichten.regels] == [
        ("WMO315 315-A", "Verwerkt"),
        ("WMO302 302-A", "Verwerkt"),
        ("WMO301 301-A", "Retour ontvangen"),
    ]


def _berichtentitels(gebruiker, client) -> list[str]:
    [berichten] = [s for s in dossier(gebruiker, client) if s.naam == "Berichten"]
    return [r.titel for r in berichten.regels]


def test_berichten_van_leveringen_aan_beide_kanten_met_hun_retour(zaak, gemeente, aanbieder):
    """The 305/307 of a levering, on the gemeente's and on the aanbieder's record, with the
    retour on them; another client's levering stays out."""
    wmo305 = _bericht(aanbieder, gemeente, 305, "305-A")
    wmo307 = _bericht(aanbieder, gemeente, 307, "307-A")
    _bericht(gemeente, aanbieder, 306, "306-A", heenbericht=wmo305)
    vreemd = _bericht(aanbieder, gemeente, 305, "305-X")
    toewijzing = Toewijzing.objects.order_by("pk").first()
    ontvangen = AanbiederToewijzing.objects.get()
    levering = dict(begindatum=date(2026, 2, 1), startbericht=wmo305)
    Levering.objects.create(toewijzing=toewijzing, stopbericht=wmo307, **levering)
    Levering.objects.create(aanbieder_toewijzing=ontvangen, **levering)
    andere = ClientFactory(organisatie=gemeente, geslachtsnaam="Ander")
    toewijzing.pk, toewijzing.client, toewijzing.toewijzingnummer = None, andere, 9
    toewijzing.save()
    Levering.objects.create(toewijzing=toewijzing, begindatum=date(2026, 2, 1), startbericht=vreemd)

    nieuw = ["WMO306 306-A", "WMO307 307-A", "WMO305 305-A"]
    bestaand = ["WMO315 315-A", "WMO302 302-A", "WMO301 301-A"]
    assert _berichtentitels(zaak["backoffice"], zaak["klant"]) == nieuw + bestaand
    assert _berichtentitels(zaak["medewerker"], zaak["eigen"]) == [
        "WMO306 306-A",
        "WMO305 305-A",
        *bestaand,
    ]


def test_berichtenquery_zoekt_elk_deel_via_een_index(zaak, gemeente):
    """One ``id IN (… UNION …)`` on the messages: an OR of ``IN`` subqueries, or of the
    client on two joined records, makes PostgreSQL read every row (9-14 s at 2,000,000
    messages, docs/performance.md)."""
    sql = str(berichten_van(gemeente, zaak["klant"]).query)

    assert sql.count('"berichten_bericht"."id" IN') == 1
    assert '"berichten_bericht"."heenbericht_id" IN' not in sql
    assert " UNION " in sql
    assert not re.search(r'client_id" = \w+ OR ', sql)
