"""Browser tests on the demo data (``wmoketen.demo``): loading it, logging in as one of its
roles, and the page helpers of the crawls (axe, CSP, layout)."""

from urllib.parse import urlsplit

from django.contrib.auth.models import Group
from django.test.utils import override_settings
from django.urls import Resolver404, resolve
from playwright.sync_api import Error as PlaywrightError

from wmoketen.accounts.constants import Rol
from wmoketen.demo.laden import WACHTWOORD, laad_demo
from wmoketen.termijnen.services import laad_standaardregels

from .browserhulp import inloggen

# Demo accounts (wmoketen.demo); Leudal has the traject and the mutation, Maasland its aanbieder.
ROLLEN = {
    "consulent": ("Leudal", "leudal.consulent"),
    "backoffice": ("Leudal", "leudal.backoffice"),
    "contractmanager": ("Leudal", "leudal.contractmanager"),
    "beheerder": ("Leudal", "leudal.beheerder"),
    "aanbieder": ("Zorggroep Maasland", "agb73730101.medewerker"),
}
# Not the app's own pages (Django's admin) or not a page (logout, the API).
OVERSLAAN = {"admin", "accounts:logout", "api"}


def demo():
    """The demo, after what the migrations load and a transactional test flushes (the roles and
    the deadline rules). Not serialized_rollback: reloading its snapshot clashes with the
    content types the previous test's flush recreated."""
    for rol in Rol:
        Group.objects.get_or_create(name=rol.value)
    laad_standaardregels(acting_user=None)
    # The demo's notification e-mails are of no use here.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        laad_demo()


def inloggen_als(page, url, rol):
    """Logs in as the demo account of ``rol`` (``ROLLEN``)."""
    organisatie, gebruikersnaam = ROLLEN[rol]
    inloggen(page, url, organisatie, gebruikersnaam, WACHTWOORD)


def patroon(pad: str) -> str | None:
    """The URL pattern's name (one example per pattern is enough), or None when out of scope."""
    try:
        match = resolve(urlsplit(pad).path)
    except Resolver404:
        return None
    if match.namespace in OVERSLAAN or match.view_name in OVERSLAAN:
        return None
    return match.view_name


def links(page, selector: str) -> list[str]:
    hrefs = page.eval_on_selector_all(selector, "els => els.map(a => a.getAttribute('href'))")
    return [h for h in hrefs if h and h.startswith("/") and not h.startswith("//")]


def openen(page, url: str) -> bool:
    """Opens a page; False for downloads (PDF, XML) and anything that is not HTML."""
    try:
        antwoord = page.goto(url)
    except PlaywrightError as fout:
        if "Download is starting" in str(fout):
            return False
        raise
    return antwoord is not None and "text/html" in antwoord.headers.get("content-type", "")
