"""The declaration pages of both sides (#21): what each shows, the forms and their Dutch
errors, the service calls behind the buttons, scoping (another organisation's declaration
answers 404), the audit trail of a page read, the menu and the worklist sources."""

import re

import pytest
from django.core.exceptions import ValidationError

from wmoketen.accounts.constants import Rol
from wmoketen.audit.models import AuditRegel
from wmoketen.declaraties.constants import BeoordelingStatus, DeclaratieStatus, Oordeel
from wmoketen.declaraties.models import Declaratie, OntvangenPrestatie, Prestatie
from wmoketen.declaraties.templatetags.declaraties import euro
from wmoketen.declaraties.views import PER_PAGINA
from wmoketen.declaraties.werklijst import afgewezen_prestaties, te_beantwoorden_declaraties
from wmoketen.factories import ClientFactory, GebruikerFactory
from wmoketen.gedeeld.werklijst import werklijst
from wmoketen.toewijzingen.models import Toewijzing

from .schermen_opzet import MAAND, Opzet

pytestmark = pytest.mark.django_db


@pytest.fixture
def opzet():
    return Opzet()


def _html(antwoord, status=200) -> str:
    assert antwoord.status_code == status, antwoord.status_code
    return antwoord.content.decode()


def _tekst(html: str) -> str:
    """The page's text with tags and runs of white space reduced to one space."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_euro():
    assert euro(123456) == "€ 1.234,56"
    assert euro(-500) == "€ -5,00"
    assert euro(7) == "€ 0,07"
    assert euro(None) == "–"


# The aanbieder -------------------------------------------------------------------------------


def test_lijst_van_de_aanbieder_met_totalen(opzet):
    concept = opzet.declaratie(2)
    beantwoord = opzet.declaratie(
        3, status=DeclaratieStatus.BEANTWOORD, maand=MAAND.replace(month=2), toegekend_bedrag=50000
    )
    Prestatie.objects.filter(pk=beantwoord.prestaties.first().pk).update(
        oordeel=Oordeel.AFGEWEZEN, retourcodes=["9321"]
    )
    html = _html(opzet.medewerker.get("/declaraties/"))
    assert [f"/declaraties/{concept.pk}/", f"/declaraties/{beantwoord.pk}/"] == re.findall(
        r'href="(/declaraties/\d+/)"', html
    )
    tekst = _tekst(html)
    assert "03-2026" in tekst and "Weert" in tekst and "Concept (nog niet ingediend)" in tekst
    assert "€ 1.000,00" in tekst  # 2 x 8 x 62,50
    assert "€ 1.500,00" in tekst and "€ 500,00" in tekst  # ingediend / toegekend
    assert "1 afgewezen" in tekst
    gefilterd = _html(opzet.medewerker.get("/declaraties/?status=beantwoord"))
    assert re.findall(r'href="/declaraties/(\d+)/"', gefilterd) == [str(beantwoord.pk)]
    # Another aanbieder sees none of it; the gemeente's backoffice has no aanbieder list.
    assert "/declaraties/" + str(concept.pk) not in _html(
        opzet.andere_medewerker.get("/declaraties/")
    )
    assert opzet.backoffice.get("/declaraties/").status_code == 403


def test_lijst_wijst_de_weg_naar_correcties_betalingen_en_budgetten(opzet):
    """The aanbieder's menu has no room for them (one line at 1366 px): its list links them."""
    html = _html(opzet.medewerker.get("/declaraties/"))
    for url in ("/declaraties/correcties/", "/betalingen/", "/budgetten/"):
        assert f'href="{url}"' in html
        assert opzet.medewerker.get(url).status_code == 200


def test_lijst_per_pagina(opzet):
    for _ in range(PER_PAGINA + 2):
        opzet.declaratie(0)
    eerste = _html(opzet.medewerker.get("/declaraties/"))
    tweede = _html(opzet.medewerker.get("/declaraties/?p=2"))
    assert len(re.findall(r'href="/declaraties/\d+/"', eerste)) == PER_PAGINA
    assert len(re.findall(r'href="/declaraties/\d+/"', tweede)) == 2
    assert "Pagina 1 van 2" in eerste


def test_nieuw_biedt_de_gemeenten_van_de_contracten(opzet):
    html = _html(opzet.medewerker.get("/declaraties/nieuw/"))
    assert f'value="{opzet.gemeente.pk}"' in html
    assert f'value="{opzet.andere_gemeente.pk}"' not in html
    assert 'type="month"' in html


