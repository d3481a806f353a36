"""The demo shows each billing regime on a contract line (demo.regimes)."""

from django.core.management import call_command
from django.urls import reverse

from wmoketen.accounts.constants import Rol
from wmoketen.declaraties.constants import Oordeel
from wmoketen.declaraties.models import OntvangenDeclaratie, OntvangenPrestatie
from wmoketen.declaraties.perioden import maand_van
from wmoketen.declaraties.regimes import Situatie, Standaard
from wmoketen.declaraties.verwachting import verwachtingen
from wmoketen.demo.contracten import HO_OUTPUT
from wmoketen.demo.gebruikers import gebruiker
from wmoketen.demo.regimes import (
    HO_PER_MAAND,
    laad_regime_declaraties,
    laad_regimes,
    maand_terug,
    regimes_per_regel,
)
from wmoketen.organisaties.models import Contractregel
from wmoketen.organisaties.regimes import weigerreden
from wmoketen.toewijzingen.models import Levering


def test_demo_toont_elk_regime_en_tweede_keer_verandert_niets(db):
    call_command("demo")
    laad_regimes()
    lijnen = Contractregel.objects.count()
    laad_regimes()

    assert Contractregel.objects.count() == lijnen
    per_regime = {
        naam: {(r.contract.kenmerk, r.product.productcode) for r in regels}
        for naam, regels in regimes_per_regel().items()
    }
    assert ("ALM-2026-001", "01A02") in per_regime["almere"]
    assert ("MLW-2026-001", "01A02") in per_regime["midden_limburg_west"]
    assert ("MLW-2026-001", "2701") in per_regime["standaard"]  # per week: national rule
    assert ("ALM-2026-J01", "45A10") in per_regime["standaard"]
    # No line of the demo sits in a refused cell of the matrix.
    assert not [
        r
        for r in Contractregel.objects.all()
        if weigerreden(
            uitvoeringsvariant=r.uitvoeringsvariant,
            declaratieregel=r.declaratieregel,
            frequentie=r.frequentie,
        )
    ]


def test_demo_declareert_onder_elk_regime_met_het_volume_van_het_regime(db, client):
    """After the demo each regime has a declared, answered prestatie: the national rule's
    delivered days, Midden-Limburg West's whole end month (and nothing for the start month)
    and Almere's whole month at a mid-month start; the gemeente's expectation names the
    regime and agrees."""
    call_command("demo")
    laad_regime_declaraties()
    aantal = OntvangenPrestatie.objects.count()
    laad_regime_declaraties()  # a second run changes nothing
    assert OntvangenPrestatie.objects.count() == aantal

    vorige, twee_terug = maand_terug(1), maand_terug(2)
    per_regime = {}
    for declaratie in OntvangenDeclaratie.objects.order_by("pk"):
        prestaties = list(declaratie.prestaties.select_related("toewijzing__product"))
        for p in prestaties:
            if (verwachting := verwachtingen(declaratie, prestaties).get(p.pk)) is not None:
                per_regime.setdefault(verwachting.regime, []).append((p, verwachting, declaratie))

    assert set(per_regime) >= {"Landelijk", "Midden-Limburg West", "Almere"}
    # The national rule: some prestatie declared as expected (Weert's first is 40 too many).
    assert any(
        v.volume == p.geleverd_volume and not v.wijkt_af for p, v, _ in per_regime["Landelijk"]
    )
    for regime, gemeente in [("Midden-Limburg West", "Nederweert"), ("Almere", "Almere")]:
        [(p, verwachting, declaratie)] = per_regime[regime]
        assert (declaratie.gemeente.naam, declaratie.status) == (gemeente, "beantwoord")
        assert (p.productcode, p.periode_begin) == (HO_OUTPUT, vorige)
        assert (p.geleverd_volume, verwachting.volume) == (HO_PER_MAAND, HO_PER_MAAND)
        assert p.bedrag == HO_PER_MAAND * 16800 and not verwachting.wijkt_af
        assert p.oordeel == Oordeel.GOEDGEKEURD
        # The gemeente's received declaration names the regime in "Verwacht (regime)".
        client.force_login(gebruiker(declaratie.gemeente, Rol.BACKOFFICE))
        pagina = client.get(reverse("declaraties:ontvangen", args=[declaratie.pk]))
        assert "Verwacht (regime)" in pagina.text
        assert f'<span class="hulp">{regime}</span>' in pagina.text
    # Midden-Limburg West's start month two months ago is not declared.
    mlw = per_regime["Midden-Limburg West"][0][0].toewijzing
    assert not OntvangenPrestatie.objects.filter(toewijzing=mlw, periode_begin=twee_terug).exists()
    # The national rule would pay a mid-month start or stop less than the whole month.
    assert all(
        Standaard().volume(_situatie(p.toewijzing, vorige)) < HO_PER_MAAND
        for regime in ("Midden-Limburg West", "Almere")
        for p, _, _ in per_regime[regime]
    )


def _situatie(toewijzing, maand):
    return Situatie.van(
        toewijzing,
        productcategorie="01",
        variant="outputgericht",
        periode=maand_van(maand),
        leveringen=Levering.objects.filter(toewijzing=toewijzing),
        tarief=16800,
    )
