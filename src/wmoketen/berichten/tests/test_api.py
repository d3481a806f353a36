"""The HTTP API: a round trip gemeente → aanbieder, and every kind of bad input."""

import io

import pytest
from django.core.management import call_command
from django.test import override_settings

from istandaarden.samples import lees
from wmoketen.audit.models import AuditRegel
from wmoketen.berichten import services
from wmoketen.berichten.api.authenticatie import hash_van, nieuwe_token
from wmoketen.berichten.constants import Status, Transport
from wmoketen.berichten.models import ApiToken, Bericht, Berichtkanaal
from wmoketen.factories import AanbiederFactory, GemeenteFactory
from wmoketen.testhulp import niets_veranderd

URL = "/api/v1/berichten/"
XXE = b'<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<r>&x;</r>'
BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n'
    b"<lolz>&lol2;</lolz>"
)


@pytest.fixture
def gemeente_api(partijen):
    """Gemeente 0384 uses the API (its own system); aanbieder 42420001 lives here."""
    gemeente, _ = partijen
    Berichtkanaal.objects.create(organisatie=gemeente, transport=Transport.API)
    return nieuwe_token(organisatie=gemeente, naam="Suite")[1]


def post(client, data: bytes, sleutel: str, ontvanger="42420001", **extra):
    extra.setdefault("content_type", "application/xml")
    query = f"?ontvanger={ontvanger}" if ontvanger is not None else ""
    return client.post(URL + query, data=data, HTTP_AUTHORIZATION=f"Token {sleutel}", **extra)


def get(client, url: str, sleutel: str):
    return client.get(url, HTTP_AUTHORIZATION=f"Token {sleutel}")


def verwerkte(handlers, nummer=301):
    gezien = []
    handlers[("iwmo", nummer)] = lambda ontvangen: gezien.append(ontvangen.bericht.pk)
    return gezien


# What a refused request must leave unchanged.
WEIGERING = (Bericht, AuditRegel)


def stand():
    return Bericht.objects.count(), AuditRegel.objects.count()


def test_rondgang_gemeente_naar_aanbieder_over_de_api(
    client, partijen, gemeente_api, wmo301, handlers
):
    gemeente, aanbieder = partijen
    gezien = verwerkte(handlers)

    antwoord = post(client, wmo301, gemeente_api)

    heen = Bericht.objects.get(nummer=301)
    retour = Bericht.objects.get(nummer=302)
    assert antwoord.status_code == 201
    assert antwoord["Location"] == f"http://testserver/api/v1/berichten/{heen.pk}/"
    assert antwoord.json() == {
        "id": heen.pk,
        "bericht": "WMO301",
        "identificatie": "123456789012",
        "status": "retour_verzonden",
        "retourcodes": [],
        "fouten": [],
        "fouten_totaal": 0,
        "origineel": None,
        "retour": {
            "id": retour.pk,
            "bericht": "WMO302",
            "url": f"http://testserver/api/v1/berichten/{retour.pk}/",
        },
        "url": f"http://testserver/api/v1/berichten/{heen.pk}/",
    }
    assert gezien == [heen.pk]  # the aanbieder's handler ran once
    assert (heen.afzender, heen.ontvanger, heen.transport, heen.bytes) == (
        gemeente.organisatie_ptr,
        aanbieder.organisatie_ptr,
        "api",
        wmo301,
    )
    assert (retour.afzender_id, retour.ontvanger_id, retour.transport, retour.status) == (
        aanbieder.pk,
        gemeente.pk,
        "api",
        Status.VERZONDEN,
    )

    postbus = get(client, URL, gemeente_api).json()
    assert postbus["count"] == 1 and postbus["next"] is None
    assert postbus["results"] == [
        {
            "id": retour.pk,
            "bericht": "WMO302",
            "standaard": "iwmo",
            "berichtcode": "415",
            "versie": "3.2",
            "soort": "retour",
            "identificatie": f"R{heen.pk}",
            "dagtekening": retour.dagtekening.isoformat(),
            "afzender": "42420001",
            "ontvanger": "0384",
            "status": "verzonden",
            "retourcodes": [],
            "heenbericht": heen.pk,
            "grootte": retour.grootte,
            "sha256": retour.sha256,
            "ontvangen_op": postbus["results"][0]["ontvangen_op"],
            "opgehaald_op": None,
            "url": f"http://testserver/api/v1/berichten/{retour.pk}/",
        }
    ]

    xml = get(client, f"{URL}{heen.pk}/retour/", gemeente_api)
    assert xml.status_code == 200 and xml["Content-Type"] == "application/xml"
    assert xml.content == retour.bytes
    assert xml["Content-Disposition"] == f'attachment; filename="WMO302-{retour.pk}.xml"'
    retour.refresh_from_db()
    assert retour.opgehaald_op is not None
    assert get(client, URL, gemeente_api).json()["count"] == 0  # fetched: out of the postbus
    assert get(client, f"{URL}?opgehaald=ja", gemeente_api).json()["count"] == 1

    # The sender may read its own heenbericht back; that does not mark it fetched.
    eigen = get(client, f"{URL}{heen.pk}/", gemeente_api)
    assert eigen.content == wmo301
    heen.refresh_from_db()
    assert heen.opgehaald_op is None


