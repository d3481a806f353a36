"""Helpers of the browser tests: where screenshots go, logging in and out as a user."""

from pathlib import Path

from django.conf import settings

from wmoketen.factories import WACHTWOORD

SCREENSHOTS = Path(settings.VAR_DIR) / "screenshots"


def inloggen(page, url, organisatie, gebruiker):
    page.goto(f"{url}/account/inloggen/")
    page.select_option("#id_organisatie", label=organisatie.naam)
    page.fill("#id_username", gebruiker.username)
    page.fill("#id_password", WACHTWOORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{url}/")


def uitloggen(page):
    page.click("text=Uitloggen")
    page.wait_for_url("**/account/inloggen/")
