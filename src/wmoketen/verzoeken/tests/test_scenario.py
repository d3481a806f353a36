"""Every flow of the berichtstromen (iJw 3.2 ``berichtstromen``; the iWmo has the same) for the
Wmo and the Jeugdwet, end to end: the aanbieder sends, the internal transport delivers, the
gemeente decides, the aanbieder's records follow. Every message on both sides is valid XML.

VOT: 315 → 301; 315 → 319 (onderzoek) → 301; 315 → 319 (afgewezen); 315 → 319 (onderzoek) →
319 (afgewezen; for the Jeugdwet on the woonplaatsbeginsel, reden 8). VOW: the same with 317.
Each heenbericht has its retour (316, 318, 302, 320) without errors.
"""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.db.models import Q
from django.utils import timezone

from istandaarden.validation import validate
from wmoketen.berichten.models import Bericht
from wmoketen.toewijzingen.models import AanbiederToewijzing, Toewijzing
from wmoketen.verzoeken.aanvragen import (
    AangevraagdProductInvoer,
    NieuwProductInvoer,
    WijzigingInvoer,
    vraag_toewijzing_aan,
    vraag_wijziging_aan,
)
from wmoketen.verzoeken.beslissen import (
    honoreer_wijziging,
    wijs_af,
    wijs_producten_toe,
    zet_in_onderzoek,
)
from wmoketen.verzoeken.constants import Kant, Status
from wmoketen.verzoeken.models import Antwoord, Verzoek

from .hulp import EINDE, INGANG

WETTEN = ["jeugdwet", "wmo"]
OPEN_BESCHIKKING = 260000001


@dataclass
class Partijen:
    wet: str
    aanbieder: object
    gemeente: object
    backoffice: object
    medewerker: object
    client: object  # the aanbieder's record
    client_gemeente: object
    product: object
    ander_product: object


@pytest.fixture(params=WETTEN)
def p(request, aanbieder, contracten, producten, medewerker):
    wet = request.param
    f = request.getfixturevalue
    if wet == "jeugdwet":
        return Partijen(
            wet,
            aanbieder,
            f("almere"),
            f("backoffice_almere"),
            medewerker,
            f("kind"),
            f("kind_almere"),
            producten.jw_ambulant,
            producten.jw_gezin,
        )
    return Partijen(
        wet,
        aanbieder,
        f("weert"),
        f("backoffice_weert"),
        medewerker,
        f("volwassene"),
        f("volwassene_weert"),
        producten.wmo_begeleiding,
        producten.wmo_groep,
    )


def berichten(p: Partijen) -> list[Bericht]:
    """Everything exchanged between the aanbieder and the gemeente, in order."""
    return list(
        Bericht.objects.filter(
            Q(afzender_id=p.aanbieder.pk, ontvanger_id=p.gemeente.pk)
            | Q(afzender_id=p.gemeente.pk, ontvanger_id=p.aanbieder.pk)
        ).order_by("pk")
    )


def stroom(p: Partijen) -> list[int]:
    """The message numbers exchanged; each one valid, processed and without retour errors."""
    uitgewisseld = berichten(p)
    for bericht in uitgewisseld:
        assert validate(bericht.bytes) == [], bericht
        assert bericht.foutmelding == "", bericht.foutmelding
        assert set(bericht.retourcodes or []) <= {"0200"}, (bericht, bericht.retourcodes)
        assert bericht.standaard == ("ijw" if p.wet == "jeugdwet" else "iwmo")
    return [b.nummer for b in uitgewisseld]


def vraag_aan(p: Partijen, bezorg, *producten) -> tuple[Verzoek, Verzoek]:
    """The aanbieder sends a 315; returns (its own record, the gemeente's)."""
    verwijzer = (
        dict(verwijzer_type="02", verwijzer_zorgverlenercode="01234567")
        if p.wet == "jeugdwet"
        else dict(
            verwijzer_type="01",
            beschikkingnummer=OPEN_BESCHIKKING,
            beschikking_ingangsdatum=INGANG,
        )
    )
    with bezorg():
        eigen = vraag_toewijzing_aan(
            aanbieder=p.aanbieder,
            gemeente=p.gemeente,
            client=p.client,
            wet=p.wet,
            producten=[
                AangevraagdProductInvoer(
                    product=product,
                    ingangsdatum=INGANG,
                    einddatum=EINDE,
                    volume=4,
                    eenheid=product.eenheid,
                    frequentie=product.frequentie,
                    **verwijzer,
                )
                for product in producten or [p.product]
            ],
            acting_user=p.medewerker,
        )
    return eigen, Verzoek.objects.get(kant=Kant.GEMEENTE, organisatie_id=p.gemeente.pk)


def wijzigingsdatum():
    """A 317 asks for a change from a date after its dagtekening (TR357, TR380)."""
    return timezone.localdate() + timedelta(days=30)