def test_postbus_filtert_en_pagineert(client, partijen, gemeente_api):
    gemeente, aanbieder = partijen
    for identificatie in ("A1", "A2", "A3"):
        data = lees("WMO301").replace(b"123456789012", identificatie.encode())
        post(client, data, gemeente_api)

    pagina = get(client, f"{URL}?aantal=2", gemeente_api).json()
    assert pagina["count"] == 3 and len(pagina["results"]) == 2
    assert pagina["next"] == "http://testserver/api/v1/berichten/?aantal=2&page=2"
    assert [r["bericht"] for r in pagina["results"]] == ["WMO302", "WMO302"]
    assert get(client, f"{URL}?bericht=WMO302&soort=retour", gemeente_api).json()["count"] == 3
    assert get(client, f"{URL}?bericht=JW302", gemeente_api).json()["count"] == 0
    assert get(client, f"{URL}?standaard=ijw", gemeente_api).json()["count"] == 0
    assert get(client, f"{URL}?sinds=2999-01-01T00:00:00", gemeente_api).json()["count"] == 0
    fout = get(client, f"{URL}?bericht=toewijzing", gemeente_api)
    assert fout.status_code == 400
    assert fout.json() == {"bericht": ["'TOEWIJZING' is geen berichtnaam zoals WMO302 of JW301."]}


@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [
        (
            XXE,
            "Een DOCTYPE-declaratie is niet toegestaan: het declareert een externe entiteit (XXE).",
        ),
        (
            BILLION_LAUGHS,
            "Een DOCTYPE-declaratie is niet toegestaan: het declareert entiteiten "
            "(entiteitexpansie, 'billion laughs').",
        ),
        (
            lees("WMO301")[:400],
            "Het XML-document is onvolledig (afgebroken na regel 7): expected '>'.",
        ),
        (
            lees("WMO301").replace(b"iwmo/3_2/wmo301", b"iwmo/3_3/wmo301"),
            "Onbekende namespace 'http://www.istandaarden.nl/iwmo/3_3/wmo301/schema': dit is geen "
            "iWmo- of iJw-3.2-bericht.",
        ),
    ],
    ids=["xxe", "billion-laughs", "malformed", "onbekende-versie"],
)
def test_vijandige_of_onleesbare_xml_wordt_als_bewijs_bewaard(
    client, partijen, gemeente_api, handlers, inhoud, melding
):
    gezien = verwerkte(handlers)
    audit_voor = AuditRegel.objects.count()

    antwoord = post(client, inhoud, gemeente_api)

    bericht = Bericht.objects.get()  # the evidence, and nothing else
    assert antwoord.status_code == 201
    body = antwoord.json()
    assert (body["id"], body["bericht"], body["status"], body["retour"]) == (
        bericht.pk,
        "ONBEKEND",
        "afgekeurd",
        None,
    )
    assert [(f["code"], f["retourcode"], f["message"]) for f in body["fouten"]] == [
        ("PARSE", None, melding)
    ]
    assert bericht.bytes == inhoud and bericht.transport == "api"
    assert gezien == [] and AuditRegel.objects.count() == audit_voor
    # The sender can still read back exactly what it sent.
    terug = get(client, f"{URL}{bericht.pk}/", gemeente_api)
    assert terug.content == inhoud and terug["Content-Type"] == "application/octet-stream"


