"""Every form speaks Dutch: the browser's own (English) validation bubbles are switched off with
``novalidate`` on every <form>, so what a user sees is the server's message; and every message
a form field can give is Dutch (Django's nl catalogue or our own text)."""

import importlib
import inspect
import re
from pathlib import Path

import pytest
from django import forms
from django.utils import translation
from django.utils.functional import Promise

from wmoketen.conf.config import REPO_ROOT

SRC = REPO_ROOT / "src"
FORM_TAG = re.compile(r"<form\b[^>]*>", re.IGNORECASE)
# Words of Django's English defaults; a plain (untranslated) message with one is English.
ENGELS = re.compile(r"\b(Enter|Ensure|Select|This field|is required|valid|characters)\b")


def _templates() -> list[Path]:
    return sorted(SRC.rglob("templates/**/*.html"))


def test_elk_formulier_heeft_novalidate():
    zonder = []
    for pad in _templates():
        tekst = pad.read_text()
        for tag in FORM_TAG.finditer(tekst):
            if not re.search(r"\snovalidate\b", tag.group()):
                regel = tekst.count("\n", 0, tag.start()) + 1
                zonder.append(f"{pad.relative_to(SRC)}:{regel}")
    assert len(_templates()) > 50  # the scan found the templates
    assert zonder == []


def _formuliermodules():
    for pad in sorted((SRC / "wmoketen").glob("*/forms*.py")):
        naam = ".".join(pad.relative_to(SRC).with_suffix("").parts)
        yield importlib.import_module(naam)


def _formulieren():
    for module in _formuliermodules():
        for _, klasse in inspect.getmembers(module, inspect.isclass):
            if issubclass(klasse, forms.BaseForm) and klasse.__module__ == module.__name__:
                yield klasse


def _meldingen(veld: forms.Field):
    yield from veld.error_messages.items()
    for validator in veld.validators:
        if getattr(validator, "message", None):
            yield type(validator).__name__, validator.message


def _engels(melding) -> bool:
    with translation.override("en"):
        engels = str(melding)
    with translation.override("nl"):
        nederlands = str(melding)
    if isinstance(melding, Promise):
        return nederlands == engels and bool(ENGELS.search(engels))
    return bool(ENGELS.search(nederlands))


@pytest.mark.django_db
def test_elke_veldmelding_is_nederlands():
    klassen = list(_formulieren())
    assert len(klassen) > 30
    engels = [
        f"{klasse.__module__}.{klasse.__name__}.{naam} {sleutel}: {melding}"
        for klasse in klassen
        for naam, veld in klasse.base_fields.items()
        for sleutel, melding in _meldingen(veld)
        if _engels(melding)
    ]
    assert engels == []


def test_django_nl_meldingen_voor_de_gewone_fouten():
    """The texts a consultant meets most, exactly as Django's nl catalogue gives them."""
    with translation.override("nl"):
        datum = forms.DateField()
        getal = forms.IntegerField(min_value=1, max_value=5)
        tekst = forms.CharField(max_length=3)
        email = forms.EmailField()
        assert _fout(datum, "") == ["Dit veld is vereist."]
        assert _fout(datum, "31-02-2026") == ["Voer een geldige datum in."]
        assert _fout(getal, "drie") == ["Voer een geheel getal in."]
        assert _fout(getal, "0") == ["Zorg ervoor dat deze waarde minstens 1 is."]
        assert _fout(getal, "6") == ["Zorg ervoor dat deze waarde hoogstens 5 is."]
        assert _fout(tekst, "abcd") == [
            "Zorg dat deze waarde niet meer dan 3 tekens bevat (het zijn er nu 4)."
        ]
        assert _fout(email, "geen-adres") == ["Voer een geldig e-mailadres in."]


def _fout(veld: forms.Field, waarde: str) -> list[str]:
    try:
        veld.clean(waarde)
    except forms.ValidationError as fout:
        return fout.messages
    return []