def vraag_wijziging(p: Partijen, bezorg, toegewezen) -> tuple[Verzoek, Verzoek]:
    """A 317: the running allocation from a later date with more volume, plus a new product."""
    [lopend] = toegewezen(p.gemeente, p.client_gemeente, [p.product], wet=p.wet)
    with bezorg():
        eigen = vraag_wijziging_aan(
            aanbieder=p.aanbieder,
            gemeente=p.gemeente,
            client=p.client,
            wet=p.wet,
            reden_verzoek="1",
            ongewijzigd=[],
            te_wijzigen=[
                WijzigingInvoer(
                    toewijzing=lopend,
                    ingangsdatum=wijzigingsdatum(),
                    einddatum=EINDE,
                    volume=6,
                    eenheid=lopend.eenheid,
                    frequentie=lopend.frequentie,
                )
            ],
            nieuw=[
                NieuwProductInvoer(
                    product=p.ander_product,
                    ingangsdatum=timezone.localdate() + timedelta(days=7),
                    einddatum=EINDE,
                    volume=2,
                    eenheid=p.ander_product.eenheid,
                    frequentie=p.ander_product.frequentie,
                )
            ],
            acting_user=p.medewerker,
        )
    ontvangen = Verzoek.objects.get(kant=Kant.GEMEENTE, organisatie_id=p.gemeente.pk)
    return eigen, ontvangen


def beide(*verzoeken: Verzoek) -> list[str]:
    for verzoek in verzoeken:
        verzoek.refresh_from_db()
    return [v.status for v in verzoeken]


# VOT ---------------------------------------------------------------------------------------


def test_315_direct_toegewezen(p, bezorg):
    eigen, ontvangen = vraag_aan(p, bezorg, p.product, p.ander_product)
    assert stroom(p) == [315, 316]
    assert beide(eigen, ontvangen) == [Status.OPEN, Status.OPEN]

    with bezorg():
        toewijzingen = wijs_producten_toe(
            ontvangen, list(ontvangen.producten.all()), acting_user=p.backoffice
        )

    assert stroom(p) == [315, 316, 301, 302]
    assert beide(eigen, ontvangen) == [Status.TOEGEWEZEN, Status.TOEGEWEZEN]
    for vp in eigen.producten.all():
        ontvangen_toewijzing = vp.aanbieder_toewijzing
        assert ontvangen_toewijzing.referentie_aanbieder == vp.referentie_aanbieder
        assert (ontvangen_toewijzing.productcode, ontvangen_toewijzing.volume) == (
            vp.productcode,
            4,
        )
    nummers = {t.toewijzingnummer for t in toewijzingen}
    assert {vp.aanbieder_toewijzing.toewijzingnummer for vp in eigen.producten.all()} == nummers
    if p.wet == "wmo":
        assert {t.beschikkingnummer for t in toewijzingen} == {str(OPEN_BESCHIKKING)}


def test_315_direct_afgewezen(p, bezorg):
    eigen, ontvangen = vraag_aan(p, bezorg)

    with bezorg():
        wijs_af(ontvangen, reden="3", acting_user=p.backoffice)

    assert stroom(p) == [315, 316, 319, 320]
    assert beide(eigen, ontvangen) == [Status.AFGEWEZEN, Status.AFGEWEZEN]
    antwoord = Antwoord.objects.get(organisatie_id=p.aanbieder.pk)
    assert (antwoord.verzoek, antwoord.verzoek_antwoord, antwoord.reden_afwijzing) == (
        eigen,
        "1",
        "3",
    )
    assert eigen.producten.get().reden_afwijzing == "3"
    assert not Toewijzing.objects.exists() and not AanbiederToewijzing.objects.exists()


def test_315_in_onderzoek_dan_toegewezen(p, bezorg):
    eigen, ontvangen = vraag_aan(p, bezorg)

    with bezorg():
        zet_in_onderzoek(ontvangen, acting_user=p.backoffice)

    assert stroom(p) == [315, 316, 319, 320]
    assert beide(eigen, ontvangen) == [Status.IN_ONDERZOEK, Status.IN_ONDERZOEK]
    assert Antwoord.objects.get(organisatie_id=p.aanbieder.pk).verzoek_antwoord == "2"

    with bezorg():
        wijs_producten_toe(ontvangen, list(ontvangen.producten.all()), acting_user=p.backoffice)

    assert stroom(p) == [315, 316, 319, 320, 301, 302]
    assert beide(eigen, ontvangen) == [Status.TOEGEWEZEN, Status.TOEGEWEZEN]
    assert eigen.producten.get().aanbieder_toewijzing is not None


