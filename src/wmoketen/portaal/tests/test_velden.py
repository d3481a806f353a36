"""The field partials give their help text and error the ids Django's widgets point at with
``aria-describedby`` (``<id>_helptext``, ``<id>_error``), so a screen reader reads the message
with the field instead of a bare "invalid"."""

import re

import pytest
from django import forms
from django.template.loader import render_to_string

DESCRIBEDBY = re.compile(r'aria-describedby="([^"]+)"')

PARTIALS = [
    ("portaal/_formulier.html", {}),
    ("mutaties/_veld.html", {"veld": "naam"}),
    ("evaluaties/_tekstveld.html", {"veld": "naam"}),
    ("evaluaties/_keuze.html", {"veld": "keuze"}),
    ("clienten/_veld.html", {"veld": "naam"}),
    ("toegang/_veld.html", {"veld": "naam"}),
]


class Voorbeeld(forms.Form):
    naam = forms.CharField(label="Naam", help_text="Zoals in de BRP.")
    keuze = forms.ChoiceField(label="Aanwezig", choices=[("ja", "Ja"), ("nee", "Nee")])
    keuze.widget = forms.RadioSelect(choices=keuze.choices)


@pytest.mark.parametrize(("template", "context"), PARTIALS, ids=[p for p, _ in PARTIALS])
def test_aria_describedby_wijst_naar_hulp_en_fout(template, context):
    form = Voorbeeld(data={})
    assert not form.is_valid()
    html = render_to_string(template, {"form": form, **{k: form[v] for k, v in context.items()}})

    verwijzingen = [i for groep in DESCRIBEDBY.findall(html) for i in groep.split()]
    assert verwijzingen, html
    for ident in verwijzingen:
        assert f'id="{ident}"' in html, f"{ident} ontbreekt in {template}"
    fout = re.search(r'id="id_(naam|keuze)_error">([^<]*)<', html)
    assert fout.group(2) == "Dit veld is vereist."
