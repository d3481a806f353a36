"""The berichtenverkeer pages: list, detail, reprocessing, start page counts, admin."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from django.utils.html import escape

from istandaarden.samples import lees
from wmoketen.accounts.constants import Rol
from wmoketen.audit.models import AuditRegel
from wmoketen.berichten import queries
from wmoketen.berichten.constants import Status
from wmoketen.berichten.models import ApiToken, Bericht, Berichtkanaal
from wmoketen.factories import AanbiederFactory, GebruikerFactory, GemeenteFactory

from .hulp import kaal_bericht, ontvang

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def wmo301_tussen(gemeente, aanbieder, identificatie: str = "123456789012") -> bytes:
    """The official WMO301 example, addressed from ``gemeente`` to ``aanbieder``."""
    return (
        lees("WMO301")
        .replace(b"<wmo301:Afzender>0384<", f"<wmo301:Afzender>{gemeente.code}<".encode())
        .replace(b"<wmo301:Ontvanger>42420001<", f"<wmo301:Ontvanger>{aanbieder.code}<".encode())
        .replace(b">123456789012<", f">{identificatie}<".encode())
    )


@pytest.fixture
def gebruikers(partijen):
    gemeente, aanbieder = partijen
    return {
        "backoffice": GebruikerFactory(organisatie=gemeente, rol=Rol.BACKOFFICE),
        "consulent": GebruikerFactory(organisatie=gemeente, rol=Rol.TOEGANGSMEDEWERKER),
        "fb_gemeente": GebruikerFactory(organisatie=gemeente, rol=Rol.FUNCTIONEEL_BEHEERDER),
        "medewerker": GebruikerFactory(organisatie=aanbieder, rol=Rol.AANBIEDER),
        "fb_aanbieder": GebruikerFactory(organisatie=aanbieder, rol=Rol.FUNCTIONEEL_BEHEERDER),
    }


@pytest.fixture
def derden(db):
    """A gemeente and an aanbieder that exchange a message the parties have no part in."""
    gemeente = GemeenteFactory(naam="Derdestad", gemeentecode="0363")
    aanbieder = AanbiederFactory(naam="Derde Zorg", agb_code="87654321")
    bericht = ontvang(wmo301_tussen(gemeente, aanbieder, "999999999999"), gemeente, aanbieder)
    assert bericht.status == Status.RETOUR_VERZONDEN
    fb = GebruikerFactory(organisatie=aanbieder, rol=Rol.FUNCTIONEEL_BEHEERDER)
    return {"gemeente": gemeente, "aanbieder": aanbieder, "bericht": bericht, "fb": fb}


@pytest.fixture
def verkeer(partijen, derden):
    """Messages of the gemeente 0384: a 301 with its retour, a rejected 301, a 317 of a
    second aanbieder rejected on TR380, and the third parties' own messages."""
    gemeente, aanbieder = partijen
    heen = ontvang(lees("WMO301"), gemeente, aanbieder)
    ongeldig = (
        lees("WMO301")
        .replace(b">123456789012<", b">123456789013<")
        .replace(b"<wmo301:Geslacht>", b"<wmo301:Geslacht>9", 1)
    )
    afgekeurd = ontvang(ongeldig, gemeente, aanbieder)
    tweede = AanbiederFactory(naam="Tweede Zorg", agb_code="65656055")
    verzoek = ontvang(lees("WMO317"), tweede, gemeente)
    assert (heen.status, afgekeurd.status, verzoek.status) == (
        Status.RETOUR_VERZONDEN,
        Status.AFGEKEURD,
        Status.AFGEKEURD,
    )
    return {
        "heen": heen,
        "retour": heen.retour,
        "afgekeurd": afgekeurd,
        "verzoek": verzoek,
        "tweede": tweede,
        "retour317": verzoek.retour,
    }


def rijen(antwoord) -> list[tuple]:
    return [(b.naam, b.identificatie, b.inkomend) for b in antwoord.context["pagina"]]