def test_xsd_ongeldig_bericht_krijgt_fouten_en_geen_retour(client, partijen, gemeente_api):
    ongeldig = lees("WMO301").replace(b"<wmo301:Geslacht>", b"<wmo301:Geslacht>9", 1)

    body = post(client, ongeldig, gemeente_api).json()

    assert (body["bericht"], body["status"], body["retour"]) == ("WMO301", "afgekeurd", None)
    assert [(f["code"], f["xpath"], f["line"]) for f in body["fouten"]] == [
        ("XSD", "/Bericht[1]/Client[1]/Geslacht[1]", 23)
    ] * 2
    assert "The value '91' is not an element of the set" in body["fouten"][1]["message"]
    assert Bericht.objects.count() == 1
    assert get(client, f"{URL}{body['id']}/retour/", gemeente_api).json() == {
        "detail": f"Bericht {body['id']} heeft geen retourbericht."
    }


def test_bericht_voor_een_andere_organisatie_dan_de_ontvanger(
    client, partijen, gemeente_api, wmo301, handlers
):
    gezien = verwerkte(handlers)
    AanbiederFactory(naam="Andere zorg", agb_code="11110000")

    body = post(client, wmo301, gemeente_api, ontvanger="11110000").json()

    assert body["status"] == "afgekeurd" and body["retour"] is None
    assert body["fouten"] == [
        {
            "code": "ADRES",
            "retourcode": None,
            "xpath": "/Bericht[1]/Header[1]",
            "line": None,
            "message": "De Header noemt afzender 0384 en ontvanger 42420001, maar het bericht kwam "
            "van 0384 voor 11110000.",
        }
    ]
    assert gezien == [] and Bericht.objects.count() == 1


def test_token_van_een_andere_organisatie_ziet_niets(client, partijen, gemeente_api, wmo301):
    post(client, wmo301, gemeente_api)
    heen, retour = Bericht.objects.get(nummer=301), Bericht.objects.get(nummer=302)
    andere = GemeenteFactory(naam="Anderstad", gemeentecode="0363")
    Berichtkanaal.objects.create(organisatie=andere, transport=Transport.API)
    _, vreemd = nieuwe_token(organisatie=andere, naam="Vreemd")

    for url, pk in (
        (f"{URL}{heen.pk}/", heen.pk),
        (f"{URL}{retour.pk}/", retour.pk),
        (f"{URL}{heen.pk}/retour/", heen.pk),
    ):
        antwoord = get(client, url, vreemd)
        assert antwoord.status_code == 404, url
        assert antwoord.json() == {"detail": f"Bericht {pk} bestaat niet voor uw organisatie."}
    assert get(client, f"{URL}?opgehaald=alle", vreemd).json()["count"] == 0
    retour.refresh_from_db()
    assert retour.opgehaald_op is None  # a stranger's attempt fetched nothing


@pytest.mark.parametrize(
    ("kop", "melding"),
    [
        ({}, "Geen token meegestuurd: gebruik de header 'Authorization: Token <sleutel>'."),
        ({"HTTP_AUTHORIZATION": "Token verkeerd"}, "Onbekende of ingetrokken token."),
        ({"HTTP_AUTHORIZATION": "Token a b"}, "Ongeldige Authorization-header."),
    ],
)
def test_zonder_geldige_token_wordt_niets_opgeslagen(
    client, partijen, gemeente_api, wmo301, kop, melding
):
    with niets_veranderd(modellen=WEIGERING):
        antwoord = client.post(
            f"{URL}?ontvanger=42420001", data=wmo301, content_type="application/xml", **kop
        )

        assert antwoord.status_code == 401
        assert antwoord.json() == {"detail": melding}
        assert antwoord["WWW-Authenticate"] == "Token"
    assert client.get(f"{URL}1/", **kop).status_code == 401


def test_ingetrokken_token_werkt_niet_meer(client, partijen, gemeente_api, wmo301):
    ApiToken.objects.filter(sleutel_hash=hash_van(gemeente_api)).update(actief=False)
    assert post(client, wmo301, gemeente_api).status_code == 401
    assert not Bericht.objects.exists()


