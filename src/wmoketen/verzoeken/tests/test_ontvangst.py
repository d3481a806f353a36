"""Both sides over the internal transport: the 315/317 the aanbieder sends is received and
stored by the gemeente with its findings and deadline; the retour comes back."""

from datetime import date, timedelta

import pytest

from istandaarden.codec import parse
from istandaarden.safe_xml import parse_bytes
from istandaarden.validation import validate
from wmoketen.berichten.constants import Status as BerichtStatus
from wmoketen.berichten.handlers import Ontvangen
from wmoketen.berichten.models import Bericht
from wmoketen.berichten.services import verstuur
from wmoketen.clienten.models import Client
from wmoketen.termijnen.constants import LOPEND
from wmoketen.termijnen.models import Termijn
from wmoketen.testdatum import dag
from wmoketen.verzoeken.aanvragen import (
    NieuwProductInvoer,
    WijzigingInvoer,
    vraag_toewijzing_aan,
    vraag_wijziging_aan,
)
from wmoketen.verzoeken.bouw import bouw_315, bouw_317, nieuwe_referentie
from wmoketen.verzoeken.constants import Kant, ProductSoort, Soort, Status
from wmoketen.verzoeken.herstel import herstel_afwijzingen
from wmoketen.verzoeken.models import Antwoord, Verzoek, VerzoekProduct
from wmoketen.verzoeken.ontvangst import verwerk_317
from wmoketen.verzoeken.status import antwoord_afgekeurd

from . import hulp
from .hulp import EINDE, INGANG


def aangevraagd(product, **kwargs):
    """A product referred by a jeugdarts (verwijzer 03: a name, no zorgverlenercode)."""
    verwijzer = dict(
        verwijzer_type="03", verwijzer_zorgverlenercode="", verwijzer_naam="Jeugdarts GGD"
    )
    return hulp.aangevraagd(product, **{**verwijzer, **kwargs})


def gemeentekant(soort=Soort.TOEWIJZING):
    return Verzoek.objects.get(kant=Kant.GEMEENTE, soort=soort)


def termijn(verzoek, code):
    return Termijn.objects.get(
        regel__code=code, object_id=verzoek.pk, content_type__model="verzoek"
    )


def test_jw315_komt_aan_bij_de_gemeente_met_bevindingen_en_termijn(
    aanbieder, almere, contracten, producten, kind, medewerker, bezorg
):
    with bezorg():
        verzonden = vraag_toewijzing_aan(
            aanbieder=aanbieder,
            gemeente=almere,
            client=kind,
            wet="jeugdwet",
            producten=[aangevraagd(producten.jw_ambulant)],
            commentaar="Aanmelding na intake",
            acting_user=medewerker,
        )

    heen = Bericht.objects.get(pk=verzonden.bericht_id)
    assert validate(heen.bytes) == []
    assert heen.status == BerichtStatus.RETOUR_VERZONDEN
    retour = Bericht.objects.get(heenbericht=heen)
    assert retour.naam == "JW316" and validate(retour.bytes) == []
    verzonden.refresh_from_db()
    assert verzonden.status == Status.OPEN  # no errors: waiting for the gemeente's answer

    ontvangen = gemeentekant()
    assert (ontvangen.organisatie_id, ontvangen.aanbieder_id, ontvangen.wet) == (
        almere.pk,
        aanbieder.pk,
        "jeugdwet",
    )
    assert ontvangen.bericht_id == heen.pk and ontvangen.commentaar == "Aanmelding na intake"
    # Almere did not know the child: its own record, made from the 315.
    client = ontvangen.client
    assert (client.organisatie_id, client.bsn, client.geslachtsnaam) == (
        almere.pk,
        kind.bsn,
        "Bakker",
    )
    [vp] = ontvangen.producten.all()
    [verzonden_vp] = verzonden.producten.all()
    assert vp.referentie_aanbieder == verzonden_vp.referentie_aanbieder
    assert (vp.product, vp.volume, vp.verwijzer_type, vp.verwijzer_naam) == (
        producten.jw_ambulant,
        4,
        "03",
        "Jeugdarts GGD",
    )
    assert vp.voorgestelde_reden == "" and vp.bevindingen == []
    t = termijn(ontvangen, "antwoord_315")
    assert t.gemeente_id == almere.pk and not t.organisaties.exists()