# ---------------------------------------------------------------------------------- lijst


def test_lijst_toont_eigen_berichten_met_richting_tegenpartij_en_status(
    client, gebruikers, verkeer
):
    client.force_login(gebruikers["backoffice"])

    antwoord = client.get("/berichten/")

    assert antwoord.status_code == 200
    assert rijen(antwoord) == [
        ("WMO318", verkeer["retour317"].identificatie, False),
        ("WMO317", "987654321", True),
        ("WMO301", "123456789013", False),
        ("WMO302", verkeer["retour"].identificatie, True),
        ("WMO301", "123456789012", False),
    ]
    html = antwoord.content.decode()
    assert "5 berichten." in html
    # The sender's view: the 301 got a retour without errors; the 317 it received is rejected.
    assert '<span class="status status--retour_ontvangen">Retour ontvangen</span>' in html
    assert '<span class="status status--afgekeurd">Afgekeurd</span>' in html
    assert '<span class="richting richting--in">in</span>' in html
    assert "Tweede Zorg" in html and "Voorbeeldaanbieder" in html
    assert '<abbr title="Bericht is afgekeurd om technische redenen.">0001</abbr>' in html
    assert '<a href="/berichten/">Berichten</a>' in html  # the menu entry
    # The third parties' messages (Derdestad ↔ Derde Zorg) never appear.
    assert "999999999999" not in html and "Derdestad" not in html


def test_de_aanbieder_ziet_alleen_zijn_eigen_berichten(client, gebruikers, verkeer):
    client.force_login(gebruikers["medewerker"])

    antwoord = client.get("/berichten/")

    assert rijen(antwoord) == [
        ("WMO301", "123456789013", True),
        ("WMO302", verkeer["retour"].identificatie, False),
        ("WMO301", "123456789012", True),
    ]
    assert "Tweede Zorg" not in antwoord.content.decode()


@pytest.mark.parametrize(
    ("filter", "verwacht"),
    [
        ("bericht=302", [("WMO302", True)]),
        ("status=afgekeurd", [("WMO317", True), ("WMO301", False)]),
        ("richting=in", [("WMO317", True), ("WMO302", True)]),
        ("richting=uit&bericht=301", [("WMO301", False), ("WMO301", False)]),
        ("standaard=ijw", []),
        ("standaard=iwmo&status=retour_verzonden", [("WMO301", False)]),
    ],
)
def test_lijst_filters(client, gebruikers, verkeer, filter, verwacht):
    client.force_login(gebruikers["backoffice"])

    antwoord = client.get(f"/berichten/?{filter}")

    assert [(naam, inkomend) for naam, _, inkomend in rijen(antwoord)] == verwacht


def test_filter_op_tegenpartij_kent_alleen_eigen_tegenpartijen(client, gebruikers, verkeer, derden):
    client.force_login(gebruikers["backoffice"])

    antwoord = client.get(f"/berichten/?tegenpartij={verkeer['tweede'].pk}")

    assert [naam for naam, _, _ in rijen(antwoord)] == ["WMO318", "WMO317"]
    keuzes = [str(o) for o in antwoord.context["form"].fields["tegenpartij"].queryset]
    assert keuzes == ["Tweede Zorg", "Voorbeeldaanbieder"]
    # An organisation it never exchanged messages with is refused; the filter is ignored.
    vreemd = client.get(f"/berichten/?tegenpartij={derden['aanbieder'].pk}")
    assert len(rijen(vreemd)) == 5
    assert "Tegenpartij: Selecteer een geldige keuze." in vreemd.content.decode()