def test_315_in_onderzoek_dan_afgewezen(p, bezorg):
    eigen, ontvangen = vraag_aan(p, bezorg)
    with bezorg():
        zet_in_onderzoek(ontvangen, acting_user=p.backoffice)

    # The Jeugdwet's own flow: refused on the woonplaatsbeginsel, naming the other gemeente.
    reden, woonplaats = ("8", "0363") if p.wet == "jeugdwet" else ("7", "")
    with bezorg():
        wijs_af(ontvangen, reden=reden, woonplaatsbeginsel=woonplaats, acting_user=p.backoffice)

    assert stroom(p) == [315, 316, 319, 320, 319, 320]
    assert beide(eigen, ontvangen) == [Status.AFGEWEZEN, Status.AFGEWEZEN]
    laatste = Antwoord.objects.filter(organisatie_id=p.aanbieder.pk).order_by("pk").last()
    assert (laatste.verzoek_antwoord, laatste.reden_afwijzing, laatste.woonplaatsbeginsel) == (
        "1",
        reden,
        woonplaats,
    )
    assert eigen.besloten_op is not None


# VOW ---------------------------------------------------------------------------------------


def test_317_direct_toegewezen(p, bezorg, toegewezen):
    eigen, ontvangen = vraag_wijziging(p, bezorg, toegewezen)
    assert stroom(p) == [301, 302, 317, 318]

    with bezorg():
        situatie = honoreer_wijziging(ontvangen, acting_user=p.backoffice)

    assert stroom(p) == [301, 302, 317, 318, 301, 302]
    assert beide(eigen, ontvangen) == [Status.TOEGEWEZEN, Status.TOEGEWEZEN]
    _controleer_nieuwe_situatie(p, eigen, situatie)


def test_317_in_onderzoek_dan_toegewezen(p, bezorg, toegewezen):
    eigen, ontvangen = vraag_wijziging(p, bezorg, toegewezen)
    with bezorg():
        antwoord = zet_in_onderzoek(ontvangen, acting_user=p.backoffice)
    assert antwoord.referentie_aanbieder == eigen.referentie_aanbieder
    assert beide(eigen, ontvangen) == [Status.IN_ONDERZOEK, Status.IN_ONDERZOEK]

    with bezorg():
        situatie = honoreer_wijziging(ontvangen, acting_user=p.backoffice)

    assert stroom(p) == [301, 302, 317, 318, 319, 320, 301, 302]
    assert beide(eigen, ontvangen) == [Status.TOEGEWEZEN, Status.TOEGEWEZEN]
    _controleer_nieuwe_situatie(p, eigen, situatie)


def _controleer_nieuwe_situatie(p: Partijen, eigen: Verzoek, situatie: list[Toewijzing]) -> None:
    """The aanbieder now holds: the old allocation ended the day before the change (reden
    12), the changed one from its new date, the new product; all linked to its request."""
    ontvangen = {
        t.toewijzingnummer: t
        for t in AanbiederToewijzing.objects.filter(aanbieder=p.aanbieder, gemeente=p.gemeente)
    }
    assert len(ontvangen) == 3
    wijziging = wijzigingsdatum()
    oud = next(t for t in ontvangen.values() if t.einddatum == wijziging - timedelta(days=1))
    assert (oud.reden_wijziging, oud.volume) == ("12", 3)
    gewijzigd, nieuw = situatie
    assert (ontvangen[gewijzigd.toewijzingnummer].ingangsdatum, gewijzigd.volume) == (
        wijziging,
        6,
    )
    assert ontvangen[nieuw.toewijzingnummer].productcode == p.ander_product.productcode
    assert {t.referentie_aanbieder for t in ontvangen.values()} == {eigen.referentie_aanbieder}
    gekoppeld = {vp.aanbieder_toewijzing.toewijzingnummer for vp in eigen.producten.all()}
    assert gekoppeld == {gewijzigd.toewijzingnummer, nieuw.toewijzingnummer}


def test_317_direct_afgewezen(p, bezorg, toegewezen):
    eigen, ontvangen = vraag_wijziging(p, bezorg, toegewezen)

    with bezorg():
        wijs_af(ontvangen, reden="2", acting_user=p.backoffice)

    assert stroom(p) == [301, 302, 317, 318, 319, 320]
    assert beide(eigen, ontvangen) == [Status.AFGEWEZEN, Status.AFGEWEZEN]
    antwoord = Antwoord.objects.get(organisatie_id=p.aanbieder.pk)
    assert (antwoord.verzoek, antwoord.reden_afwijzing) == (eigen, "2")
    [lopend] = AanbiederToewijzing.objects.all()
    assert (lopend.volume, lopend.einddatum) == (3, EINDE)  # nothing changed


def test_317_in_onderzoek_dan_afgewezen(p, bezorg, toegewezen):
    eigen, ontvangen = vraag_wijziging(p, bezorg, toegewezen)
    with bezorg():
        zet_in_onderzoek(ontvangen, acting_user=p.backoffice)
    with bezorg():
        wijs_af(ontvangen, reden="7", acting_user=p.backoffice)

    assert stroom(p) == [301, 302, 317, 318, 319, 320, 319, 320]
    assert beide(eigen, ontvangen) == [Status.AFGEWEZEN, Status.AFGEWEZEN]
    assert list(
        Antwoord.objects.filter(organisatie_id=p.aanbieder.pk)
        .order_by("pk")
        .values_list("verzoek_antwoord", flat=True)
    ) == ["2", "1"]
