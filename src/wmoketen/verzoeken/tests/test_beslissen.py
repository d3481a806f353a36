"""Gemeente side: the backoffice decides on a received 315 (per product) or 317 (as a whole).

The gemeente's Verzoek records are built directly here (as ``verzoeken.ontvangst`` stores
them); the messages sent are checked as XML, valid against the standard.
"""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from lxml import etree

from istandaarden.validation import validate
from wmoketen.accounts.constants import Rol
from wmoketen.berichten.models import Bericht
from wmoketen.factories import GebruikerFactory, GemeenteFactory
from wmoketen.termijnen import services as termijnen
from wmoketen.termijnen.constants import Status as TermijnStatus
from wmoketen.termijnen.kalender import volgende_werkdag
from wmoketen.termijnen.queries import termijnen_voor
from wmoketen.toewijzingen.models import Toewijzing
from wmoketen.toewijzingen.services import TeWijzenProduct, wijs_toe
from wmoketen.verzoeken.beslissen import (
    honoreer_wijziging,
    wijs_af,
    wijs_producten_toe,
    zet_in_onderzoek,
)
from wmoketen.verzoeken.constants import Kant, ProductSoort, Soort, Status
from wmoketen.verzoeken.models import Antwoord, Verzoek, VerzoekProduct

from .hulp import EINDE, INGANG


def xml(bericht: Bericht) -> str:
    assert validate(bericht.bytes) == []
    return bericht.bytes.decode()


def teksten(bericht: Bericht, tag: str) -> list[str]:
    """The texts of every element ``tag`` in the (valid) message."""
    xml(bericht)
    return [e.text for e in etree.fromstring(bericht.bytes).iter(f"{{*}}{tag}")]


def ontvangen(gemeente, aanbieder, client, wet, soort=Soort.TOEWIJZING, **velden) -> Verzoek:
    """The gemeente's record of a received request, with its answer deadline."""
    verzoek = Verzoek.objects.create(
        organisatie=gemeente,
        kant=Kant.GEMEENTE,
        gemeente=gemeente,
        aanbieder=aanbieder,
        client=client,
        wet=wet,
        soort=soort,
        dagtekening=timezone.localdate(),
        **velden,
    )
    termijnen.open_termijn(
        "antwoord_315" if soort == Soort.TOEWIJZING else "antwoord_317",
        onderwerp=verzoek,
        gemeente=gemeente,
        startdatum=verzoek.dagtekening,
        acting_user=None,
    )
    return verzoek


def product(verzoek, p, referentie="", soort=ProductSoort.AANGEVRAAGD, **velden):
    waarden = dict(
        productcategorie=p.productcategorie,
        productcode=p.productcode,
        product=p,
        ingangsdatum=INGANG,
        einddatum=EINDE,
        volume=3,
        eenheid=p.eenheid,
        frequentie=p.frequentie,
        verwijzer_type="02" if verzoek.wet == "jeugdwet" else "01",
    )
    return VerzoekProduct.objects.create(
        verzoek=verzoek, soort=soort, referentie_aanbieder=referentie, **{**waarden, **velden}
    )


def termijn(verzoek, code):
    return termijnen_voor(verzoek, verzoek.gemeente).filter(regel__code=code).get()


@pytest.fixture
def jw315(almere, aanbieder, contracten, producten, kind_almere):
    verzoek = ontvangen(almere, aanbieder, kind_almere, "jeugdwet")
    product(verzoek, producten.jw_ambulant, "R0000000001")
    product(verzoek, producten.jw_gezin, "R0000000002")
    return verzoek


