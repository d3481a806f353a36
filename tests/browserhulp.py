"""Helpers of the browser tests: where screenshots go, the contract most of them start from,
logging in and out as a user."""

from pathlib import Path

from django.conf import settings

from wmoketen.factories import (
    WACHTWOORD,
    AanbiederFactory,
    ContractFactory,
    ContractregelFactory,
    GemeenteFactory,
    ProductFactory,
)
from wmoketen.termijnen.services import laad_standaardregels

SCREENSHOTS = Path(settings.VAR_DIR) / "screenshots"


def weert_en_maasland(*, product=None, contract=None, regel=None):
    """The standard deadlines loaded; Weert contracts Begeleiding (02A01) with Zorggroep Maasland.
    ``product``, ``contract``, ``regel``: more fields of each. Returns (gemeente, aanbieder,
    product)."""
    laad_standaardregels(acting_user=None)
    gemeente = GemeenteFactory(naam="Weert", gemeentecode="0988")
    aanbieder = AanbiederFactory(naam="Zorggroep Maasland", agb_code="73730101")
    product = ProductFactory(
        productcategorie="02", productcode="02A01", naam="Begeleiding", **(product or {})
    )
    contract = ContractFactory(gemeente=gemeente, aanbieder=aanbieder, **(contract or {}))
    ContractregelFactory(contract=contract, product=product, **(regel or {}))
    return gemeente, aanbieder, product


def inloggen(page, url, organisatie, gebruiker, wachtwoord=WACHTWOORD):
    """Logs in on the login page: ``organisatie`` an organisation or its name, ``gebruiker`` a
    user or a username; the password is the factories' unless given (the demo has its own)."""
    page.goto(f"{url}/account/inloggen/")
    page.select_option("#id_organisatie", label=getattr(organisatie, "naam", organisatie))
    page.fill("#id_username", getattr(gebruiker, "username", gebruiker))
    page.fill("#id_password", wachtwoord)
    page.click("button[type=submit]")
    page.wait_for_url(f"{url}/")


def uitloggen(page):
    page.click("text=Uitloggen")
    page.wait_for_url("**/account/inloggen/")