def test_nieuw_weigert_een_maand_in_de_toekomst_en_een_vreemde_gemeente(opzet):
    html = _html(
        opzet.medewerker.post(
            "/declaraties/nieuw/",
            {"gemeente": opzet.andere_gemeente.pk, "wet": "wmo", "maand": "2999-01"},
        )
    )
    assert "Kies een gemeente." in html
    assert "geen maand in de toekomst" in html
    assert not Declaratie.objects.exists()


def test_nieuw_weigert_een_maand_voor_2015(opzet):
    html = _html(
        opzet.medewerker.post(
            "/declaraties/nieuw/", {"gemeente": opzet.gemeente.pk, "wet": "wmo", "maand": "0001-01"}
        )
    )
    assert "Declaraties gaan over 2015 of later" in html
    assert not Declaratie.objects.exists()


def test_nieuw_roept_het_voorstel_aan(opzet, monkeypatch):
    aanroepen = []

    def stel_voor(**kwargs):
        aanroepen.append(kwargs)
        return opzet.declaratie(1)

    monkeypatch.setattr("wmoketen.declaraties.voorstel.stel_voor", stel_voor)
    antwoord = opzet.medewerker.post(
        "/declaraties/nieuw/", {"gemeente": opzet.gemeente.pk, "wet": "wmo", "maand": "2026-03"}
    )
    declaratie = Declaratie.objects.get()
    assert antwoord.status_code == 302 and antwoord.url == f"/declaraties/{declaratie.pk}/"
    [kwargs] = aanroepen
    assert kwargs["aanbieder"].pk == opzet.aanbieder.pk
    assert (kwargs["gemeente"], kwargs["wet"], kwargs["maand"]) == (opzet.gemeente, "wmo", MAAND)
    assert kwargs["acting_user"] == opzet.medewerker_gebruiker


def test_nieuw_toont_de_weigering_van_het_voorstel(opzet, monkeypatch):
    def stel_voor(**kwargs):
        raise ValidationError("Voor maart 2026 is al een declaratie.")

    monkeypatch.setattr("wmoketen.declaraties.voorstel.stel_voor", stel_voor)
    html = _html(
        opzet.medewerker.post(
            "/declaraties/nieuw/",
            {"gemeente": opzet.gemeente.pk, "wet": "wmo", "maand": "2026-03"},
        )
    )
    assert "Voor maart 2026 is al een declaratie." in html


def test_concept_toont_de_prestaties_met_bewerkbaar_volume(opzet):
    declaratie = opzet.declaratie(2)
    prestatie = declaratie.prestaties.first()
    html = _html(opzet.medewerker.get(f"/declaraties/{declaratie.pk}/"))
    tekst = _tekst(html)
    assert prestatie.toewijzing.client.volledige_naam in tekst
    assert str(prestatie.toewijzing.toewijzingnummer) in tekst
    assert "01-03-2026 t/m 31-03-2026" in tekst
    assert f'action="/declaraties/prestatie/{prestatie.pk}/volume/"' in html
    assert f'action="/declaraties/prestatie/{prestatie.pk}/verwijderen/"' in html
    assert f'action="/declaraties/{declaratie.pk}/indienen/"' in html
    assert "Indienen (323 versturen)" in tekst
    assert "€ 62,50" in tekst and "€ 500,00" in tekst and "€ 1.000,00" in tekst


@pytest.mark.parametrize(
    "volume, fout",
    [
        ("-3", "Het volume kan niet negatief zijn."),
        ("2,5", "Geef het volume als een heel getal."),
        ("123456789", "Het volume heeft ten hoogste acht cijfers."),
        ("", "Geef het geleverde volume."),
    ],
)
def test_ongeldig_volume_is_een_veldfout(opzet, volume, fout):
    declaratie = opzet.declaratie(1)
    prestatie = declaratie.prestaties.get()
    html = _html(
        opzet.medewerker.post(f"/declaraties/prestatie/{prestatie.pk}/volume/", {"volume": volume})
    )
    assert fout in html
    assert f'id="volume-{prestatie.pk}" value="{volume}" aria-invalid="true"' in html
    prestatie.refresh_from_db()
    assert prestatie.geleverd_volume == 8