def test_315_per_product_toegewezen_en_afgewezen(jw315, backoffice_almere):
    ambulant, gezin = jw315.producten.all()

    [toewijzing] = wijs_producten_toe(jw315, [ambulant], acting_user=backoffice_almere)

    assert (toewijzing.referentie_aanbieder, toewijzing.beschikkingnummer) == ("R0000000001", "")
    assert (toewijzing.product, toewijzing.volume) == (ambulant.product, 3)
    ambulant.refresh_from_db()
    jw315.refresh_from_db()
    assert (ambulant.status, ambulant.toewijzing) == (Status.TOEGEWEZEN, toewijzing)
    assert jw315.status == Status.OPEN and jw315.besloten_op is None  # gezin still waits
    assert toewijzing.bericht.nummer == 301
    assert teksten(toewijzing.bericht, "ReferentieAanbieder") == ["R0000000001"]
    assert termijn(jw315, "antwoord_315").status == TermijnStatus.GEHAALD

    antwoord = wijs_af(jw315, reden="4", producten=[gezin], acting_user=backoffice_almere)

    assert (antwoord.referentie_aanbieder, antwoord.verzoek_antwoord) == ("R0000000002", "1")
    assert antwoord.organisatie_id == jw315.gemeente_id
    assert antwoord.bericht.nummer == 319
    assert teksten(antwoord.bericht, "ReferentieAanbieder") == ["R0000000002"]
    assert teksten(antwoord.bericht, "RedenAfwijzingVerzoek") == ["4"]
    assert teksten(antwoord.bericht, "Woonplaatsbeginsel") == []
    gezin.refresh_from_db()
    jw315.refresh_from_db()
    assert (gezin.status, gezin.reden_afwijzing) == (Status.AFGEWEZEN, "4")
    assert jw315.status == Status.DEELS and jw315.besloten_op is not None


def test_320_met_fouten_opent_alleen_het_afgewezen_product_weer(jw315, backoffice_almere):
    from wmoketen.verzoeken.status import antwoord_afgekeurd

    ambulant, gezin = jw315.producten.all()
    wijs_producten_toe(jw315, [ambulant], acting_user=backoffice_almere)
    antwoord = wijs_af(jw315, reden="4", producten=[gezin], acting_user=backoffice_almere)

    antwoord_afgekeurd(antwoord.bericht, ["9355"])

    ambulant.refresh_from_db()
    gezin.refresh_from_db()
    jw315.refresh_from_db()
    assert (ambulant.status, gezin.status) == (Status.TOEGEWEZEN, Status.OPEN)
    assert jw315.status == Status.OPEN and jw315.besloten_op is None
    # The backoffice answers the product again.
    opnieuw = wijs_af(jw315, reden="3", producten=[gezin], acting_user=backoffice_almere)
    assert opnieuw.referentie_aanbieder == "R0000000002"
    jw315.refresh_from_db()
    assert jw315.status == Status.DEELS


def test_referentie_alleen_in_de_301_die_het_verzoek_honoreert(jw315, backoffice_almere):
    from wmoketen.toewijzingen.services import verstuur_301

    ambulant, _ = jw315.producten.all()
    [toewijzing] = wijs_producten_toe(jw315, [ambulant], acting_user=backoffice_almere)

    opnieuw = verstuur_301(
        gemeente=jw315.gemeente,
        aanbieder=jw315.aanbieder,
        client=jw315.client,
        wet="jeugdwet",
        acting_user=backoffice_almere,
    )

    assert teksten(toewijzing.bericht, "ReferentieAanbieder") == ["R0000000001"]
    assert teksten(opnieuw, "ReferentieAanbieder") == []  # TR379: only the first time
    toewijzing.refresh_from_db()
    assert toewijzing.referentie_aanbieder == "R0000000001"  # still on record


def test_wmo315_citeert_de_open_beschikking(
    weert, aanbieder, contracten, producten, volwassene_weert, backoffice_weert
):
    verzoek = ontvangen(weert, aanbieder, volwassene_weert, "wmo")
    vp = product(
        verzoek,
        producten.wmo_begeleiding,
        "R0000000007",
        beschikkingnummer=260000012,
        beschikking_ingangsdatum=INGANG,
    )

    [toewijzing] = wijs_producten_toe(verzoek, [vp], acting_user=backoffice_weert)

    assert toewijzing.beschikkingnummer == "260000012"
    assert toewijzing.bericht.berichtcode == "414"  # WMO301
    verzoek.refresh_from_db()
    assert verzoek.status == Status.TOEGEWEZEN
    assert teksten(toewijzing.bericht, "ReferentieAanbieder") == ["R0000000007"]


