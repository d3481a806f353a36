"""Issue #17: an allocation's volume fits its eenheid and frequentie (``controleer_product``),
so no service allocates 169 hours in a week; refused, nothing stored or sent."""

import pytest
from django.core.exceptions import ValidationError
from django.forms.models import model_to_dict

from wmoketen.berichten.models import Bericht
from wmoketen.toewijzingen.models import Toewijzing
from wmoketen.toewijzingen.services import TeWijzenProduct, wijzig_toewijzing

from .hulp import EINDE, INGANG, gecontracteerd, per_week, toewijzen


def test_169_uur_per_week_wordt_niet_toegewezen(partijen, contract, client, consulent):
    product = gecontracteerd(contract, productcode="02A01", naam="Begeleiding")

    with pytest.raises(ValidationError) as fout:
        toewijzen(partijen, client, consulent, [per_week(product, volume=169)])

    assert fout.value.messages == [
        "Product 02A01 Begeleiding: 169 uur per week kan niet; een week heeft ten hoogste 168 uur."
    ]
    assert not Toewijzing.objects.exists()
    assert not Bericht.objects.exists()


def test_een_totaal_in_etmalen_past_in_de_periode(partijen, contract, client, consulent):
    product = gecontracteerd(contract, productcode="02A02", naam="Logeeropvang")
    dagen = (EINDE - INGANG).days + 1

    def etmalen(volume):
        return TeWijzenProduct(product, INGANG, EINDE, volume, "14", "6")

    with pytest.raises(ValidationError) as fout:
        toewijzen(partijen, client, consulent, [etmalen(dagen + 1)])

    assert fout.value.messages == [
        f"Product 02A02 Logeeropvang: {dagen + 1} etmalen in totaal kan niet; de periode van "
        f"{dagen} dagen heeft ten hoogste {dagen} etmalen."
    ]
    [toewijzing] = toewijzen(partijen, client, consulent, [etmalen(dagen)])
    assert toewijzing.volume == dagen


def test_wijzigen_naar_169_uur_per_week_verandert_niets(partijen, contract, client, consulent):
    product = gecontracteerd(contract, productcode="02A01", naam="Begeleiding")
    [toewijzing] = toewijzen(partijen, client, consulent, [per_week(product)])
    oud = model_to_dict(toewijzing)

    with pytest.raises(ValidationError, match="169 uur per week kan niet"):
        wijzig_toewijzing(
            toewijzing,
            einddatum=EINDE,
            volume=169,
            eenheid="04",
            frequentie="2",
            budget=None,
            reden_wijziging="01",
            acting_user=consulent,
        )

    assert model_to_dict(Toewijzing.objects.get(pk=toewijzing.pk)) == oud