def test_volume_wijzigen(opzet):
    declaratie = opzet.declaratie(1)
    prestatie = declaratie.prestaties.get()
    antwoord = opzet.medewerker.post(
        f"/declaraties/prestatie/{prestatie.pk}/volume/?p=1", {"volume": "5"}
    )
    assert antwoord.status_code == 302 and antwoord.url == f"/declaraties/{declaratie.pk}/?p=1"
    prestatie.refresh_from_db()
    assert prestatie.geleverd_volume == 5
    assert "Het geleverde volume is nu 5." in _html(opzet.medewerker.get(antwoord.url))


def test_weigering_van_de_volumewijziging_staat_op_de_pagina(opzet, monkeypatch):
    def wijzig_volume(prestatie, *, volume, acting_user):
        raise ValidationError("Het volume is groter dan de toewijzing toestaat (IV076).")

    monkeypatch.setattr("wmoketen.declaraties.indienen.wijzig_volume", wijzig_volume)
    prestatie = opzet.declaratie(1).prestaties.get()
    html = _html(
        opzet.medewerker.post(f"/declaraties/prestatie/{prestatie.pk}/volume/", {"volume": "99"})
    )
    assert "Het volume is groter dan de toewijzing toestaat (IV076)." in html
    assert 'value="99" aria-invalid="true"' in html


def test_prestatie_verwijderen(opzet):
    declaratie = opzet.declaratie(2)
    weg, blijft = declaratie.prestaties.order_by("pk")
    antwoord = opzet.medewerker.post(f"/declaraties/prestatie/{weg.pk}/verwijderen/")
    assert antwoord.status_code == 302
    assert list(declaratie.prestaties.all()) == [blijft]


def test_indienen_roept_de_dienst_aan_en_toont_een_weigering(opzet, monkeypatch):
    declaratie = opzet.declaratie(1)

    def geweigerd(declaratie, *, acting_user):
        raise ValidationError(["De declaratie heeft geen prestaties.", "Tweede regel."])

    monkeypatch.setattr("wmoketen.declaraties.indienen.dien_in", geweigerd)
    antwoord = opzet.medewerker.post(f"/declaraties/{declaratie.pk}/indienen/", follow=True)
    tekst = _tekst(_html(antwoord))
    assert "De declaratie heeft geen prestaties." in tekst and "Tweede regel." in tekst

    class Bericht:
        identificatie = "D123"

    def ingediend(d, *, acting_user):
        assert d.pk == declaratie.pk and acting_user == opzet.medewerker_gebruiker
        return Bericht()

    monkeypatch.setattr("wmoketen.declaraties.indienen.dien_in", ingediend)
    antwoord = opzet.medewerker.post(f"/declaraties/{declaratie.pk}/indienen/", follow=True)
    assert "het declaratiebericht (323) D123 is verstuurd naar Weert" in _tekst(_html(antwoord))


def test_beantwoorde_declaratie_toont_het_oordeel_per_prestatie(opzet):
    declaratie = opzet.declaratie(
        2,
        status=DeclaratieStatus.BEANTWOORD,
        header_retourcodes=["0200"],
        antwoord_retourcodes=["0200"],
        toegekend_bedrag=50000,
    )
    afgewezen, goed = declaratie.prestaties.order_by("pk")
    Prestatie.objects.filter(pk=afgewezen.pk).update(
        oordeel=Oordeel.AFGEWEZEN, retourcodes=["9321"]
    )
    Prestatie.objects.filter(pk=goed.pk).update(oordeel=Oordeel.GOEDGEKEURD)
    html = _html(opzet.medewerker.get(f"/declaraties/{declaratie.pk}/"))
    tekst = _tekst(html)
    assert "Antwoord van de gemeente (325)" in tekst
    assert "9321 Het ingediende volume overschrijdt het toegewezen volume." in tekst
    assert "0200 Geen opmerking over deze berichtklasse." in tekst
    assert "Ingediend € 1.000,00, toegekend € 500,00." in tekst
    assert "Afgewezen" in tekst and "Goedgekeurd" in tekst
    assert "/volume/" not in html and "Indienen (323" not in tekst
    # Only the rejected ones.
    html = _html(opzet.medewerker.get(f"/declaraties/{declaratie.pk}/?oordeel=afgewezen"))
    assert f'id="prestatie-{afgewezen.pk}"' in html and f'id="prestatie-{goed.pk}"' not in html