def test_in_onderzoek_en_daarna_definitief(jw315, backoffice_almere):
    antwoord = zet_in_onderzoek(
        jw315, toelichting="Wacht op verslag", acting_user=backoffice_almere
    )

    assert antwoord.verzoek_antwoord == "2" and antwoord.reden_afwijzing == ""
    # One 319 per product reference.
    assert sorted(
        t for a in jw315.antwoorden.all() for t in teksten(a.bericht, "ReferentieAanbieder")
    ) == ["R0000000001", "R0000000002"]
    assert teksten(antwoord.bericht, "VerzoekAntwoord") == ["2"]
    assert teksten(antwoord.bericht, "RedenAfwijzingVerzoek") == []
    jw315.refresh_from_db()
    assert jw315.status == Status.IN_ONDERZOEK
    assert termijn(jw315, "antwoord_315").status == TermijnStatus.GEHAALD
    definitief = termijn(jw315, "definitief_antwoord_verzoek")
    assert definitief.status == TermijnStatus.OPEN
    # 8 weeks from the dagtekening, moved to a werkdag (the dagtekening is today).
    assert definitief.vervaldatum == volgende_werkdag(
        jw315.dagtekening + timedelta(weeks=8), gemeente=jw315.gemeente
    )
    with pytest.raises(ValidationError, match="al in onderzoek"):
        zet_in_onderzoek(jw315, acting_user=backoffice_almere)  # TR360

    ambulant, gezin = jw315.producten.all()
    wijs_producten_toe(jw315, [ambulant], acting_user=backoffice_almere)
    assert termijn(jw315, "definitief_antwoord_verzoek").status == TermijnStatus.OPEN
    wijs_af(jw315, reden="7", acting_user=backoffice_almere)  # the rest: gezin

    jw315.refresh_from_db()
    gezin.refresh_from_db()
    assert gezin.status == Status.AFGEWEZEN
    assert jw315.status == Status.DEELS
    assert termijn(jw315, "definitief_antwoord_verzoek").status == TermijnStatus.GEHAALD


def test_woonplaatsbeginsel_alleen_in_de_jw319(jw315, backoffice_almere):
    antwoord = wijs_af(jw315, reden="8", woonplaatsbeginsel="0363", acting_user=backoffice_almere)

    assert teksten(antwoord.bericht, "Gemeente") == ["0363"]
    assert teksten(antwoord.bericht, "RedenAfwijzingVerzoek") == ["8"]
    assert jw315.antwoorden.count() == 2
    jw315.refresh_from_db()
    assert jw315.status == Status.AFGEWEZEN


@pytest.mark.parametrize(
    ("reden", "woonplaatsbeginsel", "fout"),
    [
        ("0", "", "WJ759"),
        ("X", "", "WJ759"),
        ("8", "", "TR377"),
        ("4", "0363", "TR409"),
        ("8", "36", "4 cijfers"),
        ("8", "0034", "andere gemeente"),
    ],
)
def test_afwijzing_met_verkeerde_reden(jw315, backoffice_almere, reden, woonplaatsbeginsel, fout):
    with pytest.raises(ValidationError, match=fout):
        wijs_af(
            jw315, reden=reden, woonplaatsbeginsel=woonplaatsbeginsel, acting_user=backoffice_almere
        )

    assert not Antwoord.objects.exists() and not Bericht.objects.filter(nummer=319).exists()
    assert set(jw315.producten.values_list("status", flat=True)) == {Status.OPEN}


def test_woonplaatsbeginsel_niet_in_de_wmo(
    weert, aanbieder, contracten, producten, volwassene_weert, backoffice_weert
):
    verzoek = ontvangen(weert, aanbieder, volwassene_weert, "wmo")
    product(verzoek, producten.wmo_begeleiding, "R0000000007")

    with pytest.raises(ValidationError, match="alleen in de Jeugdwet"):
        wijs_af(verzoek, reden="8", woonplaatsbeginsel="0363", acting_user=backoffice_weert)

    antwoord = wijs_af(verzoek, reden="3", acting_user=backoffice_weert)
    assert teksten(antwoord.bericht, "Woonplaatsbeginsel") == []
    assert antwoord.bericht.berichtcode == "482"  # WMO319