def test_filter_op_periode(client, gebruikers, verkeer):
    client.force_login(gebruikers["backoffice"])
    januari = datetime(2026, 1, 31, 23, 30, tzinfo=AMSTERDAM)  # still 31 January in NL
    Bericht.objects.filter(pk=verkeer["afgekeurd"].pk).update(ontvangen_op=januari)

    januari_rijen = rijen(client.get("/berichten/?van=2026-01-01&tot=2026-01-31"))
    vanaf_februari = rijen(client.get("/berichten/?van=2026-02-01"))
    omgedraaid = client.get("/berichten/?van=2026-02-01&tot=2026-01-01")

    assert januari_rijen == [("WMO301", "123456789013", False)]
    assert len(vanaf_februari) == 4 and ("WMO301", "123456789013", False) not in vanaf_februari
    assert "Ontvangen tot en met: Deze datum ligt voor de datum &#x27;Ontvangen vanaf&#x27;." in (
        omgedraaid.content.decode()
    )
    assert len(rijen(omgedraaid)) == 4  # only the valid 'van' applies


@pytest.mark.parametrize("dag", ["0001-01-01", "9999-12-31"])
def test_een_periode_buiten_de_kalender_is_een_fout_en_geen_500(client, gebruikers, verkeer, dag):
    client.force_login(gebruikers["backoffice"])

    antwoord = client.get(f"/berichten/?van={dag}&tot={dag}")

    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Ontvangen vanaf: Kies een datum" in html and "Ontvangen tot en met: Kies een" in html
    assert len(rijen(antwoord)) == 5  # the invalid period is ignored


def test_paginering_behoudt_de_filters(client, gebruikers, partijen):
    gemeente, aanbieder = partijen
    for i in range(26):
        kaal_bericht(gemeente, aanbieder, identificatie=f"ID{i:03d}")
    kaal_bericht(gemeente, aanbieder, identificatie="ANDERS", status=Status.VERWERKT)
    client.force_login(gebruikers["backoffice"])

    eerste = client.get("/berichten/?status=ontvangen")
    tweede = client.get("/berichten/?status=ontvangen&p=2")

    assert len(rijen(eerste)) == 25
    assert rijen(tweede) == [("WMO301", "ID000", False)]
    assert 'href="/berichten/?status=ontvangen&amp;p=2"' in eerste.content.decode()
    assert "Pagina 2 van 2" in tweede.content.decode()


def test_htmx_vraagt_alleen_de_tabel(client, gebruikers, verkeer):
    client.force_login(gebruikers["backoffice"])

    antwoord = client.get("/berichten/?status=afgekeurd", HTTP_HX_REQUEST="true")

    html = antwoord.content.decode()
    assert [t.name for t in antwoord.templates] == [
        "berichten/_tabel.html",
        "berichten/_status.html",
        "berichten/_status.html",
        "portaal/_paginering.html",
    ]
    assert html.startswith("\n<p>2 berichten.</p>") and "<form" not in html
    assert antwoord["Vary"] == "HX-Request, Accept-Language, Cookie"


@pytest.mark.parametrize("rol", ["consulent"])
def test_rollen_zonder_berichtenverkeer_krijgen_403_en_geen_menu(client, gebruikers, verkeer, rol):
    client.force_login(gebruikers[rol])

    assert client.get("/berichten/").status_code == 403
    assert client.get(f"/berichten/{verkeer['heen'].pk}/").status_code == 403
    assert "/berichten/" not in client.get("/").content.decode()
    assert not AuditRegel.objects.filter(actie="bericht.gelezen").exists()


# --------------------------------------------------------------------------------- detail