def _stuur_315(aanbieder, gemeente, client, wet, **product):
    """A 315 the aanbieder's own checks would refuse, as another package could send it."""
    verzoek = Verzoek.objects.create(
        organisatie=aanbieder,
        kant=Kant.AANBIEDER,
        gemeente=gemeente,
        aanbieder=aanbieder,
        client=client,
        wet=wet,
        soort=Soort.TOEWIJZING,
        dagtekening=date.today(),
    )
    VerzoekProduct.objects.create(
        verzoek=verzoek,
        soort=ProductSoort.AANGEVRAAGD,
        referentie_aanbieder=nieuwe_referentie(aanbieder),
        ingangsdatum=INGANG,
        einddatum=EINDE,
        volume=2,
        eenheid="04",
        frequentie="2",
        **product,
    )
    data = bouw_315(verzoek)
    assert validate(data) == []
    verzoek.bericht = verstuur(data, afzender=aanbieder, ontvanger=gemeente)
    verzoek.save()
    return verzoek


def test_onbekende_productcode_en_product_buiten_contract_worden_bevindingen(
    aanbieder, almere, contracten, producten, kind, bezorg
):
    with bezorg():
        _stuur_315(
            aanbieder,
            almere,
            kind,
            "jeugdwet",
            productcategorie="45",
            productcode="45Z99",
            verwijzer_type="02",
            verwijzer_zorgverlenercode="01234567",
        )
    [vp] = gemeentekant().producten.all()
    assert vp.product is None and vp.productcode == "45Z99"
    assert vp.voorgestelde_reden == "4"
    assert "komt niet voor in de productcatalogus" in vp.bevindingen[0]

    Verzoek.objects.filter(kant=Kant.GEMEENTE).update(status=Status.AFGEWEZEN)  # answered
    Verzoek.objects.filter(kant=Kant.AANBIEDER).update(status=Status.AFGEWEZEN)
    with bezorg():
        _stuur_315(
            aanbieder,
            almere,
            kind,
            "jeugdwet",
            product=producten.jw_buiten,
            productcategorie="43",
            productcode="43A10",
            verwijzer_type="02",
            verwijzer_zorgverlenercode="01234567",
        )
    vp = VerzoekProduct.objects.get(verzoek__kant=Kant.GEMEENTE, productcode="43A10")
    assert vp.voorgestelde_reden == "4"
    assert "niet binnen het contract" in vp.bevindingen[0]


def _315_zonder_contract(aanbieder, almere, producten, kind):
    return _stuur_315(
        aanbieder,
        almere,
        kind,
        "jeugdwet",
        product=producten.jw_ambulant,
        productcategorie="45",
        productcode="45A10",
        verwijzer_type="01",
    )


def test_zonder_contract_wordt_automatisch_afgewezen_met_reden_3(
    aanbieder, almere, producten, kind, bezorg
):
    with bezorg():
        verzonden = _315_zonder_contract(aanbieder, almere, producten, kind)

    ontvangen = gemeentekant()
    [vp] = ontvangen.producten.all()
    assert vp.voorgestelde_reden == "3" and "geen contract" in vp.bevindingen[0]
    assert (ontvangen.status, vp.status, vp.reden_afwijzing) == (
        Status.AFGEWEZEN,
        Status.AFGEWEZEN,
        "3",
    )
    assert ontvangen.bevindingen == [
        "Automatisch afgewezen met reden 3 (geen contract): Zorggroep Test heeft op de "
        "ingangsdatum geen contract met Almere."
    ]
    antwoord = Antwoord.objects.get(organisatie=almere)
    assert (antwoord.reden_afwijzing, antwoord.bericht.naam) == ("3", "JW319")
    assert antwoord.referentie_aanbieder == vp.referentie_aanbieder
    assert "geen contract" in antwoord.toelichting
    assert validate(antwoord.bericht.bytes) == []
    assert not Termijn.objects.filter(object_id=ontvangen.pk, status__in=LOPEND).exists()
    verzonden.refresh_from_db()
    assert verzonden.status == Status.AFGEWEZEN  # the aanbieder received the 319


def test_automatische_afwijzing_staat_op_de_pagina_van_het_verzoek(
    client, aanbieder, almere, producten, kind, backoffice_almere, bezorg
):
    with bezorg():
        _315_zonder_contract(aanbieder, almere, producten, kind)
    client.force_login(backoffice_almere)

    html = client.get(f"/verzoeken/ontvangen/{gemeentekant().pk}/").content.decode()

    assert "Automatisch afgewezen met reden 3 (geen contract)" in html
    assert '<span class="status status--afgewezen">Afgewezen (319)</span>' in html
    assert 'id="beslissen"' not in html  # nothing left for the backoffice to decide