def test_twee_keer_beslissen(jw315, backoffice_almere):
    ambulant, gezin = jw315.producten.all()
    wijs_producten_toe(jw315, [ambulant], acting_user=backoffice_almere)

    with pytest.raises(ValidationError, match="al beslist"):
        wijs_af(jw315, reden="4", producten=[ambulant], acting_user=backoffice_almere)
    with pytest.raises(ValidationError, match="al beslist"):
        wijs_producten_toe(jw315, [ambulant], acting_user=backoffice_almere)
    wijs_af(jw315, reden="4", acting_user=backoffice_almere)
    with pytest.raises(ValidationError, match="al beslist"):
        wijs_af(jw315, reden="4", acting_user=backoffice_almere)
    assert Toewijzing.objects.count() == 1 and Antwoord.objects.count() == 1


def test_product_van_een_ander_verzoek(jw315, backoffice_almere, almere, aanbieder, producten):
    ander = ontvangen(almere, aanbieder, jw315.client, "jeugdwet")
    vreemd = product(ander, producten.jw_gezin, "R0000000009")

    with pytest.raises(ValidationError, match="hoort niet bij dit verzoek"):
        wijs_producten_toe(jw315, [vreemd], acting_user=backoffice_almere)
    assert not Toewijzing.objects.exists()


def test_alleen_de_backoffice_van_de_eigen_gemeente(jw315, medewerker, almere):
    andere = GemeenteFactory(naam="Lelystad", gemeentecode="0995")
    buiten = GebruikerFactory(username="bo-lelystad", organisatie=andere, rol=Rol.BACKOFFICE)
    consulent = GebruikerFactory(
        username="consulent", organisatie=almere, rol=Rol.TOEGANGSMEDEWERKER
    )
    ambulant = jw315.producten.first()

    for gebruiker in (buiten, consulent, medewerker):
        with pytest.raises(PermissionDenied):
            wijs_producten_toe(jw315, [ambulant], acting_user=gebruiker)
        with pytest.raises(PermissionDenied):
            zet_in_onderzoek(jw315, acting_user=gebruiker)
        with pytest.raises(PermissionDenied):
            wijs_af(jw315, reden="4", acting_user=gebruiker)
    assert not Bericht.objects.exists()


def test_het_systeem_mag_beslissen(jw315):
    antwoord = wijs_af(jw315, reden="4", acting_user=None)
    assert antwoord.bericht.nummer == 319


def test_de_aanbieder_kant_beslist_niet(aanbieder, kind, almere, backoffice_almere, producten):
    verzoek = Verzoek.objects.create(
        organisatie=aanbieder,
        kant=Kant.AANBIEDER,
        gemeente=almere,
        aanbieder=aanbieder,
        client=kind,
        wet="jeugdwet",
        soort=Soort.TOEWIJZING,
        dagtekening=timezone.localdate(),
    )
    with pytest.raises(ValidationError, match="Alleen de gemeente"):
        wijs_af(verzoek, reden="4", acting_user=backoffice_almere)


# 317 -----------------------------------------------------------------------------------


@pytest.fixture
def lopend(almere, aanbieder, contracten, producten, kind_almere):
    """Two running allocations of the child at the aanbieder (gemeente side)."""
    return wijs_toe(
        gemeente=almere,
        aanbieder=aanbieder,
        client=kind_almere,
        wet="jeugdwet",
        producten=[
            TeWijzenProduct(p, INGANG, EINDE, 3, p.eenheid, p.frequentie)
            for p in (producten.jw_ambulant,)
        ],
        beschikkingnummer="",
        acting_user=None,
    )


def jw317(almere, aanbieder, kind_almere, toewijzing, *, ingang, volume=6, nieuw=None):
    verzoek = ontvangen(
        almere,
        aanbieder,
        kind_almere,
        "jeugdwet",
        soort=Soort.WIJZIGING,
        referentie_aanbieder="R0000000020",
        reden_verzoek="1",
    )
    product(
        verzoek,
        toewijzing.product,
        soort=ProductSoort.TE_WIJZIGEN,
        toewijzingnummer=toewijzing.toewijzingnummer,
        ingangsdatum=ingang,
        einddatum=EINDE,
        volume=volume,
        verwijzer_type="",
    )
    if nieuw is not None:
        product(verzoek, nieuw, soort=ProductSoort.NIEUW, verwijzer_type="")
    return verzoek


