"""At most MAX_FOUTEN errors are kept and shown per message; ``fouten_totaal`` counts them all
(issue #16: 200,000 XSD errors made a 50 MB API answer and a 65 MB detail page)."""

import pytest

from istandaarden.samples import lees
from wmoketen.accounts.constants import Rol
from wmoketen.berichten import services
from wmoketen.berichten.api.authenticatie import nieuwe_token
from wmoketen.berichten.api.serializers import OntvangstSerializer
from wmoketen.berichten.brievenbus.uitvoer import foutrapport
from wmoketen.berichten.constants import Status, Transport
from wmoketen.berichten.models import Bericht, Berichtkanaal
from wmoketen.factories import AanbiederFactory, GebruikerFactory

FOUT = {"code": "XSD", "retourcode": None, "xpath": None, "line": 19, "message": "Fout."}


def met_xsd_fouten(aantal: int) -> bytes:
    """The official WMO301 with ``aantal`` attributes the XSD forbids: one error each."""
    attributen = b" ".join(b'a%d="x"' % i for i in range(aantal))
    return lees("WMO301").replace(b"<wmo301:Bsn>", b"<wmo301:Bsn " + attributen + b">", 1)


def ontvang(partijen, data: bytes) -> Bericht:
    gemeente, aanbieder = partijen
    return services.ontvang(data, afzender=gemeente, ontvanger=aanbieder, transport="api")


@pytest.fixture
def afgekeurd(partijen) -> Bericht:
    bericht = ontvang(partijen, met_xsd_fouten(250))
    bericht.refresh_from_db()
    return bericht


def test_pipeline_bewaart_de_eerste_100_en_het_totaal(afgekeurd):
    assert afgekeurd.status == Status.AFGEKEURD
    assert (len(afgekeurd.fouten), afgekeurd.fouten_totaal) == (100, 250)
    assert "attribute 'a0'" in afgekeurd.fouten[0]["message"]
    assert "attribute 'a99'" in afgekeurd.fouten[-1]["message"]


def test_totaal_bij_onleesbaar_verkeerde_ontvanger_en_regelfout(partijen):
    gemeente, _ = partijen
    onleesbaar = ontvang(partijen, b"geen xml")
    verkeerd = services.ontvang(
        lees("WMO301"),
        afzender=gemeente,
        ontvanger=AanbiederFactory(agb_code="11110000"),
        transport="api",
    )
    regelfout = services.ontvang(
        lees("WMO317"),  # breaks TR380
        afzender=AanbiederFactory(agb_code="65656055"),
        ontvanger=gemeente,
        transport="api",
    )

    for bericht, code in ((onleesbaar, "PARSE"), (verkeerd, "ADRES"), (regelfout, "TR380")):
        bericht.refresh_from_db()
        assert [f["code"] for f in bericht.fouten] == [code]
        assert bericht.fouten_totaal == 1


def test_verstuur_noemt_de_eerste_100_en_hoeveel_nog(partijen):
    gemeente, aanbieder = partijen

    with pytest.raises(services.OngeldigBericht) as geweigerd:
        services.verstuur(
            met_xsd_fouten(250), afzender=gemeente, ontvanger=aanbieder, naam="WMO301"
        )

    meldingen = geweigerd.value.messages
    assert len(meldingen) == 1 + 100 + 1
    assert meldingen[0].startswith("Het WMO301-bericht voldoet niet aan de standaard")
    assert all(m.startswith("XSD: ") for m in meldingen[1:101])
    assert meldingen[-1] == "… en nog 150 fouten (250 in totaal)."
    assert not Bericht.objects.exists()


def test_api_geeft_de_eerste_100_en_fouten_totaal(client, partijen):
    gemeente, _ = partijen
    Berichtkanaal.objects.create(organisatie=gemeente, transport=Transport.API)
    sleutel = nieuwe_token(organisatie=gemeente, naam="Suite")[1]

    antwoord = client.post(
        "/api/v1/berichten/?ontvanger=42420001",
        data=met_xsd_fouten(250),
        content_type="application/xml",
        HTTP_AUTHORIZATION=f"Token {sleutel}",
    )

    body = antwoord.json()
    assert (antwoord.status_code, body["status"]) == (201, "afgekeurd")
    assert (len(body["fouten"]), body["fouten_totaal"]) == (100, 250)


def test_api_kort_ook_een_rij_van_voor_de_limiet_in(afgekeurd, rf):
    Bericht.objects.filter(pk=afgekeurd.pk).update(fouten=[FOUT] * 150, fouten_totaal=150)
    afgekeurd.refresh_from_db()

    data = OntvangstSerializer(afgekeurd, context={"request": rf.get("/")}).data

    assert (len(data["fouten"]), data["fouten_totaal"]) == (100, 150)


def test_detailpagina_toont_de_eerste_100_van_het_totaal(client, partijen, afgekeurd):
    client.force_login(GebruikerFactory(organisatie=partijen[0], rol=Rol.BACKOFFICE))

    html = client.get(f"/berichten/{afgekeurd.pk}/").content.decode()

    assert '<h2 id="fouten">Fouten (250)</h2>' in html
    assert "Eerste 100 van 250 fouten" in html
    assert html.count("<tr><td>XSD</td>") == 100


def test_detailpagina_telt_op_zijn_nederlands(client, partijen, afgekeurd):
    Bericht.objects.filter(pk=afgekeurd.pk).update(fouten=[FOUT] * 150, fouten_totaal=200_000)
    client.force_login(GebruikerFactory(organisatie=partijen[0], rol=Rol.BACKOFFICE))

    html = client.get(f"/berichten/{afgekeurd.pk}/").content.decode()

    assert '<h2 id="fouten">Fouten (200.000)</h2>' in html
    assert "Eerste 100 van 200.000 fouten" in html
    assert html.count("<tr><td>XSD</td>") == 100


def test_detailpagina_zonder_weggelaten_fouten_noemt_geen_telling(client, partijen):
    bericht = ontvang(partijen, met_xsd_fouten(3))
    client.force_login(GebruikerFactory(organisatie=partijen[0], rol=Rol.BACKOFFICE))

    html = client.get(f"/berichten/{bericht.pk}/").content.decode()

    assert '<h2 id="fouten">Fouten (3)</h2>' in html and "Eerste " not in html


def test_foutrapport_noemt_de_eerste_100_en_hoeveel_nog(afgekeurd):
    rapport = foutrapport(afgekeurd)

    assert "\n100. [XSD]" in rapport and "\n101. " not in rapport
    assert rapport.endswith("\n… en nog 150 fouten (250 in totaal).\n")