def test_pagina_van_een_declaratie_staat_in_de_audittrail(opzet):
    declaratie = opzet.declaratie(2)
    _html(opzet.medewerker.get(f"/declaraties/{declaratie.pk}/"))
    regels = AuditRegel.objects.filter(actie="declaratie.gelezen")
    assert sorted(r.client_id for r in regels) == sorted(
        p.toewijzing.client_id for p in declaratie.prestaties.select_related("toewijzing")
    )


def test_afgewezen_prestaties_van_de_aanbieder(opzet):
    declaratie = opzet.declaratie(2, status=DeclaratieStatus.BEANTWOORD, toegekend_bedrag=0)
    afgewezen = declaratie.prestaties.first()
    Prestatie.objects.filter(pk=afgewezen.pk).update(
        oordeel=Oordeel.AFGEWEZEN, retourcodes=["9307"]
    )
    tekst = _tekst(_html(opzet.medewerker.get("/declaraties/afgewezen/")))
    assert "1 afgewezen prestatie." in tekst
    assert afgewezen.toewijzing.client.volledige_naam in tekst
    assert "9307 Begindatum prestatie ligt niet tussen de ingangsdatum en einddatum" in tekst
    assert "Opnieuw gedeclareerd." not in tekst
    assert "1 afgewezen prestatie" not in _tekst(
        _html(opzet.andere_medewerker.get("/declaraties/afgewezen/"))
    )
    correctie = opzet.declaratie(0, maand=MAAND.replace(month=5))
    opzet.prestaties(correctie, 1)
    Prestatie.objects.filter(declaratie=correctie).update(
        toewijzing=afgewezen.toewijzing, periode_begin=afgewezen.periode_begin
    )
    tekst = _tekst(_html(opzet.medewerker.get("/declaraties/afgewezen/")))
    assert "Opnieuw gedeclareerd." in tekst


@pytest.mark.parametrize(
    "methode, url",
    [
        ("get", "/declaraties/{d}/"),
        ("post", "/declaraties/{d}/indienen/"),
        ("post", "/declaraties/prestatie/{p}/volume/"),
        ("post", "/declaraties/prestatie/{p}/verwijderen/"),
    ],
)
def test_andermans_declaratie_is_niet_te_vinden(opzet, methode, url):
    declaratie = opzet.declaratie(1)
    prestatie = declaratie.prestaties.get()
    url = url.format(d=declaratie.pk, p=prestatie.pk)
    antwoord = getattr(opzet.andere_medewerker, methode)(url, {"volume": "1"})
    assert antwoord.status_code == 404
    assert declaratie.prestaties.get().geleverd_volume == 8
    assert not AuditRegel.objects.filter(actie="declaratie.gelezen").exists()


# The gemeente's backoffice -------------------------------------------------------------------


def test_werkvoorraad_te_beantwoorden_met_termijn(opzet):
    later = opzet.ontvangen(2, dagen=9)
    eerst = opzet.ontvangen(1, status=BeoordelingStatus.AANGEHOUDEN, dagen=2)
    klaar = opzet.ontvangen(1, status=BeoordelingStatus.BEANTWOORD)
    html = _html(opzet.backoffice.get("/declaraties/ontvangen/"))
    getoond = re.findall(r'href="/declaraties/ontvangen/(\d+)/"', html)
    assert getoond == [str(eerst.pk), str(later.pk)]
    tekst = _tekst(html)
    assert "2 declaraties te beantwoorden." in tekst
    assert f"{later.termijn.vervaldatum:%d-%m-%Y} · Nog 9 dagen" in tekst
    assert "Aangehouden voor controle" in tekst and "Zorggroep Maasland" in tekst
    html = _html(opzet.backoffice.get("/declaraties/ontvangen/?status=beantwoord"))
    assert re.findall(r'href="/declaraties/ontvangen/(\d+)/"', html) == [str(klaar.pk)]
    html = _html(opzet.backoffice.get("/declaraties/ontvangen/?status=alle"))
    assert len(re.findall(r'href="/declaraties/ontvangen/(\d+)/"', html)) == 3
    # Another gemeente and an aanbieder see none of it.
    anders = _html(opzet.andere_backoffice.get("/declaraties/ontvangen/?status=alle"))
    assert not re.findall(r'href="/declaraties/ontvangen/(\d+)/"', anders)
    assert opzet.medewerker.get("/declaraties/ontvangen/").status_code == 403


