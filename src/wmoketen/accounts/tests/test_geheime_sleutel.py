"""Production refuses to start with a weak SECRET_KEY (Django's own criteria, security.W009)."""

import importlib
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management.utils import get_random_secret_key

ONTWIKKELSLEUTEL = "onveilig-alleen-voor-ontwikkeling"  # base.py's default
PRODUCTIE = "wmoketen.conf.production"


@pytest.fixture(autouse=True)
def opnieuw_importeren():
    """Each test imports the settings module afresh, and leaves none behind for others."""
    sys.modules.pop(PRODUCTIE, None)
    yield
    sys.modules.pop(PRODUCTIE, None)


def laad_productie(monkeypatch, sleutel: str):
    monkeypatch.setenv("SECRET_KEY", sleutel)
    return importlib.import_module(PRODUCTIE)


@pytest.mark.parametrize(
    "sleutel",
    [
        "",
        "k" * 10 + get_random_secret_key()[:39],  # 49 characters
        "ab" * 30,  # long enough, two different characters
        "django-insecure-" + get_random_secret_key(),  # what startproject generates
        ONTWIKKELSLEUTEL,
    ],
    ids=["leeg", "te-kort", "te-weinig-verschillende-tekens", "django-insecure", "ontwikkeling"],
)
def test_productie_start_niet_met_een_zwakke_geheime_sleutel(monkeypatch, sleutel):
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY"):
        laad_productie(monkeypatch, sleutel)


def test_productie_start_met_een_sterke_geheime_sleutel(monkeypatch):
    sleutel = get_random_secret_key()

    assert laad_productie(monkeypatch, sleutel).SECRET_KEY == sleutel


def test_productie_start_niet_zonder_geheime_sleutel(monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)

    with pytest.raises(ImproperlyConfigured):
        importlib.import_module(PRODUCTIE)


def test_een_sleutel_die_met_een_dollarteken_begint_geldt_zoals_hij_is(monkeypatch):
    # django-environ reads "$NAME" as a reference to another variable; a key is taken verbatim.
    sleutel = "$" + get_random_secret_key()

    assert laad_productie(monkeypatch, sleutel).SECRET_KEY == sleutel
