"""The payment pages: the backoffice's walk, read-only roles, the aanbieder's view, isolation,
totals, the worklist and the menu."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from wmoketen.accounts.constants import Rol
from wmoketen.audit.models import AuditRegel
from wmoketen.betalingen import services
from wmoketen.betalingen.constants import BatchStatus
from wmoketen.betalingen.models import Betaalbatch
from wmoketen.betalingen.templatetags.betalingen import betalingen_menu
from wmoketen.factories import GebruikerFactory
from wmoketen.gedeeld.werklijst import werklijst
from wmoketen.termijnen.services import laad_standaardregels

from .hulp import aanbieder, declaratie, gemeente, in_maart_beantwoord

D = date.fromisoformat


@pytest.fixture
def opzet(db):
    laad_standaardregels(acting_user=None)
    weert, maasland = gemeente(), aanbieder()
    in_maart_beantwoord(
        weert,
        maasland,
        prestaties=[(50000, "D", "goedgekeurd"), (6250, "C", "goedgekeurd")],
    )
    backoffice = GebruikerFactory(organisatie=weert, rol=Rol.BACKOFFICE)
    return weert, maasland, backoffice


def test_backoffice_maakt_stelt_vast_exporteert_en_betaalt(client, opzet):
    weert, maasland, backoffice = opzet
    client.force_login(backoffice)

    antwoord = client.post(reverse("betalingen:maak"), follow=True)
    assert "1 betaalbatch(es) bijgewerkt: Zorggroep Maasland 03-2026." in antwoord.content.decode()
    batch = Betaalbatch.objects.get()
    pagina = client.get(reverse("betalingen:batch", args=[batch.pk])).content.decode()
    assert "€ 437,50" in pagina and "Vaststellen" in pagina and "NL44 RABO 0123 4567 89" in pagina
    client_id = batch.regels.first().prestatie.client_id
    assert AuditRegel.objects.filter(actie="betaalbatch.gelezen", client_id=client_id).exists()

    client.post(reverse("betalingen:vaststellen", args=[batch.pk]))
    csv = client.post(reverse("betalingen:exporteer_csv", args=[batch.pk]))
    assert csv["Content-Disposition"] == 'attachment; filename="BB-0988-73730101-202603.csv"'
    sepa = client.post(reverse("betalingen:exporteer_sepa", args=[batch.pk]))
    assert (
        sepa["Content-Type"] == "application/xml" and b"<CtrlSum>437.50</CtrlSum>" in sepa.content
    )
    fout = client.post(reverse("betalingen:betaald", args=[batch.pk]), {"betaald_op": ""})
    assert fout.status_code == 400 and "Dit veld is vereist." in fout.content.decode()
    vandaag = timezone.localdate()
    client.post(reverse("betalingen:betaald", args=[batch.pk]), {"betaald_op": vandaag.isoformat()})
    batch.refresh_from_db()
    assert batch.status == BatchStatus.BETAALD and batch.betaald_op == vandaag


def test_vaststellen_zonder_iban_geeft_een_melding(client, opzet):
    weert, maasland, backoffice = opzet
    maasland.iban = ""
    maasland.save()
    [batch] = services.maak_batches(weert, acting_user=backoffice)
    client.force_login(backoffice)
    antwoord = client.post(reverse("betalingen:vaststellen", args=[batch.pk]), follow=True)
    assert "Zorggroep Maasland heeft nog geen IBAN" in antwoord.content.decode()
    batch.refresh_from_db()
    assert batch.status == BatchStatus.CONCEPT and batch.crediteur_iban == ""


def test_contractmanager_leest_maar_handelt_niet(client, opzet):
    weert, maasland, backoffice = opzet
    [batch] = services.maak_batches(weert, acting_user=backoffice)
    client.force_login(GebruikerFactory(organisatie=weert, rol=Rol.CONTRACTMANAGER))
    pagina = client.get(reverse("betalingen:batch", args=[batch.pk])).content.decode()
    assert batch.kenmerk in pagina and "Vaststellen" not in pagina
    assert client.post(reverse("betalingen:vaststellen", args=[batch.pk])).status_code == 403
    assert client.post(reverse("betalingen:maak")).status_code == 403
    batch.refresh_from_db()
    assert batch.status == BatchStatus.CONCEPT


def test_aanbieder_ziet_eigen_vastgestelde_batch_zonder_clientnamen(client, opzet):
    weert, maasland, backoffice = opzet
    [batch] = services.maak_batches(weert, acting_user=backoffice)
    client.force_login(GebruikerFactory(organisatie=maasland, rol=Rol.AANBIEDER))
    url = reverse("betalingen:batch", args=[batch.pk])
    assert client.get(url).status_code == 404  # a concept is the gemeente's work in progress
    services.stel_vast(batch, acting_user=backoffice)
    pagina = client.get(url).content.decode()
    naam = batch.regels.first().prestatie.client.volledige_naam
    assert "€ 437,50" in pagina and naam not in pagina and "Vaststellen" not in pagina
    assert (
        batch.kenmerk in client.get(reverse("betalingen:lijst") + "?status=alle").content.decode()
    )


@pytest.mark.parametrize("soort", ["gemeente", "aanbieder"])
def test_andermans_batch_bestaat_niet(client, opzet, soort):
    weert, maasland, backoffice = opzet
    [batch] = services.maak_batches(weert, acting_user=backoffice)
    services.stel_vast(batch, acting_user=backoffice)
    if soort == "gemeente":
        ander = GebruikerFactory(
            organisatie=gemeente(naam="Leudal", gemeentecode="1640"), rol=Rol.BACKOFFICE
        )
    else:
        ander = GebruikerFactory(
            organisatie=aanbieder(naam="Ander", agb_code="11112222"), rol=Rol.AANBIEDER
        )
    client.force_login(ander)
    for naam in ("batch", "vaststellen", "exporteer_csv", "exporteer_sepa", "betaald"):
        methode = client.get if naam == "batch" else client.post
        assert methode(reverse(f"betalingen:{naam}", args=[batch.pk])).status_code in (403, 404)
    assert (
        batch.kenmerk
        not in client.get(reverse("betalingen:lijst") + "?status=alle").content.decode()
    )
    assert "437,50" not in client.get(reverse("betalingen:totalen")).content.decode()
    batch.refresh_from_db()
    assert batch.status == BatchStatus.VASTGESTELD


def test_totalen_per_maand_aanbieder_product_en_gemeente(client, opzet):
    weert, maasland, backoffice = opzet
    ander = aanbieder(naam="Begeleiding Op Maat", agb_code="73730202")
    declaratie(weert, ander, ontvangen=D("2026-04-01"), beantwoord=D("2026-04-08"))
    services.maak_batches(weert, acting_user=backoffice)
    client.force_login(backoffice)

    def rijen(per):
        context = client.get(reverse("betalingen:totalen") + f"?per={per}").context
        return [(r["sleutel"], r["totaal"], r["aantal"]) for r in context["rijen"]]

    assert rijen("maand") == [(D("2026-03-01"), 43750, 2), (D("2026-04-01"), 50000, 1)]
    assert rijen("aanbieder") == [
        ("Begeleiding Op Maat", 50000, 1),
        ("Zorggroep Maasland", 43750, 2),
    ]
    assert rijen("product") == [("02A01", 93750, 3)]
    assert rijen("gemeente") == [("Weert", 93750, 3)]
    assert (
        "€ 937,50" in client.get(reverse("betalingen:totalen") + "?per=gemeente").content.decode()
    )


def test_late_batch_in_de_werklijst_van_de_backoffice(opzet):
    weert, maasland, backoffice = opzet
    [batch] = services.maak_batches(weert, acting_user=backoffice)
    [rij] = [r for r in werklijst(backoffice) if f"betalingen.betaalbatch:{batch.pk}" in r.sleutels]
    assert rij.titel == "Betaalbatch 03-2026 van Zorggroep Maasland vaststellen"
    assert rij.te_laat and rij.vervaldatum == D("2026-04-01")
    assert rij.url == reverse("betalingen:batch", args=[batch.pk])
    services.stel_vast(batch, acting_user=backoffice)
    services.markeer_betaald(batch, betaald_op=timezone.localdate(), acting_user=backoffice)
    assert not [
        r for r in werklijst(backoffice) if f"betalingen.betaalbatch:{batch.pk}" in r.sleutels
    ]


def test_menu_per_rol(opzet):
    weert, maasland, backoffice = opzet
    assert betalingen_menu(backoffice) == [("Betalingen", "/betalingen/")]
    aanbieder_gebruiker = GebruikerFactory(organisatie=maasland, rol=Rol.AANBIEDER)
    assert betalingen_menu(aanbieder_gebruiker) == []  # from its Declaraties page
    consulent = GebruikerFactory(organisatie=weert, rol=Rol.TOEGANGSMEDEWERKER)
    assert betalingen_menu(consulent) == []