def test_ontvangen_declaratie_met_oordelen(opzet):
    declaratie = opzet.ontvangen(2)
    goed, fout = declaratie.prestaties.order_by("pk")
    OntvangenPrestatie.objects.filter(pk=fout.pk).update(
        oordeel=Oordeel.AFGEWEZEN, retourcodes=["0233"], client_retourcodes=["8187"]
    )
    html = _html(opzet.backoffice.get(f"/declaraties/ontvangen/{declaratie.pk}/"))
    tekst = _tekst(html)
    assert goed.client.volledige_naam in tekst and fout.client.volledige_naam in tekst
    assert "0233 Berichtklasse is niet beoordeeld." in tekst
    assert "Cliënt: 8187 De prestatie hoort niet bij deze cliënt." in tekst
    assert "Ingediend € 1.000,00" in tekst
    assert "waarvan 1 afgewezen (€ 500,00)" in tekst
    assert "Aanhouden voor controle" in tekst and "Beantwoorden (325 versturen)" in tekst
    # The approved one can be rejected by hand; the rejected one not again.
    assert f'action="/declaraties/ontvangen/prestatie/{goed.pk}/afwijzen/"' in html
    assert f'action="/declaraties/ontvangen/prestatie/{fout.pk}/afwijzen/"' not in html
    assert '<option value="9321">9321: Het ingediende volume' in html
    assert '<option value="0200">' not in html
    regels = AuditRegel.objects.filter(actie="declaratie.gelezen")
    assert sorted(r.client_id for r in regels) == sorted([goed.client_id, fout.client_id])


def test_declaratie_als_geheel_afgewezen(opzet):
    declaratie = opzet.ontvangen(1)
    declaratie.retourcodes = ["9333"]
    declaratie.save(update_fields=["retourcodes"])
    tekst = _tekst(_html(opzet.backoffice.get(f"/declaraties/ontvangen/{declaratie.pk}/")))
    assert "De declaratie als geheel is afgewezen" in tekst
    assert "Declaratie: 9333 Declaratienummer is niet uniek." in tekst
    declaratie.retourcodes, declaratie.header_retourcodes = [], ["8848"]
    declaratie.save(update_fields=["retourcodes", "header_retourcodes"])
    tekst = _tekst(_html(opzet.backoffice.get(f"/declaraties/ontvangen/{declaratie.pk}/")))
    assert "Bericht: 8848 Dagtekening moet gelijk zijn aan of voor de systeemdatum liggen." in tekst


def test_beantwoorde_declaratie_heeft_geen_knoppen(opzet):
    declaratie = opzet.ontvangen(1, status=BeoordelingStatus.BEANTWOORD)
    tekst = _tekst(_html(opzet.backoffice.get(f"/declaraties/ontvangen/{declaratie.pk}/")))
    assert "Beantwoorden (325" not in tekst and "Afwijzen" not in tekst


@pytest.mark.parametrize(
    "data, fout",
    [
        ({"retourcode": "X999", "reden": "Niet geleverd."}, "Kies een retourcode uit de lijst"),
        ({"retourcode": "0200", "reden": "Niet geleverd."}, "Kies een retourcode uit de lijst"),
        ({"retourcode": "9321", "reden": "  "}, "Geef de reden van afwijzing."),
    ],
)
def test_afwijzen_met_een_veldfout(opzet, data, fout):
    declaratie = opzet.ontvangen(1)
    prestatie = declaratie.prestaties.get()
    html = _html(
        opzet.backoffice.post(f"/declaraties/ontvangen/prestatie/{prestatie.pk}/afwijzen/", data)
    )
    assert fout in html
    assert (
        f'id="retourcode-{prestatie.pk}-fout"' in html or f'id="reden-{prestatie.pk}-fout"' in html
    )
    assert "<details open>" in html
    prestatie.refresh_from_db()
    assert prestatie.oordeel == Oordeel.GOEDGEKEURD


