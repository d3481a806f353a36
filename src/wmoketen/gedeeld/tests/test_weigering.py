import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import RequestFactory

from wmoketen.gedeeld.weigering import Poging


class NaamForm(forms.Form):
    naam = forms.CharField(required=False)


def _form():
    form = NaamForm({"naam": "x"})
    assert form.is_valid()
    return form


def test_gelukt_zonder_weigering():
    form = _form()
    with Poging(form) as poging:
        pass
    assert poging.gelukt and not form.errors


def test_validatiefout_boven_het_formulier():
    form = _form()
    with Poging(form) as poging:
        raise ValidationError({"naam": "Naam ontbreekt."})
    assert not poging.gelukt
    assert form.non_field_errors() == ["Naam ontbreekt."]


def test_per_veld_op_het_veld_en_het_deel_met_prefix():
    form, deel = _form(), _form()
    fout = ValidationError({"naam": "Naam ontbreekt.", "contact.naam": "Onbekend."})
    with Poging(form, per_veld=True):
        raise fout
    with Poging(deel, per_veld=True, prefix="contact"):
        raise fout
    assert form.errors["naam"] == ["Naam ontbreekt."]
    assert deel.errors["naam"] == ["Onbekend."]


def _request():
    request = RequestFactory().post("/")
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def test_geen_recht_zonder_formulier_in_de_meldingen():
    request = _request()
    with Poging(request=request) as poging:
        raise PermissionDenied("U mag dit niet.")
    assert not poging.gelukt
    assert [str(m) for m in get_messages(request)] == ["U mag dit niet."]


def test_zonder_formulier_een_melding_of_een_per_regel():
    samen, los = _request(), _request()
    fout = ValidationError(["Eén.", "Twee."])
    with Poging(request=samen):
        raise fout
    with Poging(request=los, per_regel=True):
        raise fout
    assert [str(m) for m in get_messages(samen)] == ["Eén. Twee."]
    assert [str(m) for m in get_messages(los)] == ["Eén.", "Twee."]


def test_eerst_toont_de_weigering_op_eigen_wijze():
    form = _form()
    with Poging(form, eerst=lambda f, fout: f.add_error("naam", "eigen") or True):
        raise ValidationError("standaard")
    assert form.errors["naam"] == ["eigen"] and not form.non_field_errors()


def test_andere_fouten_gaan_door():
    with pytest.raises(KeyError), Poging(_form()):
        raise KeyError("bug")
