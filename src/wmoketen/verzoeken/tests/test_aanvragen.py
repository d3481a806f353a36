"""Aanbieder side: the 315 and 317 are checked, stored and sent as valid messages."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from istandaarden.codec import parse
from istandaarden.validation import validate
from wmoketen.berichten.models import Bericht
from wmoketen.testdatum import dag
from wmoketen.verzoeken.aanvragen import (
    NieuwProductInvoer,
    WijzigingInvoer,
    vraag_toewijzing_aan,
    vraag_wijziging_aan,
)
from wmoketen.verzoeken.constants import Kant, ProductSoort, Status
from wmoketen.verzoeken.models import Verzoek, VerzoekProduct

from .hulp import EINDE, aangevraagd, jw_315


def test_jw315_wordt_bewaard_en_als_geldig_bericht_verstuurd(
    aanbieder, almere, contracten, producten, kind, medewerker
):
    verzoek = jw_315(
        aanbieder,
        almere,
        kind,
        medewerker,
        [
            aangevraagd(producten.jw_ambulant),
            aangevraagd(
                producten.jw_gezin,
                verwijzer_type="04",
                verwijzer_zorgverlenercode="",
                verwijzer_naam="GI Flevoland",
                ingangsdatum=dag(2027, 4, 1),
                einddatum=dag(2027, 12, 31),
                volume=None,
                budget=Decimal("1500.00"),
            ),
        ],
        grondslag="Bepaling jeugdhulp GI 2026-17",
    )

    assert (verzoek.kant, verzoek.organisatie_id, verzoek.status) == (
        Kant.AANBIEDER,
        aanbieder.pk,
        Status.OPEN,
    )
    bericht = verzoek.bericht
    assert (bericht.naam, bericht.afzender_id, bericht.ontvanger_id) == (
        "JW315",
        aanbieder.pk,
        almere.pk,
    )
    assert validate(bericht.bytes) == []
    a, b = verzoek.producten.all()
    assert a.referentie_aanbieder.startswith("R") and len(a.referentie_aanbieder) == 11
    assert a.referentie_aanbieder != b.referentie_aanbieder
    xml = parse(bericht.bytes)
    assert (xml.header.afzender, xml.header.ontvanger) == ("12345678", "0034")
    assert xml.client.bsn == kind.bsn
    assert "Bepaling jeugdhulp GI 2026-17" in xml.client.commentaar
    p1, p2 = xml.client.aangevraagde_producten.aangevraagd_product
    assert (p1.referentie_aanbieder, p1.product.code, p1.omvang.volume) == (
        a.referentie_aanbieder,
        "45A10",
        4,
    )
    assert p1.verwijzer.zorgverlener_code == "01234567" and p1.verwijzer.naam is None
    assert (p2.budget, p2.omvang, p2.verwijzer.naam) == (150000, None, "GI Flevoland")


def test_wmo315_met_open_beschikking(
    aanbieder, weert, contracten, producten, volwassene, medewerker
):
    verzoek = vraag_toewijzing_aan(
        aanbieder=aanbieder,
        gemeente=weert,
        client=volwassene,
        wet="wmo",
        producten=[
            aangevraagd(
                producten.wmo_begeleiding,
                verwijzer_type="01",
                verwijzer_zorgverlenercode="",
                beschikkingnummer=2026001,
                beschikking_ingangsdatum=dag(2026, 2, 1),
            )
        ],
        acting_user=medewerker,
    )
    assert verzoek.bericht.naam == "WMO315"
    assert validate(verzoek.bericht.bytes) == []
    [p] = parse(verzoek.bericht.bytes).client.aangevraagde_producten.aangevraagd_product
    assert (p.beschikking_nummer, p.verwijzer.type_value.value) == (2026001, "01")


def _geen_verzoek():
    assert not Verzoek.objects.exists() and not VerzoekProduct.objects.exists()
    assert not Bericht.objects.exists()


@pytest.mark.parametrize(
    ("invoer", "fout"),
    [
        ({"product": "jw_buiten"}, "geen contract"),
        ({"verwijzer_type": "06", "verwijzer_zorgverlenercode": ""}, "niet toegestaan"),
        ({"verwijzer_type": "", "verwijzer_zorgverlenercode": ""}, "verwezen"),
        ({"verwijzer_naam": "Dokter Jansen"}, "CD066"),
        ({"verwijzer_zorgverlenercode": ""}, "CD067"),
        ({"verwijzer_type": "01"}, "CD068"),
        ({"einddatum": None}, "einddatum"),
        ({"volume": None}, "volume"),
    ],
)
def test_315_met_fout_wordt_geweigerd_en_niets_bewaard(
    aanbieder, almere, contracten, producten, kind, medewerker, invoer, fout
):
    if "product" in invoer:
        invoer["product"] = getattr(producten, invoer["product"])
    invoer = {"product": producten.jw_ambulant, **invoer}
    with pytest.raises(ValidationError, match=fout):
        jw_315(aanbieder, almere, kind, medewerker, [aangevraagd(**invoer)])
    _geen_verzoek()


def test_wmo315_zonder_beschikking_wordt_geweigerd(
    aanbieder, weert, contracten, producten, volwassene, medewerker
):
    with pytest.raises(ValidationError, match="beschikkingnummer"):
        vraag_toewijzing_aan(
            aanbieder=aanbieder,
            gemeente=weert,
            client=volwassene,
            wet="wmo",
            producten=[
                aangevraagd(
                    producten.wmo_begeleiding, verwijzer_type="01", verwijzer_zorgverlenercode=""
                )
            ],
            acting_user=medewerker,
        )
    _geen_verzoek()


def test_315_door_gemeentemedewerker_geweigerd(
    aanbieder, almere, contracten, producten, kind, backoffice_almere
):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        jw_315(aanbieder, almere, kind, backoffice_almere, [aangevraagd(producten.jw_ambulant)])
    _geen_verzoek()


def test_315_overlappend_product_in_hetzelfde_verzoek(
    aanbieder, almere, contracten, producten, kind, medewerker
):
    with pytest.raises(ValidationError, match="TR386"):
        jw_315(
            aanbieder,
            almere,
            kind,
            medewerker,
            [
                aangevraagd(producten.jw_ambulant),
                aangevraagd(producten.jw_ambulant, ingangsdatum=dag(2026, 6, 1)),
            ],
        )
    _geen_verzoek()


def test_315_overlappend_met_lopende_toewijzing(
    aanbieder, almere, contracten, producten, kind, kind_almere, medewerker, toegewezen
):
    toegewezen(almere, kind_almere, [producten.jw_ambulant], wet="jeugdwet")
    with pytest.raises(ValidationError, match="OP259"):
        jw_315(
            aanbieder,
            almere,
            kind,
            medewerker,
            [aangevraagd(producten.jw_ambulant, ingangsdatum=dag(2026, 9, 1))],
        )
    # After the current allocation ends it may be asked for.
    verzoek = jw_315(
        aanbieder,
        almere,
        kind,
        medewerker,
        [
            aangevraagd(
                producten.jw_ambulant,
                ingangsdatum=EINDE + timedelta(days=1),
                einddatum=None,
                frequentie="4",
            )
        ],
    )
    assert verzoek.bericht is not None


def test_315_terwijl_een_verzoek_onderhanden_is(
    aanbieder, almere, contracten, producten, kind, medewerker
):
    jw_315(aanbieder, almere, kind, medewerker, [aangevraagd(producten.jw_ambulant)])
    with pytest.raises(ValidationError, match="TR374"):
        jw_315(aanbieder, almere, kind, medewerker, [aangevraagd(producten.jw_gezin)])
    assert Verzoek.objects.count() == 1


def test_intake_langer_dan_5_werkdagen_geleden_wordt_genoteerd(
    aanbieder, almere, contracten, producten, kind, medewerker
):
    vandaag = timezone.localdate()
    verzoek = jw_315(
        aanbieder,
        almere,
        kind,
        medewerker,
        [aangevraagd(producten.jw_ambulant)],
        intakedatum=vandaag - timedelta(days=14),
    )
    [bevinding] = verzoek.bevindingen
    assert "5 werkdagen" in bevinding
    Verzoek.objects.all().delete()
    verzoek = jw_315(
        aanbieder,
        almere,
        kind,
        medewerker,
        [aangevraagd(producten.jw_ambulant)],
        intakedatum=vandaag,
    )
    assert verzoek.bevindingen == []


# ------------------------------------------------------------------------------- 317


def test_jw317_wijzigt_en_vraagt_nieuw_product(
    aanbieder, almere, producten, kind, medewerker, lopend
):
    ambulant, gezin = lopend
    verzoek = vraag_wijziging_aan(
        aanbieder=aanbieder,
        gemeente=almere,
        client=kind,
        wet="jeugdwet",
        reden_verzoek="1",
        ongewijzigd=[gezin],
        te_wijzigen=[
            WijzigingInvoer(ambulant, ambulant.ingangsdatum, EINDE, 6, "04", "2"),
        ],
        nieuw=[],
        grondslag="Nieuwe bepaling jeugdhulp GI 2026-18",
        acting_user=medewerker,
    )
    bericht = verzoek.bericht
    assert bericht.naam == "JW317" and validate(bericht.bytes) == []
    assert verzoek.referentie_aanbieder.startswith("R")
    assert verzoek.grondslag == "Nieuwe bepaling jeugdhulp GI 2026-18"
    soorten = {p.soort: p for p in verzoek.producten.all()}
    assert soorten[ProductSoort.TE_WIJZIGEN].aanbieder_toewijzing == ambulant
    assert soorten[ProductSoort.TE_WIJZIGEN].volume == 6
    xml = parse(bericht.bytes).client
    assert xml.bsn == kind.bsn
    assert xml.verzoek.referentie_aanbieder == verzoek.referentie_aanbieder
    [tw] = xml.verzoek.te_wijzigen_producten.te_wijzigen_product
    assert (tw.toewijzing_nummer, tw.omvang.volume) == (ambulant.toewijzingnummer, 6)
    [og] = xml.verzoek.ongewijzigde_producten.ongewijzigd_product
    assert og.toewijzing_nummer == gezin.toewijzingnummer


def test_317_zonder_wijziging_of_op_beeindigde_toewijzing_geweigerd(
    aanbieder, almere, producten, kind, medewerker, lopend
):
    ambulant, gezin = lopend

    def wijzig(**kwargs):
        return vraag_wijziging_aan(
            aanbieder=aanbieder,
            gemeente=almere,
            client=kind,
            wet="jeugdwet",
            reden_verzoek="2",
            **{"ongewijzigd": [], "te_wijzigen": [], "nieuw": [], **kwargs},
            acting_user=medewerker,
        )

    with pytest.raises(ValidationError, match="minstens één"):
        wijzig(ongewijzigd=[gezin])
    with pytest.raises(ValidationError, match="verandert niets"):
        wijzig(
            ongewijzigd=[gezin],
            te_wijzigen=[WijzigingInvoer(ambulant, ambulant.ingangsdatum, EINDE, 3, "04", "2")],
        )
    with pytest.raises(ValidationError, match="TR349"):
        wijzig(te_wijzigen=[WijzigingInvoer(ambulant, ambulant.ingangsdatum, EINDE, 5, "04", "2")])
    with pytest.raises(ValidationError, match="stapeling"):
        wijzig(
            ongewijzigd=[ambulant, gezin],
            nieuw=[NieuwProductInvoer(producten.jw_gezin, dag(2027, 1, 4), EINDE, 2, "04", "2")],
        )
    gezin.status = "vervallen"
    gezin.save()
    with pytest.raises(ValidationError, match="niet meer actueel"):
        wijzig(
            ongewijzigd=[ambulant],
            te_wijzigen=[WijzigingInvoer(gezin, gezin.ingangsdatum, EINDE, 9, "04", "2")],
        )
    _geen_317()


def _geen_317():
    assert not Verzoek.objects.exists()
    assert not Bericht.objects.filter(nummer=317).exists()