def test_met_contract_maar_product_buiten_contract_wacht_op_de_backoffice(
    aanbieder, almere, contracten, producten, kind, bezorg
):
    with bezorg():
        _stuur_315(
            aanbieder,
            almere,
            kind,
            "jeugdwet",
            product=producten.jw_buiten,
            productcategorie="43",
            productcode="43A10",
            verwijzer_type="02",
            verwijzer_zorgverlenercode="01234567",
        )
    ontvangen = gemeentekant()
    assert ontvangen.status == Status.OPEN and ontvangen.bevindingen == []
    assert not Antwoord.objects.exists()


@pytest.fixture
def weert_zonder_open_beschikkingen(weert):
    if not hasattr(weert, "open_beschikkingen"):
        pytest.skip("Gemeente.open_beschikkingen bestaat nog niet")
    type(weert).objects.filter(pk=weert.pk).update(open_beschikkingen=False)
    weert.refresh_from_db()
    return weert


def _wmo_315(aanbieder, weert, volwassene, producten, medewerker):
    return vraag_toewijzing_aan(
        aanbieder=aanbieder,
        gemeente=weert,
        client=volwassene,
        wet="wmo",
        producten=[
            aangevraagd(
                producten.wmo_begeleiding,
                verwijzer_type="01",
                verwijzer_naam="",
                beschikkingnummer=2026001,
                beschikking_ingangsdatum=dag(2026, 2, 1),
            )
        ],
        acting_user=medewerker,
    )


def test_wmo315_zonder_open_beschikkingen_krijgt_bevinding_reden_4(
    aanbieder,
    weert_zonder_open_beschikkingen,
    contracten,
    producten,
    volwassene,
    medewerker,
    bezorg,
):
    with bezorg():
        _wmo_315(aanbieder, weert_zonder_open_beschikkingen, volwassene, producten, medewerker)
    ontvangen = gemeentekant()
    assert any("open beschikkingen" in b for b in ontvangen.bevindingen)
    assert set(ontvangen.producten.values_list("voorgestelde_reden", flat=True)) == {"4"}


def test_wmo315_zonder_open_beschikkingen_wordt_automatisch_afgewezen(
    aanbieder,
    weert_zonder_open_beschikkingen,
    contracten,
    producten,
    volwassene,
    medewerker,
    bezorg,
):
    with bezorg():
        verzonden = _wmo_315(
            aanbieder, weert_zonder_open_beschikkingen, volwassene, producten, medewerker
        )
    ontvangen = gemeentekant()
    assert ontvangen.status == Status.AFGEWEZEN
    antwoord = Antwoord.objects.get(organisatie=weert_zonder_open_beschikkingen)
    assert (antwoord.reden_afwijzing, antwoord.bericht.naam) == ("4", "WMO319")
    assert validate(antwoord.bericht.bytes) == []
    verzonden.refresh_from_db()
    assert verzonden.status == Status.AFGEWEZEN


def test_wmo315_met_open_beschikkingen_blijft_open(
    aanbieder, weert, contracten, producten, volwassene, medewerker, bezorg
):
    with bezorg():
        _wmo_315(aanbieder, weert, volwassene, producten, medewerker)
    ontvangen = gemeentekant()
    assert ontvangen.status == Status.OPEN and ontvangen.bevindingen == []
    assert not Antwoord.objects.exists()
    # The cited number is no open beschikking of Weert: the backoffice is told.
    [product] = ontvangen.producten.all()
    assert "Beschikking 2026001 is geen open beschikking van Weert." in product.bevindingen


def test_jw317_komt_aan_met_gekoppelde_toewijzingen_en_stapeling(
    aanbieder, almere, producten, kind, kind_almere, medewerker, toegewezen, bezorg
):
    [ambulant] = toegewezen(almere, kind_almere, [producten.jw_ambulant], wet="jeugdwet")
    with bezorg():
        verzonden = vraag_wijziging_aan(
            aanbieder=aanbieder,
            gemeente=almere,
            client=kind,
            wet="jeugdwet",
            reden_verzoek="1",
            ongewijzigd=[],
            te_wijzigen=[WijzigingInvoer(ambulant, ambulant.ingangsdatum, EINDE, 8, "04", "2")],
            nieuw=[NieuwProductInvoer(producten.jw_gezin, dag(2027, 1, 4), EINDE, 2, "04", "2")],
            grondslag="Bepaling jeugdhulp GI 2026-20",
            acting_user=medewerker,
        )
    heen = Bericht.objects.get(pk=verzonden.bericht_id)
    assert heen.naam == "JW317" and heen.status == BerichtStatus.RETOUR_VERZONDEN
    retour = Bericht.objects.get(heenbericht=heen)
    assert retour.naam == "JW318" and validate(retour.bytes) == [] and heen.retourcodes == []

    ontvangen = gemeentekant(Soort.WIJZIGING)
    assert ontvangen.client == kind_almere and ontvangen.bevindingen == []
    assert (ontvangen.referentie_aanbieder, ontvangen.reden_verzoek) == (
        verzonden.referentie_aanbieder,
        "1",
    )
    wijziging = ontvangen.producten.get(soort=ProductSoort.TE_WIJZIGEN)
    assert wijziging.toewijzing.toewijzingnummer == ambulant.toewijzingnummer
    assert (wijziging.volume, wijziging.product) == (8, producten.jw_ambulant)
    nieuw = ontvangen.producten.get(soort=ProductSoort.NIEUW)
    assert nieuw.product == producten.jw_gezin and nieuw.voorgestelde_reden == ""
    assert termijn(ontvangen, "antwoord_317").gemeente_id == almere.pk


