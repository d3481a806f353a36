import pytest
from django import forms

from wmoketen.factories import AanbiederFactory
from wmoketen.organisaties.models import Aanbieder
from wmoketen.organisaties.velden import OrganisatieKeuze, OrganisatieKeuzes

pytestmark = pytest.mark.django_db

ONGELDIG = ["9" * 30, str(2**63), "-1", "1.5", "١", "abc"]


@pytest.mark.parametrize("waarde", ONGELDIG)
def test_keuze_weigert_onmogelijk_id_als_ongeldige_keuze(waarde):
    veld = OrganisatieKeuze(queryset=Aanbieder.objects.all())

    with pytest.raises(forms.ValidationError) as fout:
        veld.clean(waarde)

    assert fout.value.code == "invalid_choice"


@pytest.mark.parametrize("waarde", ONGELDIG)
def test_keuzes_weigeren_onmogelijk_id_als_ongeldige_keuze(waarde):
    aanbieder = AanbiederFactory()
    veld = OrganisatieKeuzes(queryset=Aanbieder.objects.all())

    with pytest.raises(forms.ValidationError) as fout:
        veld.clean([str(aanbieder.pk), waarde])

    assert fout.value.code == "invalid_choice"


def test_geldig_id_en_object_blijven_werken():
    aanbieder = AanbiederFactory()

    assert OrganisatieKeuze(queryset=Aanbieder.objects.all()).clean(str(aanbieder.pk)) == aanbieder
    assert OrganisatieKeuze(queryset=Aanbieder.objects.all()).clean(aanbieder) == aanbieder
    assert list(OrganisatieKeuzes(queryset=Aanbieder.objects.all()).clean([aanbieder.pk])) == [
        aanbieder
    ]