def test_detail_toont_samenvatting_xml_geescaped_retour_en_logt_het_lezen(
    client, gebruikers, verkeer
):
    gebruiker = gebruikers["medewerker"]
    client.force_login(gebruiker)
    heen, retour = verkeer["heen"], verkeer["retour"]

    antwoord = client.get(f"/berichten/{heen.pk}/")

    html = antwoord.content.decode()
    assert "<h1>WMO301 123456789012</h1>" in html
    assert "Toewijzing, ontvangen van Voorbeeldgemeente." in html
    assert "<dt>Afzender</dt><dd>Voorbeeldgemeente (0384)</dd>" in html
    assert '<li class="samenvatting__niveau-0">Afzender: 0384 (gemeente)</li>' in html
    assert (
        '<li class="samenvatting__niveau-1">Cliënt BSN 999900006 (geboren 1967-08-13, T de Wit)'
        "</li>"
    ) in html
    assert "&lt;wmo301:Afzender&gt;0384&lt;/wmo301:Afzender&gt;" in html
    assert "<wmo301:Afzender>" not in html
    assert (
        f'<dt>Retour</dt><dd><a href="/berichten/{retour.pk}/">WMO302 {retour.identificatie}</a>'
    ) in html
    assert "<dt>Retourcodes</dt>" not in html and "<p>Geen retourcodes.</p>" in html
    assert "Opnieuw verwerken" not in html
    regel = AuditRegel.objects.get(actie="bericht.gelezen")
    assert (regel.gebruiker, regel.object_type, regel.object_id, regel.omschrijving) == (
        gebruiker,
        "berichten.bericht",
        str(heen.pk),
        "WMO301 123456789012",
    )


def test_retour_linkt_terug_naar_zijn_heenbericht(client, gebruikers, verkeer):
    client.force_login(gebruikers["backoffice"])
    heen, retour = verkeer["heen"], verkeer["retour"]

    html = client.get(f"/berichten/{retour.pk}/").content.decode()

    assert (
        f'<dt>Retour op</dt><dd><a href="/berichten/{heen.pk}/">WMO301 123456789012</a>'
    ) in html
    assert "<p>Geen retourcodes.</p>" in html  # a clean retour carries none


def test_retour_met_fouten_toont_zijn_retourcodes(client, gebruikers, verkeer):
    client.force_login(gebruikers["backoffice"])

    html = client.get(f"/berichten/{verkeer['retour317'].pk}/").content.decode()

    assert "<td>0001</td><td>Bericht is afgekeurd om technische redenen.</td>" in html
    assert "Retourcode 0001: Bericht is afgekeurd om technische redenen." in html  # summary


def test_detail_legt_fouten_en_retourcodes_uit(client, gebruikers, verkeer):
    client.force_login(gebruikers["backoffice"])

    html = client.get(f"/berichten/{verkeer['verzoek'].pk}/").content.decode()

    assert '<h2 id="fouten">Fouten (1)</h2>' in html
    assert (
        "<td>TR380</td><td>GewensteIngangsdatum 02-04-2023 moet na de dagtekening van het "
        "bericht (02-04-2023) liggen.</td>\n      <td>0001: Bericht is afgekeurd om technische "
        "redenen.</td>"
    ) in html
    assert "<td>0001</td><td>Bericht is afgekeurd om technische redenen.</td>" in html
    assert "regel 41" in html


def test_dubbele_identificatie_toont_9056_en_het_eerdere_bericht(
    client, gebruikers, partijen, wmo301
):
    gemeente, aanbieder = partijen
    eerste = ontvang(wmo301, gemeente, aanbieder)
    anders = wmo301.replace(b"<wmo301:Commentaar>", b"<wmo301:Commentaar>Gewijzigd ", 1)
    tweede = ontvang(anders, gemeente, aanbieder)
    client.force_login(gebruikers["medewerker"])

    html = client.get(f"/berichten/{tweede.pk}/").content.decode()

    assert "<td>9056</td><td>Identificatie moet uniek zijn.</td>" in html
    assert (
        f'<dt>Eerder ontvangen</dt><dd><a href="/berichten/{eerste.pk}/">WMO301 123456789012</a>'
    ) in html