def test_prestatie_afwijzen(opzet):
    declaratie = opzet.ontvangen(2)
    prestatie = declaratie.prestaties.order_by("pk").first()
    antwoord = opzet.backoffice.post(
        f"/declaraties/ontvangen/prestatie/{prestatie.pk}/afwijzen/",
        {"retourcode": "9321", "reden": "Meer uren dan afgesproken."},
        follow=True,
    )
    tekst = _tekst(_html(antwoord))
    assert f"Prestatie {prestatie.referentienummer} is afgewezen met retourcode 9321." in tekst
    assert "Meer uren dan afgesproken." in tekst
    prestatie.refresh_from_db()
    assert (prestatie.oordeel, prestatie.retourcodes) == (Oordeel.AFGEWEZEN, ["9321"])
    assert prestatie.afgewezen_door == opzet.backoffice_gebruiker
    # It is on the gemeente's list of rejected prestaties, not on another gemeente's.
    lijst = _tekst(_html(opzet.backoffice.get("/declaraties/ontvangen/afgewezen/")))
    assert "1 afgewezen prestatie." in lijst and "Meer uren dan afgesproken." in lijst
    anders = _tekst(_html(opzet.andere_backoffice.get("/declaraties/ontvangen/afgewezen/")))
    assert "0 afgewezen prestaties." in anders
    # The clerk changes their mind before the answer: the rejection is withdrawn.
    pagina = _html(opzet.backoffice.get(f"/declaraties/ontvangen/{declaratie.pk}/"))
    assert f'action="/declaraties/ontvangen/prestatie/{prestatie.pk}/intrekken/"' in pagina
    antwoord = opzet.backoffice.post(
        f"/declaraties/ontvangen/prestatie/{prestatie.pk}/intrekken/", follow=True
    )
    tekst = _tekst(_html(antwoord))
    assert f"De afwijzing van prestatie {prestatie.referentienummer} is ingetrokken." in tekst
    prestatie.refresh_from_db()
    assert (prestatie.oordeel, prestatie.retourcodes) == (Oordeel.GOEDGEKEURD, [])


def test_aanhouden_en_vrijgeven(opzet):
    declaratie = opzet.ontvangen(1)
    antwoord = opzet.backoffice.post(f"/declaraties/ontvangen/{declaratie.pk}/aanhouden/")
    assert antwoord.status_code == 302
    declaratie.refresh_from_db()
    assert declaratie.status == BeoordelingStatus.AANGEHOUDEN
    tekst = _tekst(_html(opzet.backoffice.get(antwoord.url)))
    assert "aangehouden voor controle" in tekst and "Vrijgeven" in tekst
    opzet.backoffice.post(f"/declaraties/ontvangen/{declaratie.pk}/vrijgeven/")
    declaratie.refresh_from_db()
    assert declaratie.status == BeoordelingStatus.TE_BEOORDELEN


def test_beantwoorden_roept_de_dienst_aan_en_toont_een_weigering(opzet, monkeypatch):
    declaratie = opzet.ontvangen(1, status=BeoordelingStatus.BEANTWOORD)
    antwoord = opzet.backoffice.post(
        f"/declaraties/ontvangen/{declaratie.pk}/beantwoorden/", follow=True
    )
    assert "al beantwoord" in _tekst(_html(antwoord))

    class Bericht:
        identificatie = "A77"

    def beantwoord(d, *, acting_user=None):
        assert d.pk == declaratie.pk and acting_user == opzet.backoffice_gebruiker
        return Bericht()

    monkeypatch.setattr("wmoketen.declaraties.beantwoorden.beantwoord", beantwoord)
    antwoord = opzet.backoffice.post(
        f"/declaraties/ontvangen/{declaratie.pk}/beantwoorden/", follow=True
    )
    tekst = _tekst(_html(antwoord))
    assert "Het declaratie-antwoord (325) A77 is verstuurd naar Zorggroep Maasland." in tekst


