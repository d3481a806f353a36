"""The antwoordbericht (319) and how the aanbieder's requests follow the answers it receives."""

from datetime import timedelta

import pytest
from django.utils import timezone

from istandaarden.codec import parse
from istandaarden.validation import validate
from wmoketen.berichten.services import ontvang
from wmoketen.toewijzingen.models import AanbiederToewijzing
from wmoketen.toewijzingen.services import TeWijzenProduct, wijs_toe
from wmoketen.verzoeken.aanvragen import AangevraagdProductInvoer, vraag_toewijzing_aan
from wmoketen.verzoeken.antwoord import bouw_319
from wmoketen.verzoeken.beslissen import wijs_producten_toe
from wmoketen.verzoeken.constants import Kant, Soort, Status
from wmoketen.verzoeken.models import Antwoord, Verzoek

from .hulp import EINDE, INGANG


def gemeente_verzoek(gemeente, aanbieder, client, wet) -> Verzoek:
    return Verzoek.objects.create(
        organisatie=gemeente,
        kant=Kant.GEMEENTE,
        gemeente=gemeente,
        aanbieder=aanbieder,
        client=client,
        wet=wet,
        soort=Soort.TOEWIJZING,
        dagtekening=timezone.localdate(),
    )


def test_jw319_met_woonplaatsbeginsel(almere, aanbieder, kind_almere):
    verzoek = gemeente_verzoek(almere, aanbieder, kind_almere, "jeugdwet")
    antwoord = Antwoord(
        organisatie=almere,
        verzoek=verzoek,
        referentie_aanbieder="R0000000001",
        verzoek_antwoord="1",
        reden_afwijzing="8",
        woonplaatsbeginsel="0363",
    )

    data = bouw_319(antwoord)

    assert validate(data) == []
    bericht = parse(data)
    assert (bericht.header.afzender, bericht.header.ontvanger) == ("0034", "12345678")
    assert bericht.header.bericht_identificatie.identificatie.startswith("V")
    a = bericht.antwoord
    assert (a.referentie_aanbieder, a.verzoek_antwoord.value) == ("R0000000001", "1")
    assert (a.reden_afwijzing_verzoek.value, a.woonplaatsbeginsel.gemeente) == ("8", "0363")


def test_wmo319_in_onderzoek_zonder_reden(weert, aanbieder, volwassene_weert):
    verzoek = gemeente_verzoek(weert, aanbieder, volwassene_weert, "wmo")
    antwoord = Antwoord(
        organisatie=weert,
        verzoek=verzoek,
        referentie_aanbieder="R0000000002",
        verzoek_antwoord="2",
    )

    data = bouw_319(antwoord)

    assert validate(data) == []
    a = parse(data).antwoord
    assert a.reden_afwijzing_verzoek is None
    assert not hasattr(a, "woonplaatsbeginsel")  # the WMO319 has no such class
    assert b"wmo319" in data


def test_319_op_een_verzoek_van_buiten_deze_installatie(almere, aanbieder, kind_almere):
    """An aanbieder without requests here (other software) still keeps the answer."""
    antwoord = Antwoord(
        organisatie=almere,
        verzoek=gemeente_verzoek(almere, aanbieder, kind_almere, "jeugdwet"),
        referentie_aanbieder="EXTERN-17",
        verzoek_antwoord="2",
    )

    bericht = ontvang(bouw_319(antwoord), afzender=almere, ontvanger=aanbieder, transport="intern")

    assert bericht.status in ("verwerkt", "retour_verzonden"), bericht.foutmelding
    ontvangen = Antwoord.objects.get(organisatie_id=aanbieder.pk)
    assert (ontvangen.verzoek, ontvangen.referentie_aanbieder, ontvangen.bericht) == (
        None,
        "EXTERN-17",
        bericht,
    )


@pytest.fixture
def twee_producten(aanbieder, almere, contracten, producten, kind, kind_almere, medewerker, bezorg):
    """A JW315 for two products, delivered: (the aanbieder's Verzoek, the gemeente's)."""
    with bezorg():
        eigen = vraag_toewijzing_aan(
            aanbieder=aanbieder,
            gemeente=almere,
            client=kind,
            wet="jeugdwet",
            producten=[
                AangevraagdProductInvoer(
                    product=p,
                    ingangsdatum=INGANG,
                    einddatum=EINDE,
                    volume=4,
                    eenheid=p.eenheid,
                    frequentie=p.frequentie,
                    verwijzer_type="03",
                    verwijzer_zorgverlenercode="01234567",
                )
                for p in (producten.jw_ambulant, producten.jw_gezin)
            ],
            acting_user=medewerker,
        )
    return eigen, Verzoek.objects.get(kant=Kant.GEMEENTE, organisatie_id=almere.pk)


def test_301_koppelt_alleen_het_gehonoreerde_product(twee_producten, backoffice_almere, bezorg):
    eigen, ontvangen = twee_producten
    eerste, tweede = ontvangen.producten.all()

    with bezorg():
        wijs_producten_toe(ontvangen, [eerste], acting_user=backoffice_almere)

    a, b = eigen.producten.all()
    eigen.refresh_from_db()
    assert (a.status, b.status, eigen.status) == (Status.TOEGEWEZEN, Status.OPEN, Status.OPEN)
    assert a.aanbieder_toewijzing.referentie_aanbieder == a.referentie_aanbieder
    assert b.aanbieder_toewijzing is None

    with bezorg():
        wijs_producten_toe(ontvangen, [tweede], acting_user=backoffice_almere)

    a.refresh_from_db()
    b.refresh_from_db()
    eigen.refresh_from_db()
    assert (a.status, b.status, eigen.status) == (Status.TOEGEWEZEN,) * 3
    # The second 301 carries both allocations, only the second with its reference (TR379);
    # the first stays linked to its own allocation.
    assert a.aanbieder_toewijzing != b.aanbieder_toewijzing
    assert b.aanbieder_toewijzing.referentie_aanbieder == b.referentie_aanbieder
    assert eigen.besloten_op is not None


def test_301_zonder_referentie_raakt_geen_verzoek(
    twee_producten, almere, aanbieder, kind_almere, producten, bezorg
):
    """An allocation the gemeente makes on its own (a beschikking) honours no request."""
    eigen, _ = twee_producten
    ingang = INGANG + timedelta(days=400)  # after the requested period: no stapeling
    with bezorg():
        wijs_toe(
            gemeente=almere,
            aanbieder=aanbieder,
            client=kind_almere,
            wet="jeugdwet",
            producten=[
                TeWijzenProduct(
                    producten.jw_ambulant,
                    ingang,
                    ingang + timedelta(days=90),
                    2,
                    producten.jw_ambulant.eenheid,
                    producten.jw_ambulant.frequentie,
                )
            ],
            beschikkingnummer="B-1",
            acting_user=None,
        )

    assert AanbiederToewijzing.objects.filter(aanbieder=aanbieder).count() == 1
    assert set(eigen.producten.values_list("status", flat=True)) == {Status.OPEN}
    assert not eigen.producten.filter(aanbieder_toewijzing__isnull=False).exists()