def test_317_voor_een_client_die_de_gemeente_niet_kent(aanbieder, weert, volwassene):
    """The handler alone: the cross-message rules normally refuse such a 317 (TR350)."""
    verzoek = Verzoek.objects.create(
        organisatie=aanbieder,
        kant=Kant.AANBIEDER,
        gemeente=weert,
        aanbieder=aanbieder,
        client=volwassene,
        wet="wmo",
        soort=Soort.WIJZIGING,
        reden_verzoek="1",
        referentie_aanbieder=nieuwe_referentie(aanbieder),
        dagtekening=date.today(),
    )
    VerzoekProduct.objects.create(
        verzoek=verzoek,
        soort=ProductSoort.TE_WIJZIGEN,
        toewijzingnummer=77,
        ingangsdatum=INGANG,
        einddatum=EINDE,
        volume=5,
        eenheid="04",
        frequentie="2",
    )
    bericht = verstuur(bouw_317(verzoek), afzender=aanbieder, ontvanger=weert)
    data = bericht.bytes
    verwerk_317(Ontvangen(bericht, parse(data), parse_bytes(data).getroot()))

    ontvangen = gemeentekant(Soort.WIJZIGING)
    assert (ontvangen.client.organisatie_id, ontvangen.client.bsn) == (weert.pk, volwassene.bsn)
    [bevinding] = ontvangen.bevindingen
    assert "reden 5" in bevinding and "8 (woonplaatsbeginsel" in bevinding
    [vp] = ontvangen.producten.all()
    assert (vp.toewijzingnummer, vp.toewijzing, vp.volume) == (77, None, 5)
    assert vp.voorgestelde_reden == "5"
    assert "geen actuele toewijzing" in vp.bevindingen[0]
    assert Client.objects.filter(organisatie=weert, bsn=volwassene.bsn).count() == 1
    assert termijn(ontvangen, "antwoord_317").gemeente_id == weert.pk


def test_316_met_fouten_keurt_het_verzoek_af(
    aanbieder, almere, contracten, producten, kind, medewerker, bezorg
):
    with bezorg():
        eerste = vraag_toewijzing_aan(
            aanbieder=aanbieder,
            gemeente=almere,
            client=kind,
            wet="jeugdwet",
            producten=[aangevraagd(producten.jw_ambulant)],
            acting_user=medewerker,
        )
    # The aanbieder believes the first one answered; the gemeente still has it onderhanden.
    Verzoek.objects.filter(pk=eerste.pk).update(status=Status.AFGEWEZEN)
    with bezorg():
        tweede = vraag_toewijzing_aan(
            aanbieder=aanbieder,
            gemeente=almere,
            client=kind,
            wet="jeugdwet",
            producten=[aangevraagd(producten.jw_gezin)],
            acting_user=medewerker,
        )
    tweede.refresh_from_db()
    heen = Bericht.objects.get(pk=tweede.bericht_id)
    assert heen.status == BerichtStatus.AFGEKEURD and heen.retourcodes
    assert tweede.status == Status.AFGEKEURD
    assert set(tweede.producten.values_list("status", flat=True)) == {Status.AFGEKEURD}
    assert "afgekeurd in het retourbericht" in tweede.bevindingen[-1]
    assert Verzoek.objects.filter(kant=Kant.GEMEENTE).count() == 1  # nothing half-stored