def test_eerder_bericht_aan_een_andere_ontvanger_wordt_niet_gelinkt(client, partijen):
    """TR056 is per sender: the earlier message may belong to another receiver."""
    gemeente, aanbieder = partijen
    andere = AanbiederFactory(naam="Geheime Zorg", agb_code="11110000")
    eerste = ontvang(wmo301_tussen(gemeente, andere), gemeente, andere)
    tweede = ontvang(lees("WMO301"), gemeente, aanbieder)
    assert tweede.origineel == eerste
    client.force_login(GebruikerFactory(organisatie=aanbieder, rol=Rol.AANBIEDER))

    html = client.get(f"/berichten/{tweede.pk}/").content.decode()

    assert "De afzender gebruikte deze identificatie al voor een bericht aan een andere " in html
    assert f"/berichten/{eerste.pk}/" not in html and "Geheime Zorg" not in html


@pytest.mark.parametrize(
    "inhoud",
    [
        b"<script>alert(1)</script>",
        b'<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>',
    ],
)
def test_onleesbare_invoer_wordt_geescaped_getoond(client, gebruikers, partijen, inhoud):
    gemeente, aanbieder = partijen
    bericht = ontvang(inhoud, gemeente, aanbieder)
    client.force_login(gebruikers["medewerker"])

    html = client.get(f"/berichten/{bericht.pk}/").content.decode()

    assert "<h1>ONBEKEND </h1>" in html
    assert inhoud.decode() not in html
    assert f'<pre class="xml" tabindex="0"><code>{escape(inhoud.decode())}</code>' in html
    assert "<p>Het bericht kan niet gelezen worden: " in html


def test_groot_bericht_wordt_ingekort_met_een_melding(client, gebruikers, verkeer, monkeypatch):
    monkeypatch.setattr(queries, "MAX_TEKENS", 200)
    client.force_login(gebruikers["medewerker"])
    volledig = queries.weergave(verkeer["heen"]).tekens

    html = client.get(f"/berichten/{verkeer['heen'].pk}/").content.decode()

    assert (
        f"Het bericht is groot ({volledig} tekens); hieronder staan de eerste 200 tekens. "
        "Download het bericht voor de volledige inhoud."
    ) in html
    assert "Cliënt BSN 999900006" in html  # the summary stays complete


def test_download_geeft_de_onveranderde_bytes_en_logt(client, gebruikers, verkeer):
    client.force_login(gebruikers["medewerker"])
    heen = verkeer["heen"]

    antwoord = client.get(f"/berichten/{heen.pk}/inhoud/")

    assert antwoord.content == lees("WMO301")
    assert antwoord["Content-Type"] == "application/octet-stream"
    assert antwoord["Content-Disposition"] == f'attachment; filename="WMO301-{heen.pk}.xml"'
    assert (
        AuditRegel.objects.filter(actie="bericht.gedownload", object_id=str(heen.pk)).count() == 1
    )


def test_bericht_van_een_ander_bestaat_niet(client, gebruikers, derden):
    client.force_login(gebruikers["fb_aanbieder"])
    pk = derden["bericht"].pk

    assert client.get(f"/berichten/{pk}/").status_code == 404
    assert client.get(f"/berichten/{pk}/inhoud/").status_code == 404
    assert client.post(f"/berichten/{pk}/herverwerken/").status_code == 404
    assert not AuditRegel.objects.filter(object_type="berichten.bericht").exists()


# ------------------------------------------------------------------------ opnieuw verwerken


@pytest.fixture
def in_fout(partijen, handlers):
    """A WMO301 whose handler fails the first time and succeeds after that."""
    pogingen = []

    def eenmaal_kapot(ontvangen):
        pogingen.append(ontvangen.bericht.pk)
        if len(pogingen) == 1:
            raise RuntimeError("database even weg")

    handlers[("iwmo", 301)] = eenmaal_kapot
    gemeente, aanbieder = partijen
    bericht = ontvang(lees("WMO301"), gemeente, aanbieder)
    assert bericht.status == Status.FOUT_BIJ_VERWERKING
    return bericht, pogingen