@pytest.mark.parametrize(
    "methode, url",
    [
        ("get", "/declaraties/ontvangen/{d}/"),
        ("post", "/declaraties/ontvangen/{d}/aanhouden/"),
        ("post", "/declaraties/ontvangen/{d}/vrijgeven/"),
        ("post", "/declaraties/ontvangen/{d}/beantwoorden/"),
        ("post", "/declaraties/ontvangen/prestatie/{p}/afwijzen/"),
        ("post", "/declaraties/ontvangen/prestatie/{p}/intrekken/"),
    ],
)
def test_andermans_ontvangen_declaratie_is_niet_te_vinden(opzet, methode, url):
    declaratie = opzet.ontvangen(1)
    prestatie = declaratie.prestaties.get()
    url = url.format(d=declaratie.pk, p=prestatie.pk)
    data = {"retourcode": "9321", "reden": "Nee."}
    assert getattr(opzet.andere_backoffice, methode)(url, data).status_code == 404
    declaratie.refresh_from_db()
    assert declaratie.status == BeoordelingStatus.TE_BEOORDELEN
    assert declaratie.prestaties.get().oordeel == Oordeel.GOEDGEKEURD
    assert not AuditRegel.objects.filter(actie="declaratie.gelezen").exists()


# The menu and the worklists ------------------------------------------------------------------


def test_menu(opzet):
    assert 'href="/declaraties/">Declaraties</a>' in _html(opzet.medewerker.get("/"))
    assert 'href="/declaraties/ontvangen/">Declaraties</a>' in _html(opzet.backoffice.get("/"))


def test_werklijst_van_de_backoffice(opzet):
    later = opzet.ontvangen(2, dagen=9)
    eerst = opzet.ontvangen(1, status=BeoordelingStatus.AANGEHOUDEN, dagen=1)
    opzet.ontvangen(1, status=BeoordelingStatus.BEANTWOORD)
    items = list(te_beantwoorden_declaraties(opzet.backoffice_gebruiker))
    assert [i.url for i in items] == [
        f"/declaraties/ontvangen/{eerst.pk}/",
        f"/declaraties/ontvangen/{later.pk}/",
    ]
    assert items[0].titel == (
        f"Declaratie {eerst.declaratienummer} van Zorggroep Maasland controleren en "
        "beantwoorden (aangehouden)"
    )
    assert (items[1].vervaldatum, items[1].termijn_label) == (
        later.termijn.vervaldatum,
        "Nog 9 dagen",
    )
    assert items[1].toelichting == "Wmo 2015, 03-2026: ingediend € 1.000,00"
    assert items[1].geen_client
    # The antwoord_323 deadline merges into the same row on the start page.
    rijen = [r for r in werklijst(opzet.backoffice_gebruiker) if later.declaratienummer in r.titel]
    [rij] = rijen
    assert rij.soorten == {"Declaraties te beantwoorden", "Termijnen"}
    assert rij.url == f"/declaraties/ontvangen/{later.pk}/"
    anderen = GebruikerFactory(organisatie=opzet.andere_gemeente, rol=Rol.BACKOFFICE)
    assert list(te_beantwoorden_declaraties(anderen)) == []
    assert "Declaraties te beantwoorden" in _html(opzet.backoffice.get("/"))


def test_werklijst_van_de_aanbieder(opzet):
    declaratie = opzet.declaratie(3, status=DeclaratieStatus.BEANTWOORD, toegekend_bedrag=50000)
    eerste, tweede, _ = declaratie.prestaties.order_by("pk")
    Prestatie.objects.filter(pk__in=[eerste.pk, tweede.pk]).update(
        oordeel=Oordeel.AFGEWEZEN, retourcodes=["9321"]
    )
    opzet.declaratie(1)  # a concept: no work here
    [item] = list(afgewezen_prestaties(opzet.medewerker_gebruiker))
    assert item.titel == (
        f"325 ontvangen met afwijzingen: declaratie {declaratie.declaratienummer} aan Weert"
    )
    assert item.url == f"/declaraties/{declaratie.pk}/?oordeel=afgewezen"
    assert item.toelichting == "2 prestaties afgewezen (03-2026); toegekend € 500,00"
    # Declared again in a later declaration: no longer work.
    correctie = opzet.declaratie(0, maand=MAAND.replace(month=4))
    Prestatie.objects.create(
        declaratie=correctie,
        toewijzing=eerste.toewijzing,
        referentienummer="C-1",
        periode_begin=eerste.periode_begin,
        periode_eind=eerste.periode_eind,
        voorgesteld_volume=8,
        geleverd_volume=6,
        eenheid="04",
        tarief=6250,
    )
    [item] = list(afgewezen_prestaties(opzet.medewerker_gebruiker))
    assert item.toelichting.startswith("1 prestatie afgewezen")
    Prestatie.objects.filter(pk=tweede.pk).update(oordeel=Oordeel.GOEDGEKEURD)
    assert list(afgewezen_prestaties(opzet.medewerker_gebruiker)) == []
    andere = GebruikerFactory(organisatie=opzet.andere_aanbieder, rol=Rol.AANBIEDER)
    assert list(afgewezen_prestaties(andere)) == []


