"""werk_bij: the register derived from the gemeente's deliveries, its meldingen, idempotence,
corrections after reporting, and the gemeente's own data only."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from wmoketen.accounts.constants import Rol
from wmoketen.audit.models import AuditRegel
from wmoketen.berichten.models import Bericht
from wmoketen.eigenbijdrage import services
from wmoketen.eigenbijdrage.models import Melding, Registratie
from wmoketen.factories import AanbiederFactory, GebruikerFactory, GemeenteFactory
from wmoketen.toewijzingen.constants import LeveringStatus
from wmoketen.toewijzingen.models import AanbiederToewijzing, Levering

from .hulp import OP, backoffice, client, levering, stop, toewijzing

pytestmark = pytest.mark.django_db


def d(dag: int, maand: int, jaar: int = 2026) -> date:
    return date(jaar, maand, dag)


def werk_bij(gemeente, medewerker, op=OP):
    return services.werk_bij(gemeente, acting_user=medewerker, op=op)


def te_melden(gemeente) -> list[tuple]:
    return sorted(
        (m.registratie.client_id, m.soort, m.datum, m.vorige_datum)
        for m in Melding.objects.filter(gemeente=gemeente, status="te_melden")
    )


def test_overlappende_voorzieningen_geven_een_start_en_een_stop(gemeente, medewerker):
    c = client(gemeente)
    levering(toewijzing(gemeente, c, ingang=d(1, 1)), d(5, 1), d(31, 3))
    levering(toewijzing(gemeente, c, ingang=d(1, 2)), d(10, 2), d(30, 4))
    levering(toewijzing(gemeente, c, ingang=d(1, 5)), d(1, 5), d(15, 5))  # adjoins

    uitkomst = werk_bij(gemeente, medewerker)

    registratie = Registratie.objects.get(gemeente=gemeente, client=c)
    assert (registratie.begindatum, registratie.einddatum) == (d(5, 1), d(15, 5))
    assert te_melden(gemeente) == [
        (c.pk, "start", d(5, 1), None),
        (c.pk, "stop", d(15, 5), None),
    ]
    assert (uitkomst.registraties, uitkomst.nieuwe_meldingen) == (1, 2)
    assert AuditRegel.objects.filter(
        actie="eigenbijdrage.registratie_aangemaakt", client_id=c.pk
    ).exists()


def test_stop_pas_als_alle_voorzieningen_gestopt_zijn(gemeente, medewerker):
    c = client(gemeente)
    eerste = levering(toewijzing(gemeente, c, ingang=d(1, 1)), d(1, 1))
    tweede = levering(toewijzing(gemeente, c, ingang=d(1, 2)), d(1, 2))
    stop(eerste, d(31, 3))
    werk_bij(gemeente, medewerker)
    assert te_melden(gemeente) == [(c.pk, "start", d(1, 1), None)]

    stop(tweede, d(30, 4))
    werk_bij(gemeente, medewerker)
    assert te_melden(gemeente) == [
        (c.pk, "start", d(1, 1), None),
        (c.pk, "stop", d(30, 4), None),
    ]


def test_een_toewijzing_die_eindigt_zonder_stop_eindigt_de_ondersteuning(gemeente, medewerker):
    c = client(gemeente)
    levering(toewijzing(gemeente, c, ingang=d(1, 1), einde=d(31, 3)), d(1, 1))
    werk_bij(gemeente, medewerker)
    assert te_melden(gemeente)[-1] == (c.pk, "stop", d(31, 3), None)


def test_jeugdwet_heeft_geen_eigen_bijdrage(gemeente, medewerker):
    c = client(gemeente)
    levering(toewijzing(gemeente, c, ingang=d(1, 1), wet="jeugdwet"), d(1, 1))
    werk_bij(gemeente, medewerker)
    assert not Registratie.objects.exists()
    assert not Melding.objects.exists()


def test_minderjarige_niets_en_op_de_achttiende_verjaardag_een_start(gemeente, medewerker):
    kind = client(gemeente, geboren=d(1, 1, 2012))
    wordt_achttien = client(gemeente, geboren=d(15, 3, 2008))
    levering(toewijzing(gemeente, kind, ingang=d(1, 1)), d(1, 1))
    levering(toewijzing(gemeente, wordt_achttien, ingang=d(1, 1)), d(1, 1))

    werk_bij(gemeente, medewerker)

    assert not Registratie.objects.filter(client=kind).exists()
    assert te_melden(gemeente) == [(wordt_achttien.pk, "start", d(15, 3), None)]


def test_zonder_geboortedatum_overgeslagen_en_genoemd(gemeente, medewerker):
    c = client(gemeente, geboren=date(1900, 1, 1), datumgebruik="3")
    levering(toewijzing(gemeente, c, ingang=d(1, 1)), d(1, 1))
    uitkomst = werk_bij(gemeente, medewerker)
    assert uitkomst.zonder_geboortedatum == [c.pk]
    assert not Registratie.objects.exists()


def test_korte_pauze_overbrugd_lange_pauze_een_stop_en_een_nieuwe_start(gemeente, medewerker):
    kort, lang = client(gemeente), client(gemeente)
    for c, hervat in ((kort, d(1, 3)), (lang, d(2, 3))):
        t = toewijzing(gemeente, c, ingang=d(1, 1))
        levering(t, d(1, 1), d(31, 1), reden="20")  # 307 reden 20: a pause
        levering(t, hervat)  # a new 305

    werk_bij(gemeente, medewerker)

    assert te_melden(gemeente) == sorted(
        [
            (kort.pk, "start", d(1, 1), None),
            (lang.pk, "start", d(1, 1), None),
            (lang.pk, "stop", d(31, 1), None),
            (lang.pk, "start", d(2, 3), None),
        ]
    )


def test_tweede_keer_bijwerken_verandert_niets(gemeente, medewerker):
    c = client(gemeente)
    levering(toewijzing(gemeente, c, ingang=d(1, 1)), d(1, 1), d(31, 3))
    werk_bij(gemeente, medewerker)
    meldingen = list(Melding.objects.values_list("pk", "status"))
    audit = AuditRegel.objects.count()

    uitkomst = werk_bij(gemeente, medewerker)

    assert not uitkomst.gewijzigd
    assert list(Melding.objects.values_list("pk", "status")) == meldingen
    assert Registratie.objects.count() == 1
    assert AuditRegel.objects.count() == audit


def test_een_wijziging_voor_het_melden_vervangt_de_melding(gemeente, medewerker):
    c = client(gemeente)
    lev = levering(toewijzing(gemeente, c, ingang=d(1, 1)), d(1, 1))
    stop(lev, d(31, 3))
    werk_bij(gemeente, medewerker)
    stop(lev, d(15, 4))  # a corrected 307 before anything was reported

    uitkomst = werk_bij(gemeente, medewerker)

    assert te_melden(gemeente) == [(c.pk, "start", d(1, 1), None), (c.pk, "stop", d(15, 4), None)]
    assert uitkomst.vervallen_meldingen == 1
    assert Melding.objects.filter(status="vervallen", datum=d(31, 3)).exists()
    assert not Melding.objects.filter(soort="correctie").exists()


def test_correctie_na_melden(gemeente, medewerker):
    c = client(gemeente)
    lev = levering(toewijzing(gemeente, c, ingang=d(1, 1)), d(1, 1))
    stop(lev, d(31, 3))
    werk_bij(gemeente, medewerker)
    services.meld_aan_cak(gemeente, acting_user=medewerker)
    registratie = Registratie.objects.get()
    assert (registratie.gemelde_begindatum, registratie.gemelde_einddatum) == (d(1, 1), d(31, 3))

    # The aanbieder corrects its 307 (StatusAanlevering 2): the stop moves to 15 April.
    stop(lev, d(15, 4))
    werk_bij(gemeente, medewerker)
    assert te_melden(gemeente) == [(c.pk, "correctie", d(15, 4), d(31, 3))]
    services.meld_aan_cak(gemeente, acting_user=medewerker)
    registratie.refresh_from_db()
    assert registratie.gemelde_einddatum == d(15, 4)

    # The 307 is removed (StatusAanlevering 3): the stop is withdrawn.
    lev.einddatum, lev.reden_beeindiging, lev.status = None, "", LeveringStatus.GESTART
    lev.save()
    werk_bij(gemeente, medewerker)
    assert te_melden(gemeente) == [(c.pk, "correctie", None, d(15, 4))]
    assert werk_bij(gemeente, medewerker).gewijzigd is False


def test_een_verwijderde_start_na_melden_trekt_de_registratie_in(gemeente, medewerker):
    c = client(gemeente)
    lev = levering(toewijzing(gemeente, c, ingang=d(1, 1)), d(1, 1))
    werk_bij(gemeente, medewerker)
    services.meld_aan_cak(gemeente, acting_user=medewerker)

    Levering.objects.filter(pk=lev.pk).update(status=LeveringStatus.VERWIJDERD)  # 305, status 3
    werk_bij(gemeente, medewerker)

    registratie = Registratie.objects.get()
    assert registratie.vervallen
    assert te_melden(gemeente) == [(c.pk, "correctie", None, d(1, 1))]
    services.meld_aan_cak(gemeente, acting_user=medewerker)
    registratie.refresh_from_db()
    assert registratie.gemelde_begindatum is None
    assert werk_bij(gemeente, medewerker).gewijzigd is False


def test_een_overbrugde_pauze_na_melden_voegt_twee_registraties_samen(gemeente, medewerker):
    c = client(gemeente)
    t = toewijzing(gemeente, c, ingang=d(1, 1))
    levering(t, d(1, 1), d(31, 1), reden="20")
    werk_bij(gemeente, medewerker, op=d(1, 4))  # no restart for 2 months: a stop
    services.meld_aan_cak(gemeente, acting_user=medewerker)
    assert Registratie.objects.get().gemelde_einddatum == d(31, 1)

    levering(t, d(20, 2))  # a restart reported late, within 28 days of the pause
    werk_bij(gemeente, medewerker, op=d(1, 4))

    assert te_melden(gemeente) == [(c.pk, "correctie", None, d(31, 1))]
    assert Registratie.objects.filter(vervallen=False).count() == 1


def test_alleen_de_eigen_gemeente_en_alleen_haar_eigen_leveringen(gemeente, medewerker):
    andere = GemeenteFactory(naam="Anderstad", gemeentecode="0363")
    vreemde = client(andere, bsn="999993653")
    levering(toewijzing(andere, vreemde, ingang=d(1, 1)), d(1, 1))
    # The aanbieder's own record of a start never counts (only the gemeente's).
    eigen = client(gemeente)
    t = toewijzing(gemeente, eigen, ingang=d(1, 1))
    ontvangen = AanbiederToewijzing.objects.create(
        aanbieder=t.aanbieder,
        gemeente=gemeente,
        client=client(t.aanbieder),
        wet="wmo",
        toewijzingnummer=t.toewijzingnummer,
        productcategorie="02",
        ingangsdatum=d(1, 1),
        toewijzingsdatum=d(1, 1),
        toewijzingstijd=t.toewijzingstijd,
        bericht=Bericht.objects.create(
            inhoud=b"<x/>",
            sha256="0" * 64,
            grootte=4,
            afzender=gemeente,
            ontvanger=t.aanbieder,
            transport="intern",
            status="verwerkt",
            standaard="iwmo",
            nummer=301,
            identificatie="T1",
        ),
        ontvangen_op=d(1, 1),
    )
    Levering.objects.create(aanbieder_toewijzing=ontvangen, begindatum=d(1, 1))

    werk_bij(gemeente, medewerker)

    assert not Registratie.objects.exists()
    services.werk_bij(andere, acting_user=None, op=OP)
    assert list(Registratie.objects.values_list("gemeente_id", "client_id")) == [
        (andere.pk, vreemde.pk)
    ]
    with pytest.raises(ValidationError, match="geen meldingen"):
        services.meld_aan_cak(gemeente, acting_user=medewerker)
    assert Melding.objects.get().status == "te_melden"


def test_een_ander_mag_niet_bijwerken_of_melden(gemeente):
    c = client(gemeente)
    levering(toewijzing(gemeente, c, ingang=d(1, 1)), d(1, 1))
    andere = GemeenteFactory(naam="Anderstad", gemeentecode="0363")
    for gebruiker in (
        backoffice(andere),
        GebruikerFactory(organisatie=gemeente, rol=Rol.TOEGANGSMEDEWERKER),
        GebruikerFactory(organisatie=AanbiederFactory(), rol=Rol.AANBIEDER),
    ):
        with pytest.raises(PermissionDenied, match="backoffice"):
            services.werk_bij(gemeente, acting_user=gebruiker, op=OP)
        with pytest.raises(PermissionDenied):
            services.meld_aan_cak(gemeente, acting_user=gebruiker)
    assert not Registratie.objects.exists()


def test_melden_schrijft_csv_markeert_gemeld_en_logt_per_client(gemeente, medewerker):
    a = client(gemeente, bsn="999993653", geslachtsnaam="Aalbers", geboren=d(2, 3, 1960))
    b = client(gemeente, geslachtsnaam="Bakker")
    levering(toewijzing(gemeente, a, ingang=d(1, 1)), d(1, 1), d(31, 3))
    levering(toewijzing(gemeente, b, ingang=d(1, 2)), d(1, 2))
    werk_bij(gemeente, medewerker)

    export = services.meld_aan_cak(gemeente, acting_user=medewerker)

    regels = export.tekst.lstrip("\ufeff").splitlines()
    assert regels[0] == (
        "Gemeentecode;BSN;Naam;Geboortedatum;Soort;Betreft;Datum;Eerder gemelde datum;"
        "Registratie vanaf"
    )
    assert regels[1:] == [
        "0988;999993653;Jan Aalbers;02-03-1960;Start;Startdatum;01-01-2026;;01-01-2026",
        "0988;999993653;Jan Aalbers;02-03-1960;Stop;Stopdatum;31-03-2026;;01-01-2026",
        f"0988;{b.bsn};Jan Bakker;17-05-1950;Start;Startdatum;01-02-2026;;01-02-2026",
    ]
    assert export.aantal == 3
    assert export.bestandsnaam.startswith("cak-meldingen-0988-")
    assert set(Melding.objects.values_list("status", "gemeld_door")) == {("gemeld", medewerker.pk)}
    gelogd = AuditRegel.objects.filter(actie="eigenbijdrage.gemeld")
    assert sorted(gelogd.values_list("client_id", flat=True)) == sorted([a.pk, b.pk])
    with pytest.raises(ValidationError, match="geen meldingen"):
        services.meld_aan_cak(gemeente, acting_user=medewerker)