def test_fb_van_de_ontvanger_verwerkt_opnieuw(client, gebruikers, in_fout):
    bericht, pogingen = in_fout
    client.force_login(gebruikers["fb_aanbieder"])
    detail = client.get(f"/berichten/{bericht.pk}/").content.decode()
    assert "<p>Foutmelding: <code>RuntimeError: database even weg</code></p>" in detail
    actie = f"/berichten/{bericht.pk}/herverwerken/"
    assert f'<form method="post" novalidate action="{actie}">' in detail
    assert '<button type="submit" class="knop">Opnieuw verwerken</button>' in detail

    antwoord = client.post(f"/berichten/{bericht.pk}/herverwerken/", follow=True)

    bericht.refresh_from_db()
    assert antwoord.redirect_chain == [(f"/berichten/{bericht.pk}/", 302)]
    assert bericht.status == Status.RETOUR_VERZONDEN and bericht.foutmelding == ""
    assert pogingen == [bericht.pk, bericht.pk]
    assert Bericht.objects.get(heenbericht=bericht).naam == "WMO302"
    assert "Bericht WMO301 123456789012 is opnieuw verwerkt. Status: Retour verzonden." in (
        antwoord.content.decode()
    )
    regel = AuditRegel.objects.get(actie="bericht.herverwerkt")
    assert (regel.gebruiker, regel.object_id) == (gebruikers["fb_aanbieder"], str(bericht.pk))


def test_opnieuw_mislukt_blijft_in_fout_met_melding(client, gebruikers, partijen, handlers):
    def altijd_kapot(ontvangen):
        raise ValueError("product onbekend")

    handlers[("iwmo", 301)] = altijd_kapot
    gemeente, aanbieder = partijen
    bericht = ontvang(lees("WMO301"), gemeente, aanbieder)
    client.force_login(gebruikers["fb_aanbieder"])

    antwoord = client.post(f"/berichten/{bericht.pk}/herverwerken/", follow=True)

    bericht.refresh_from_db()
    assert bericht.status == Status.FOUT_BIJ_VERWERKING
    assert "Opnieuw verwerken is weer mislukt: ValueError: product onbekend" in (
        antwoord.content.decode()
    )


@pytest.mark.parametrize(
    ("wie", "code"),
    [("fb_gemeente", 403), ("medewerker", 403), ("backoffice", 403), ("consulent", 403)],
)
def test_anderen_mogen_niet_opnieuw_verwerken(client, gebruikers, in_fout, wie, code):
    bericht, pogingen = in_fout
    client.force_login(gebruikers[wie])

    if wie != "consulent":
        detail = client.get(f"/berichten/{bericht.pk}/").content.decode()
        assert "Opnieuw verwerken</button>" not in detail
        assert (
            "Een functioneel beheerder van Voorbeeldaanbieder kan het bericht opnieuw verwerken."
        ) in detail
    antwoord = client.post(f"/berichten/{bericht.pk}/herverwerken/")

    assert antwoord.status_code == code
    bericht.refresh_from_db()
    assert bericht.status == Status.FOUT_BIJ_VERWERKING
    assert pogingen == [bericht.pk]
    assert not Bericht.objects.filter(heenbericht=bericht).exists()
    assert not AuditRegel.objects.filter(actie="bericht.herverwerkt").exists()


def test_fb_van_een_derde_organisatie_ziet_niets(client, derden, in_fout):
    bericht, pogingen = in_fout
    client.force_login(derden["fb"])

    assert client.post(f"/berichten/{bericht.pk}/herverwerken/").status_code == 404
    bericht.refresh_from_db()
    assert bericht.status == Status.FOUT_BIJ_VERWERKING and pogingen == [bericht.pk]


