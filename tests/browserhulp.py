"""Helpers of the browser tests: where screenshots go, logging in and out as a user."""

from pathlib import Path

from django.conf import settings

from wmoketen.factories import WACHTWOORD

SCREENSHOTS = Path(settings.VAR_DIR) / "screenshots"


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