def test_320_met_fouten_zet_producten_terug_op_open(
    aanbieder, almere, contracten, producten, kind, medewerker, bezorg
):
    with bezorg():
        vraag_toewijzing_aan(
            aanbieder=aanbieder,
            gemeente=almere,
            client=kind,
            wet="jeugdwet",
            producten=[aangevraagd(producten.jw_ambulant)],
            acting_user=medewerker,
        )
    ontvangen = gemeentekant()
    ontvangen.producten.update(status=Status.AFGEWEZEN, reden_afwijzing="4")
    Verzoek.objects.filter(pk=ontvangen.pk).update(status=Status.AFGEWEZEN)
    heen = Bericht.objects.get(afzender=almere, nummer=316)  # stands in for the sent 319
    heen.nummer = 319
    antwoord = Antwoord.objects.create(
        organisatie=almere,
        verzoek=ontvangen,
        referentie_aanbieder="R0000000001",
        verzoek_antwoord="1",
        reden_afwijzing="4",
        bericht=heen,
    )
    assert antwoord_afgekeurd(heen, ["0200"]) == antwoord
    ontvangen.refresh_from_db()
    assert ontvangen.status == Status.AFGEWEZEN  # no errors: nothing changes

    antwoord_afgekeurd(heen, ["9355"])
    ontvangen.refresh_from_db()
    assert ontvangen.status == Status.OPEN
    [vp] = ontvangen.producten.all()
    assert (vp.status, vp.reden_afwijzing) == (Status.OPEN, "")
    assert "9355" in ontvangen.bevindingen[-1]


def test_stapeling_met_lopende_toewijzing_stelt_reden_6_voor(
    aanbieder, almere, contracten, producten, kind, kind_almere, toegewezen, bezorg
):
    [lopend] = toegewezen(almere, kind_almere, [producten.jw_gezin], wet="jeugdwet")
    with bezorg():
        _stuur_315(
            aanbieder,
            almere,
            kind,
            "jeugdwet",
            product=producten.jw_gezin,
            productcategorie="45",
            productcode="45A20",
            verwijzer_type="01",
        )
    [vp] = gemeentekant().producten.all()
    assert vp.voorgestelde_reden == "6"
    assert "OP259" in vp.bevindingen[0] and str(lopend.toewijzingnummer) in vp.bevindingen[0]
    assert vp.bevindingen[-1].startswith("Ter info: de cliënt heeft ook toewijzing")


def test_mislukte_automatische_afwijzing_staat_bij_het_verzoek(
    aanbieder,
    weert_zonder_open_beschikkingen,
    contracten,
    producten,
    volwassene,
    medewerker,
    bezorg,
    monkeypatch,
):
    """The 319 could not be sent: the request stays open, and says why, for the backoffice."""

    def weiger(*args, **kwargs):
        raise RuntimeError("geen verbinding")

    monkeypatch.setattr("wmoketen.verzoeken.beslissen.wijs_af", weiger)
    with bezorg():
        _wmo_315(aanbieder, weert_zonder_open_beschikkingen, volwassene, producten, medewerker)
    ontvangen = gemeentekant()
    assert ontvangen.status == Status.OPEN
    assert "De automatische afwijzing (319) is mislukt" in ontvangen.bevindingen[-1]
    assert not Antwoord.objects.exists()
    assert herstel_afwijzingen(timedelta(0)) == 0  # the note asks the backoffice to answer


def test_afwijzing_staat_al_bij_het_verzoek_als_het_proces_voor_de_319_stopt(
    aanbieder, almere, producten, kind, bezorg, monkeypatch
):
    """The process dies between the 315's commit and the 319: the request says what to do."""
    monkeypatch.setattr(
        "wmoketen.verzoeken.ontvangst.wijs_automatisch_af", lambda *args, **kwargs: None
    )
    with bezorg():
        _315_zonder_contract(aanbieder, almere, producten, kind)

    ontvangen = gemeentekant()
    assert ontvangen.status == Status.OPEN
    assert ontvangen.bevindingen == [
        "Wordt automatisch afgewezen met reden 3 (geen contract): Zorggroep Test heeft op de "
        "ingangsdatum geen contract met Almere."
    ]

    # The periodic job sends the 319 after all, once; not while the callback may still run.
    monkeypatch.undo()
    assert herstel_afwijzingen() == 0
    with bezorg():
        assert herstel_afwijzingen(timedelta(0)) == 1
    assert herstel_afwijzingen(timedelta(0)) == 0
    ontvangen.refresh_from_db()
    assert ontvangen.status == Status.AFGEWEZEN
    assert ontvangen.bevindingen == [
        "Automatisch afgewezen met reden 3 (geen contract): Zorggroep Test heeft op de "
        "ingangsdatum geen contract met Almere."
    ]
    assert Antwoord.objects.get(organisatie=almere).reden_afwijzing == "3"