def test_herverwerken_alleen_met_post_en_alleen_bij_fout_of_wachtend(client, gebruikers, verkeer):
    client.force_login(gebruikers["fb_aanbieder"])
    heen = verkeer["heen"]

    assert client.get(f"/berichten/{heen.pk}/herverwerken/").status_code == 405
    antwoord = client.post(f"/berichten/{heen.pk}/herverwerken/", follow=True)

    assert (
        "Alleen een bericht met een fout bij verwerking of een bericht dat nog op verwerking "
        "wacht, kan opnieuw worden verwerkt." in antwoord.content.decode()
    )
    heen.refresh_from_db()
    assert heen.status == Status.RETOUR_VERZONDEN
    assert not AuditRegel.objects.filter(actie="bericht.herverwerkt").exists()


# ------------------------------------------------------------------------------ startpagina


def test_startpagina_telt_berichten_per_status(client, gebruikers, verkeer):
    client.force_login(gebruikers["backoffice"])
    van = (timezone.localdate() - timedelta(days=29)).isoformat()

    antwoord = client.get("/")

    [(blok, tellingen)] = antwoord.context["blokken"]
    assert blok.titel == "Berichtenverkeer"
    assert [tuple(t) for t in tellingen] == [
        (
            "Verzonden (laatste 30 dagen)",
            2,
            f"/berichten/?status=verzonden&van={van}",
            "tegel--verzonden",
        ),
        (
            "Afgekeurd (laatste 30 dagen)",
            2,
            f"/berichten/?status=afgekeurd&van={van}",
            "tegel--afgekeurd",
        ),
        (
            "Retour verzonden (laatste 30 dagen)",
            1,
            f"/berichten/?status=retour_verzonden&van={van}",
            "tegel--retour_verzonden",
        ),
    ]
    html = antwoord.content.decode()
    assert (
        '<li class="tegel tegel--afgekeurd"><a class="tegel__titel" '
        f'href="/berichten/?status=afgekeurd&amp;van={van}">Afgekeurd (laatste 30 dagen)</a> '
        '<span class="tegel__aantal">2</span>'
    ) in html


def test_startpagina_telt_een_venster_en_wat_aandacht_vraagt_ook_als_het_ouder_is(
    client, gebruikers, partijen
):
    """Older messages are left out of the counts (a bounded query), except those that need
    action; each count matches the list its tile links to."""
    gemeente, aanbieder = partijen
    client.force_login(gebruikers["backoffice"])
    oud = timezone.now() - timedelta(days=31)
    recent = timezone.now() - timedelta(days=29)
    for status, moment in [
        (Status.VERWERKT, oud),
        (Status.VERWERKT, recent),
        (Status.FOUT_BIJ_VERWERKING, oud),
        (Status.FOUT_BIJ_VERWERKING, recent),
    ]:
        bericht = kaal_bericht(aanbieder, gemeente, status=status)
        Bericht.objects.filter(pk=bericht.pk).update(ontvangen_op=moment)

    [(_, tellingen)] = client.get("/").context["blokken"]

    assert [(t.label, t.aantal) for t in tellingen] == [
        ("Verwerkt (laatste 30 dagen)", 1),
        ("Fout bij verwerking", 2),
    ]
    for telling in tellingen:
        assert client.get(telling.url).context["pagina"].paginator.count == telling.aantal


def test_startpagina_zonder_berichten_en_zonder_rol(client, gebruikers):
    client.force_login(gebruikers["medewerker"])
    leeg = "Geen berichten verzonden of ontvangen in de laatste 30 dagen."
    assert leeg in client.get("/").content.decode()

    client.force_login(gebruikers["consulent"])
    antwoord = client.get("/")
    assert antwoord.context["blokken"] == []
    assert "Berichtenverkeer" not in antwoord.content.decode()


def test_startpagina_telt_geen_berichten_van_anderen(client, gebruikers, derden):
    client.force_login(gebruikers["fb_aanbieder"])
    kaal_bericht(derden["gemeente"], derden["aanbieder"], status=Status.FOUT_BIJ_VERWERKING)

    [(_, tellingen)] = client.get("/").context["blokken"]

    assert tellingen == []


# ------------------------------------------------------------------------------------ beheer


