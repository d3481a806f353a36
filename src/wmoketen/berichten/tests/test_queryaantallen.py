"""The message pages at scale: a fixed number of queries whatever the number of messages, no
body read where none is shown, the XML parsed once per detail page, and a bounded count."""

import io
from datetime import UTC, datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from istandaarden.samples import lees
from wmoketen.accounts.constants import Rol
from wmoketen.berichten import herstel, queries, services
from wmoketen.berichten.brievenbus import te_exporteren
from wmoketen.berichten.constants import Status, Transport
from wmoketen.berichten.models import Bericht, Berichtkanaal
from wmoketen.factories import AanbiederFactory, GebruikerFactory
from wmoketen.gedeeld import paginering
from wmoketen.testhulp import aantal_queries

from .hulp import kaal_bericht, ontvang

STATUSSEN = [Status.VERWERKT, Status.AFGEKEURD, Status.RETOUR_VERZONDEN, Status.FOUT_BIJ_VERWERKING]


def vul(gemeente, aantal: int) -> None:
    """``aantal`` messages of the gemeente with as many counterparties, statuses, directions
    and retours as there are messages (what a page could do per row)."""
    for i in range(Bericht.objects.count(), aantal):
        aanbieder = AanbiederFactory()
        afzender, ontvanger = (gemeente, aanbieder) if i % 2 else (aanbieder, gemeente)
        heen = kaal_bericht(afzender, ontvanger, status=STATUSSEN[i % 4], identificatie=f"H{i}")
        if i % 3 == 0:
            kaal_bericht(ontvanger, afzender, status=Status.VERZONDEN, heenbericht=heen)


@pytest.fixture
def gemeente(partijen):
    return partijen[0]


@pytest.fixture
def ingelogd(client, gemeente):
    client.force_login(GebruikerFactory(organisatie=gemeente, rol=Rol.FUNCTIONEEL_BEHEERDER))
    return client


def zonder_sql_met_inhoud(client, url: str) -> list[str]:
    """The queries of one GET of ``url`` that read a message body."""
    with CaptureQueriesContext(connection) as vastgelegd:
        assert client.get(url).status_code == 200
    return [q["sql"] for q in vastgelegd if '"inhoud"' in q["sql"]]


# ------------------------------------------------------------------------- query counts


@pytest.mark.parametrize(
    "url",
    [
        "/berichten/",
        "/berichten/?status=afgekeurd",
        "/berichten/?richting=in&standaard=iwmo&bericht=301",
        "/berichten/?van=2020-01-01&tot=2099-12-31",
        "/berichten/?p=2",
        "/berichten/vastgelopen/",
    ],
)
def test_een_lijst_doet_even_veel_queries_bij_10_en_bij_100_berichten(ingelogd, gemeente, url):
    vul(gemeente, 10)
    bij_10 = aantal_queries(ingelogd, url)

    vul(gemeente, 100)

    assert aantal_queries(ingelogd, url) == bij_10


def test_filter_op_tegenpartij_doet_even_veel_queries_bij_10_en_bij_100_berichten(
    ingelogd, gemeente
):
    vul(gemeente, 10)
    tegenpartij = Bericht.objects.filter(ontvanger=gemeente).first().afzender
    url = f"/berichten/?tegenpartij={tegenpartij.pk}"
    bij_10 = aantal_queries(ingelogd, url)

    vul(gemeente, 100)

    assert aantal_queries(ingelogd, url) == bij_10


def test_de_tellingen_van_de_startpagina_zijn_twee_queries(gemeente, django_assert_num_queries):
    vul(gemeente, 40)

    with django_assert_num_queries(2):
        aantallen = queries.aantallen_per_status(gemeente)

    assert sum(a.aantal for a in aantallen) == Bericht.objects.count()


# ------------------------------------------------------------------------- the body


def test_lijsten_lezen_geen_inhoud(ingelogd, gemeente):
    vul(gemeente, 12)
    lijsten = [
        queries.filter_berichten(gemeente),
        queries.berichten_voor(gemeente),
        herstel.voor_beheer(gemeente),
        Bericht.objects.all(),
        Bericht.objects.voor_organisatie(gemeente),
    ]
    for berichten in lijsten:
        assert all("inhoud" in b.get_deferred_fields() for b in berichten)
    # A list shows no errors either.
    assert all("fouten" in b.get_deferred_fields() for b in queries.filter_berichten(gemeente))
    for url in ["/berichten/", "/berichten/?status=afgekeurd", "/berichten/vastgelopen/"]:
        assert zonder_sql_met_inhoud(ingelogd, url) == []


def test_detail_en_download_lezen_de_inhoud_in_een_query(ingelogd, partijen):
    gemeente, aanbieder = partijen
    heen = ontvang(lees("WMO301"), gemeente, aanbieder)

    assert len(zonder_sql_met_inhoud(ingelogd, f"/berichten/{heen.pk}/")) == 1
    download = ingelogd.get(f"/berichten/{heen.pk}/inhoud/")

    assert b"".join(download.streaming_content if download.streaming else [download.content]) == (
        lees("WMO301")
    )
    assert "Voorbeeldaanbieder" in ingelogd.get(f"/berichten/{heen.pk}/").content.decode()