def test_317_wijziging_op_dezelfde_ingangsdatum(
    lopend, almere, aanbieder, kind_almere, producten, backoffice_almere
):
    [oud] = lopend
    verzoek = jw317(almere, aanbieder, kind_almere, oud, ingang=INGANG, nieuw=producten.jw_gezin)

    situatie = honoreer_wijziging(verzoek, acting_user=backoffice_almere)

    gewijzigd, nieuw = situatie
    assert gewijzigd.pk == oud.pk and gewijzigd.volume == 6
    assert gewijzigd.reden_wijziging == "12"
    assert (nieuw.product, nieuw.reden_wijziging) == (producten.jw_gezin, "")
    assert {t.referentie_aanbieder for t in situatie} == {"R0000000020"}
    assert Toewijzing.objects.count() == 2
    bericht = gewijzigd.bericht
    assert nieuw.bericht == bericht  # ONE 301 with the complete new situation
    assert teksten(bericht, "ReferentieAanbieder") == ["R0000000020"] * 2
    assert teksten(bericht, "RedenWijziging") == ["12"]  # only on the changed one
    verzoek.refresh_from_db()
    assert verzoek.status == Status.TOEGEWEZEN
    assert set(verzoek.producten.values_list("status", flat=True)) == {Status.TOEGEWEZEN}
    assert termijn(verzoek, "antwoord_317").status == TermijnStatus.GEHAALD


def test_317_wijziging_vanaf_een_latere_datum(
    lopend, almere, aanbieder, kind_almere, backoffice_almere
):
    [oud] = lopend
    later = INGANG + timedelta(days=60)
    verzoek = jw317(almere, aanbieder, kind_almere, oud, ingang=later)

    [nieuw] = honoreer_wijziging(verzoek, acting_user=backoffice_almere)

    oud.refresh_from_db()
    assert oud.einddatum == later - timedelta(days=1) and oud.reden_wijziging == "12"
    assert (nieuw.ingangsdatum, nieuw.volume, nieuw.product) == (later, 6, oud.product)
    assert nieuw.toewijzingnummer != oud.toewijzingnummer
    assert teksten(nieuw.bericht, "ToewijzingNummer") == [
        str(oud.toewijzingnummer),
        str(nieuw.toewijzingnummer),
    ]
    assert teksten(nieuw.bericht, "RedenWijziging") == ["12"]


def test_317_op_een_beeindigde_toewijzing(
    lopend, almere, aanbieder, kind_almere, backoffice_almere
):
    [oud] = lopend
    Toewijzing.objects.filter(pk=oud.pk).update(
        ingangsdatum=date(2024, 1, 1), einddatum=date(2024, 12, 31)
    )
    verzoek = jw317(almere, aanbieder, kind_almere, oud, ingang=date(2024, 1, 1))
    berichten = Bericht.objects.count()

    with pytest.raises(ValidationError, match="beëindigd"):
        honoreer_wijziging(verzoek, acting_user=backoffice_almere)

    assert Bericht.objects.count() == berichten and Toewijzing.objects.count() == 1
    oud.refresh_from_db()
    assert (oud.volume, oud.reden_wijziging) == (3, "")
    verzoek.refresh_from_db()
    assert verzoek.status == Status.OPEN
    # Refusing it is still possible, as a whole.
    antwoord = wijs_af(verzoek, reden="4", acting_user=backoffice_almere)
    assert antwoord.referentie_aanbieder == "R0000000020"


def test_317_als_geheel(lopend, almere, aanbieder, kind_almere, producten, backoffice_almere):
    [oud] = lopend
    verzoek = jw317(almere, aanbieder, kind_almere, oud, ingang=INGANG, nieuw=producten.jw_gezin)
    eerste = verzoek.producten.first()

    with pytest.raises(ValidationError, match="als geheel"):
        wijs_af(verzoek, reden="4", producten=[eerste], acting_user=backoffice_almere)
    with pytest.raises(ValidationError, match="als geheel"):
        wijs_producten_toe(verzoek, [eerste], acting_user=backoffice_almere)

    antwoord = wijs_af(verzoek, reden="2", acting_user=backoffice_almere)

    assert verzoek.antwoorden.count() == 1  # one 319 for the whole request
    assert antwoord.referentie_aanbieder == "R0000000020"
    verzoek.refresh_from_db()
    assert verzoek.status == Status.AFGEWEZEN
    with pytest.raises(ValidationError, match="al beslist"):
        honoreer_wijziging(verzoek, acting_user=backoffice_almere)