@pytest.mark.parametrize(
    ("ontvanger", "status", "melding"),
    [
        (
            None,
            400,
            {"ontvanger": ["Geef de ontvanger op: ?ontvanger=<gemeentecode of AGB-code>."]},
        ),
        (
            "42x",
            400,
            {"ontvanger": ["'42x' is geen gemeentecode (4 cijfers) of AGB-code (8 cijfers)."]},
        ),
        (
            "99999999",
            404,
            {"detail": "Er is geen organisatie met code 99999999 in deze installatie."},
        ),
        (
            "0384",
            400,
            {
                "ontvanger": [
                    "De ontvanger is uw eigen organisatie: een bericht gaat naar een andere partij."
                ]
            },
        ),
        (
            "22220000",
            400,
            {
                "ontvanger": [
                    "Zorg op afstand (22220000) ontvangt berichten niet in "
                    "deze installatie maar via bestandsbrievenbus: stuur het "
                    "bericht daar."
                ]
            },
        ),
    ],
)
def test_onbekende_of_externe_ontvanger(
    client, partijen, gemeente_api, wmo301, ontvanger, status, melding
):
    extern = AanbiederFactory(naam="Zorg op afstand", agb_code="22220000")
    Berichtkanaal.objects.create(organisatie=extern, transport=Transport.BESTAND)
    with niets_veranderd(modellen=WEIGERING):
        antwoord = post(client, wmo301, gemeente_api, ontvanger=ontvanger)

        assert (antwoord.status_code, antwoord.json()) == (status, melding)


def test_afzender_zonder_api_kanaal_wordt_geweigerd(client, partijen, wmo301):
    gemeente, _ = partijen
    _, sleutel = nieuwe_token(organisatie=gemeente, naam="Suite")  # kanaal: intern

    antwoord = post(client, wmo301, sleutel)

    assert antwoord.status_code == 403
    assert antwoord.json()["detail"].startswith(
        "Voorbeeldgemeente wisselt geen berichten uit via de HTTP-API (berichtkanaal: intern"
    )
    assert not Bericht.objects.exists()


@override_settings(BERICHT_MAX_BYTES=1000)
def test_te_groot_bericht_geeft_413_en_niets_opgeslagen(client, partijen, gemeente_api, wmo301):
    with niets_veranderd(modellen=WEIGERING):
        antwoord = post(client, wmo301, gemeente_api)

        assert antwoord.status_code == 413
        assert antwoord.json() == {
            "detail": f"Het bericht is te groot ({len(wmo301)} bytes): de "
            "grens is 1000 bytes (0.000953674 MB). Er is niets "
            "opgeslagen."
        }


def test_verkeerd_mediatype_en_lege_body(client, partijen, gemeente_api, wmo301):
    voor = stand()
    json = post(client, b'{"a": 1}', gemeente_api, content_type="application/json")
    assert json.status_code == 415
    assert json.json() == {"detail": "Stuur het bericht als XML: Content-Type application/xml."}
    leeg = post(client, b"", gemeente_api, CONTENT_TYPE="application/xml")
    assert (leeg.status_code, leeg.json()) == (
        400,
        {"bericht": ["De body is leeg: stuur het bericht."]},
    )
    tekst = post(client, wmo301, gemeente_api, content_type="text/xml; charset=utf-8")
    assert tekst.status_code == 201
    assert stand()[0] == voor[0] + 2  # only the accepted message and its retour


def test_identiek_dubbel_bericht_geeft_het_eerdere_retour(
    client, partijen, gemeente_api, wmo301, handlers, django_capture_on_commit_callbacks
):
    gezien = verwerkte(handlers)
    eerste = post(client, wmo301, gemeente_api).json()
    get(client, eerste["retour"]["url"], gemeente_api)  # fetched, then the connection broke
    assert get(client, URL, gemeente_api).json()["count"] == 0

    with django_capture_on_commit_callbacks(execute=True):
        tweede = post(client, wmo301, gemeente_api).json()

    assert (tweede["status"], tweede["origineel"], tweede["retour"]) == (
        "dubbel",
        eerste["id"],
        eerste["retour"],
    )
    assert tweede["id"] != eerste["id"] and tweede["fouten"] == []
    assert len(gezien) == 1
    assert Bericht.objects.filter(nummer=302).count() == 1
    # The earlier retour is offered again.
    assert [r["id"] for r in get(client, URL, gemeente_api).json()["results"]] == [
        eerste["retour"]["id"]
    ]
    assert (
        get(client, f"{URL}{tweede['id']}/retour/", gemeente_api).content
        == Bericht.objects.get(nummer=302).bytes
    )