def test_een_bericht_zonder_inhoud_geladen_leest_die_bij_gebruik_en_schrijft_die_niet(partijen):
    gemeente, aanbieder = partijen
    bericht = ontvang(lees("WMO301"), gemeente, aanbieder)
    geladen = Bericht.objects.get(pk=bericht.pk)
    assert "inhoud" in geladen.get_deferred_fields()

    geladen.foutmelding = "gezien"
    with CaptureQueriesContext(connection) as vastgelegd:
        geladen.save()

    [update] = [q["sql"] for q in vastgelegd]
    assert update.startswith("UPDATE") and '"inhoud"' not in update
    assert '"foutmelding"' in update
    assert Bericht.objects.get(pk=bericht.pk).bytes == lees("WMO301")  # one query more
    assert Bericht.objects.met_inhoud().get(pk=bericht.pk).get_deferred_fields() == set()


def test_dump_leest_alle_inhoud_in_een_vast_aantal_queries(partijen, tmp_path):
    gemeente, aanbieder = partijen
    for i in range(3):
        kaal_bericht(gemeente, aanbieder, inhoud=f"<x{i}/>".encode())
    with CaptureQueriesContext(connection) as bij_3:
        call_command("berichten_dump", str(tmp_path / "a"), stdout=io.StringIO())
    for i in range(3, 30):
        kaal_bericht(gemeente, aanbieder, inhoud=f"<x{i}/>".encode())

    with CaptureQueriesContext(connection) as bij_30:
        call_command("berichten_dump", str(tmp_path / "b"), stdout=io.StringIO())

    assert len(bij_30) == len(bij_3)
    assert sorted(p.read_bytes() for p in (tmp_path / "b").iterdir()) == sorted(
        f"<x{i}/>".encode() for i in range(30)
    )


def test_de_export_laadt_de_inhoud_mee(partijen):
    gemeente, aanbieder = partijen
    Berichtkanaal.objects.create(organisatie=aanbieder, transport=Transport.BESTAND)
    bericht = kaal_bericht(gemeente, aanbieder, status=Status.VERZONDEN)
    Bericht.objects.filter(pk=bericht.pk).update(transport=Transport.BESTAND)

    [bericht] = te_exporteren()

    assert bericht.get_deferred_fields() == set()


# ----------------------------------------------------------------- parsed once per page


def test_de_detailpagina_ontleedt_het_bericht_een_keer(ingelogd, partijen, monkeypatch):
    gemeente, _ = partijen
    # A 317 rejected on TR380: its retour carries 0001.
    heen = ontvang(lees("WMO317"), AanbiederFactory(agb_code="65656055"), gemeente)
    retour = heen.retour
    # A retour without stored codes: the page reads them from its content.
    Bericht.objects.filter(pk=retour.pk).update(retourcodes=[])
    aanroepen = []
    echt = queries.parse_bytes

    def tel(data, **kwargs):
        aanroepen.append(len(data))
        return echt(data, **kwargs)

    monkeypatch.setattr(queries, "parse_bytes", tel)
    monkeypatch.setattr(services, "parse_bytes", tel)

    antwoord = ingelogd.get(f"/berichten/{retour.pk}/")

    assert aanroepen == [retour.grootte]
    assert [code for code, _ in antwoord.context["retourcodes"]] == ["0001"]
    assert antwoord.context["weergave"].samenvatting  # the summary still bound the tree
    assert "RetourCode" in antwoord.context["weergave"].xml


# ----------------------------------------------------------------------- bounded count


def test_de_telling_van_een_lange_lijst_is_begrensd(ingelogd, gemeente, monkeypatch):
    monkeypatch.setattr(paginering, "GRENS", 5)
    aanbieder = AanbiederFactory()
    for i in range(7):
        kaal_bericht(aanbieder, gemeente, identificatie=f"B{i}")

    antwoord = ingelogd.get("/berichten/")

    pagina = antwoord.context["pagina"]
    assert (pagina.paginator.count, pagina.paginator.begrensd) == (5, True)
    assert len(pagina) == 5  # never beyond the bound
    html = antwoord.content.decode()
    assert "Meer dan 5 berichten: alleen de nieuwste 5 zijn te bekijken." in html


def test_de_telling_onder_de_grens_is_exact(ingelogd, gemeente):
    aanbieder = AanbiederFactory()
    for i in range(3):
        kaal_bericht(aanbieder, gemeente, identificatie=f"B{i}")

    antwoord = ingelogd.get("/berichten/")

    assert antwoord.context["pagina"].paginator.begrensd is False
    assert "3 berichten." in antwoord.content.decode()


def test_periode_is_een_bereik_in_de_lokale_tijd(ingelogd, gemeente):
    aanbieder = AanbiederFactory()
    bericht = kaal_bericht(aanbieder, gemeente)
    # 23:30 UTC on 31 January is 1 February in Amsterdam.
    moment = datetime(2026, 1, 31, 23, 30, tzinfo=UTC)
    Bericht.objects.filter(pk=bericht.pk).update(ontvangen_op=moment)

    def aantal(query: str) -> int:
        return ingelogd.get(f"/berichten/?{query}").context["pagina"].paginator.count

    assert aantal("van=2026-02-01&tot=2026-02-01") == 1
    assert aantal("tot=2026-01-31") == 0
    assert queries.ontvangen_tussen(None, None).children == []