def test_beheer_toont_berichten_alleen_lezen_en_eigen(client, gebruikers, verkeer, derden):
    client.force_login(gebruikers["fb_gemeente"])
    heen = verkeer["heen"]

    lijst = client.get("/beheer/berichten/bericht/")
    detail = client.get(f"/beheer/berichten/bericht/{heen.pk}/change/")
    wijzig = client.post(f"/beheer/berichten/bericht/{heen.pk}/change/", {"status": "verwerkt"})

    assert lijst.status_code == 200
    assert {b.pk for b in lijst.context["cl"].result_list} == {
        verkeer[k].pk for k in ("heen", "retour", "afgekeurd", "verzoek", "retour317")
    }
    assert detail.status_code == 200 and "Opslaan" not in detail.content.decode()
    assert wijzig.status_code == 403
    heen.refresh_from_db()
    assert heen.status == Status.RETOUR_VERZONDEN
    assert client.get(f"/beheer/berichten/bericht/{derden['bericht'].pk}/change/").status_code in (
        302,
        404,
    )
    assert AuditRegel.objects.filter(actie="bericht.gelezen", object_id=str(heen.pk)).count() == 1


def test_beheer_berichtkanaal_alleen_voor_de_eigen_organisatie(
    client, gebruikers, partijen, derden
):
    gemeente, _ = partijen
    Berichtkanaal.objects.create(organisatie=derden["gemeente"], transport="api")
    client.force_login(gebruikers["fb_gemeente"])

    formulier = client.get("/beheer/berichten/berichtkanaal/add/")
    keuzes = list(formulier.context["adminform"].form.fields["organisatie"].queryset)
    antwoord = client.post(
        "/beheer/berichten/berichtkanaal/add/", {"organisatie": gemeente.pk, "transport": "bestand"}
    )
    lijst = client.get("/beheer/berichten/berichtkanaal/")

    assert keuzes == [gemeente.organisatie_ptr]
    assert antwoord.status_code == 302
    assert Berichtkanaal.objects.get(organisatie=gemeente).transport == "bestand"
    assert [k.organisatie_id for k in lijst.context["cl"].result_list] == [gemeente.pk]
    assert client.get("/beheer/berichten/berichtkanaal/add/").status_code == 403  # one only
    assert AuditRegel.objects.filter(actie="berichtkanaal.toegevoegd").count() == 1


def test_beheer_api_tokens_zonder_sleutel(client, gebruikers, partijen, derden):
    gemeente, _ = partijen
    eigen = ApiToken.objects.create(
        organisatie=gemeente, naam="Koppeling GGk", sleutel_hash="a" * 64
    )
    ApiToken.objects.create(
        organisatie=derden["gemeente"], naam="Derde koppeling", sleutel_hash="b" * 64
    )
    client.force_login(gebruikers["fb_gemeente"])

    lijst = client.get("/beheer/berichten/apitoken/")
    detail = client.get(f"/beheer/berichten/apitoken/{eigen.pk}/change/")

    assert [t.naam for t in lijst.context["cl"].result_list] == ["Koppeling GGk"]
    assert "a" * 64 not in detail.content.decode() and "b" * 64 not in lijst.content.decode()
    assert client.get("/beheer/berichten/apitoken/add/").status_code == 403
    client.post(f"/beheer/berichten/apitoken/{eigen.pk}/change/", {"actief": ""})
    eigen.refresh_from_db()
    assert not eigen.actief


def test_tijdzone_van_de_lijst(client, gebruikers, partijen):
    """The received time is shown in Dutch time."""
    gemeente, aanbieder = partijen
    bericht = kaal_bericht(gemeente, aanbieder)
    Bericht.objects.filter(pk=bericht.pk).update(
        ontvangen_op=datetime(2026, 3, 1, 23, 30, tzinfo=ZoneInfo("UTC"))
    )
    client.force_login(gebruikers["backoffice"])

    assert "<td>02-03-2026 00:30</td>" in client.get("/berichten/").content.decode()