def test_andere_inhoud_met_zelfde_identificatie_geeft_9056(
    client, partijen, gemeente_api, wmo301, handlers
):
    gezien = verwerkte(handlers)
    eerste = post(client, wmo301, gemeente_api).json()
    anders = wmo301.replace(b"<wmo301:Commentaar>", b"<wmo301:Commentaar>Gewijzigd ", 1)

    tweede = post(client, anders, gemeente_api).json()

    assert (tweede["status"], tweede["retourcodes"], tweede["origineel"]) == (
        "afgekeurd",
        ["9056"],
        eerste["id"],
    )
    assert [f["code"] for f in tweede["fouten"]] == ["TR056"]
    assert tweede["retour"]["id"] != eerste["retour"]["id"]
    retour = get(client, tweede["retour"]["url"], gemeente_api).content
    assert services.retour_codes(retour) == ["9056"]
    assert len(gezien) == 1


def test_schema_en_documentatie_zonder_inloggen(client, db):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json")
    assert schema.status_code == 200
    paden = schema.json()["paths"]
    assert sorted(paden) == [
        "/api/v1/berichten/",
        "/api/v1/berichten/{id}/",
        "/api/v1/berichten/{id}/retour/",
    ]
    assert paden["/api/v1/berichten/"]["post"]["operationId"] == "bericht_versturen"
    assert schema.json()["components"]["securitySchemes"]["token"]["name"] == "Authorization"
    assert client.get("/api/schema/swagger/").status_code == 200
    assert client.get("/api/schema/redoc/").status_code == 200


def test_api_token_commando_toont_de_sleutel_een_keer(partijen):
    gemeente, _ = partijen
    uit, fout = io.StringIO(), io.StringIO()

    call_command("api_token", "0384", "Suite", stdout=uit, stderr=fout)

    sleutel = uit.getvalue().strip()
    token = ApiToken.objects.get()
    assert token.sleutel_hash == hash_van(sleutel) and token.organisatie_id == gemeente.pk
    assert sleutel not in fout.getvalue() and len(sleutel) == 43
    assert "Token 'Suite' voor Voorbeeldgemeente (0384) aangemaakt." in fout.getvalue()
    assert "berichtkanaal van Voorbeeldgemeente is niet 'HTTP-API'" in fout.getvalue()
    assert AuditRegel.objects.filter(actie="api_token.aangemaakt").count() == 1


def test_api_token_commando_onbekende_organisatie(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Er is geen organisatie met code 1234."):
        call_command("api_token", "1234", "Suite")
    assert not ApiToken.objects.exists()


def test_groot_bericht_boven_djangos_formuliergrens_komt_aan(client, partijen, gemeente_api):
    """Django's DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB) is for forms; messages go to 25 MB."""
    groot = b"<x>" + b"a" * 3_000_000 + b"</x>"

    antwoord = post(client, groot, gemeente_api)

    assert antwoord.status_code == 201
    assert Bericht.objects.get().grootte == len(groot)


def test_ophalen_zonder_api_kanaal_wordt_geweigerd_en_bericht_blijft_voor_de_brievenbus(
    client, partijen, wmo301
):
    gemeente, aanbieder = partijen
    Berichtkanaal.objects.create(organisatie=aanbieder, transport=Transport.BESTAND)
    bericht = services.ontvang(wmo301, afzender=gemeente, ontvanger=aanbieder, transport="api")
    _, sleutel = nieuwe_token(organisatie=aanbieder, naam="Verkeerd kanaal")

    assert get(client, URL, sleutel).status_code == 403
    assert get(client, f"{URL}{bericht.pk}/", sleutel).status_code == 403
    bericht.refresh_from_db()
    assert bericht.opgehaald_op is None


def test_ophalen_via_de_api_wordt_gelogd(client, partijen, gemeente_api, wmo301):
    from wmoketen.audit.models import AuditRegel

    antwoord = post(client, wmo301, gemeente_api)
    pk = antwoord.json()["id"]

    assert get(client, f"{URL}{pk}/", gemeente_api).status_code == 200
    regel = AuditRegel.objects.get(actie="bericht.opgehaald")
    assert (regel.gebruikersnaam, regel.organisatie_id, regel.object_id) == (
        "api:Suite",
        partijen[0].pk,
        str(pk),
    )