# The route through the pages, with the real services on both sides ----------------------------


def _bij_de_gemeente(ontvangen):
    """The gemeente's own record of an allocation the aanbieder received."""
    client = ClientFactory(
        organisatie=ontvangen.gemeente,
        bsn=ontvangen.client.bsn,
        geslachtsnaam=ontvangen.client.geslachtsnaam,
    )
    velden = ("gemeente", "aanbieder", "wet", "toewijzingnummer", "product", "ingangsdatum")
    velden += ("einddatum", "toewijzingsdatum", "toewijzingstijd", "volume", "eenheid")
    Toewijzing.objects.create(
        client=client, frequentie=ontvangen.frequentie, **{v: getattr(ontvangen, v) for v in velden}
    )


def test_route_van_voorstel_tot_antwoord(client, bezorg):
    """The aanbieder proposes April, lowers a volume and submits; the 323 reaches the
    gemeente, whose clerk holds it, rejects a prestatie by hand and answers; the aanbieder
    then sees the 325's verdict with the retourcode explained."""
    from wmoketen.declaraties.tests.test_voorstel import Opzet as VoorstelOpzet

    o = VoorstelOpzet()
    for code in ("02A01", "02A02"):
        ontvangen = o.toewijzing(o.product(productcode=code))
        _bij_de_gemeente(ontvangen)
    client.force_login(o.gebruiker)
    antwoord = client.post(
        "/declaraties/nieuw/", {"gemeente": o.gemeente.pk, "wet": "wmo", "maand": "2026-04"}
    )
    declaratie = Declaratie.objects.get()
    assert antwoord.url == f"/declaraties/{declaratie.pk}/"
    eerste, tweede = declaratie.prestaties.order_by("pk")
    assert "Indienen (323 versturen)" in _tekst(_html(client.get(antwoord.url)))
    client.post(f"/declaraties/prestatie/{eerste.pk}/volume/", {"volume": "4"})
    with bezorg():
        html = _html(client.post(f"/declaraties/{declaratie.pk}/indienen/", follow=True))
    declaratie.refresh_from_db()
    assert declaratie.status == DeclaratieStatus.INGEDIEND, _tekst(html)
    assert f"(323) {declaratie.bericht.identificatie} is verstuurd naar Weert" in _tekst(html)

    backoffice = GebruikerFactory(organisatie=o.gemeente, rol=Rol.BACKOFFICE)
    client.force_login(backoffice)
    lijst = _html(client.get("/declaraties/ontvangen/"))
    [pk] = re.findall(r'href="/declaraties/ontvangen/(\d+)/"', lijst)
    client.post(f"/declaraties/ontvangen/{pk}/aanhouden/")
    ontvangen = OntvangenPrestatie.objects.filter(declaratie_id=pk).order_by("pk")
    afwijzen = ontvangen.get(referentienummer=tweede.referentienummer)
    client.post(
        f"/declaraties/ontvangen/prestatie/{afwijzen.pk}/afwijzen/",
        {"retourcode": "9321", "reden": "Meer dan afgesproken."},
    )
    with bezorg():
        html = _html(client.post(f"/declaraties/ontvangen/{pk}/beantwoorden/", follow=True))
    assert "Het declaratie-antwoord (325)" in _tekst(html), _tekst(html)

    client.force_login(o.gebruiker)
    tekst = _tekst(_html(client.get(f"/declaraties/{declaratie.pk}/")))
    declaratie.refresh_from_db()
    assert declaratie.status == DeclaratieStatus.BEANTWOORD
    assert declaratie.toegekend_bedrag == eerste.tarief * 4
    assert f"Ingediend € 700,00, toegekend {euro(declaratie.toegekend_bedrag)}." in tekst
    assert "9321 Het ingediende volume overschrijdt het toegewezen volume." in tekst
    assert list(declaratie.prestaties.order_by("pk").values_list("oordeel", flat=True)) == [
        Oordeel.GOEDGEKEURD,
        Oordeel.AFGEWEZEN,
    ]
    assert "325 ontvangen met afwijzingen" in _tekst(_html(client.get("/")))
