"""The Content-Security-Policy in the browser: every role opens the pages its menu reaches (and
the pages linked from those), uses the htmx interactions, and the browser reports no violation
of the policy (a "Refused to ..." console message or a securitypolicyviolation event) and no
script error. The API documentation pages, with their relaxed policy, render too."""

from urllib.parse import urlsplit

import pytest
from django.urls import Resolver404, resolve

from .demohulp import demo, inloggen_als, links, openen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Registered before any page script runs (Playwright injects it outside the page's policy).
MELD_SCHENDINGEN = """document.addEventListener("securitypolicyviolation", e =>
  window.cspSchending(`${e.violatedDirective} blokkeerde ${e.blockedURI || "inline"}`
    + ` (${e.sourceFile || location.pathname}:${e.lineNumber})`));"""
ROLLEN = ["consulent", "backoffice", "contractmanager", "beheerder", "aanbieder"]
MAX_DIEPTE = 2
NIET_OPENEN = {"accounts:logout"}


class Bewaker:
    """Collects the policy's violations and script errors of one page object, across
    navigations."""

    def __init__(self, page):
        self.gevonden: list[str] = []
        self.page = page
        page.expose_function("cspSchending", lambda tekst: self.meld("event", tekst))
        page.add_init_script(MELD_SCHENDINGEN)
        page.on("console", self.console)
        page.on("pageerror", lambda fout: self.meld("scriptfout", str(fout)))

    def meld(self, soort: str, tekst: str) -> None:
        self.gevonden.append(f"{urlsplit(self.page.url).path}: {soort}: {tekst}")

    def console(self, bericht) -> None:
        tekst = bericht.text
        if "Content Security Policy" in tekst or tekst.startswith("Refused to"):
            self.meld("console", tekst)


def patroon(pad: str) -> str | None:
    try:
        match = resolve(urlsplit(pad).path)
    except Resolver404:
        return None
    return None if match.view_name in NIET_OPENEN else match.view_name


def crawl(page, url: str) -> list[str]:
    """Breadth-first from the menu, one page per URL pattern; the paths opened."""
    te_doen = [(pad, 1) for pad in ["/", *links(page, "nav.menu a")]]
    gezien, bezocht = set(), []
    while te_doen:
        pad, diepte = te_doen.pop(0)
        naam = patroon(pad)
        if naam is None or naam in gezien:
            continue
        gezien.add(naam)
        if not openen(page, url + pad):
            continue
        page.wait_for_load_state("networkidle")  # hx-trigger="load" requests, late scripts
        bezocht.append(pad)
        if diepte < MAX_DIEPTE:
            te_doen.extend((h, diepte + 1) for h in links(page, "main a[href]"))
    return bezocht


def zonder_herladen(page, actie) -> None:
    """Runs ``actie`` (an htmx interaction) and checks htmx swapped: no full page load."""
    page.evaluate("window.zelfdePagina = true")
    with page.expect_response(lambda r: r.request.headers.get("hx-request") == "true"):
        actie()
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.zelfdePagina === true"), "de pagina is opnieuw geladen"


def zoek_client(page, url: str) -> None:
    page.goto(f"{url}/clienten/")
    zonder_herladen(page, lambda: page.fill("#id_q", "a"))
    page.wait_for_selector("#resultaten table")
    assert "gevonden" in page.inner_text("#resultaten")


@pytest.mark.parametrize("rol", ROLLEN)
def test_elke_pagina_en_htmx_zonder_csp_schending(live_server, page, rol):
    demo()
    page.set_viewport_size({"width": 1366, "height": 900})
    bewaker = Bewaker(page)
    inloggen_als(page, live_server.url, rol)

    bezocht = crawl(page, live_server.url)
    zoek_client(page, live_server.url)

    assert len(bezocht) >= 8, bezocht
    assert rol != "beheerder" or "/beheer/" in bezocht  # Django's admin too
    assert bewaker.gevonden == [], "\n".join(bewaker.gevonden)


def test_werklijstfilter_berichtenfilter_en_qr_code(live_server, page):
    demo()
    page.set_viewport_size({"width": 1366, "height": 900})
    bewaker = Bewaker(page)
    inloggen_als(page, live_server.url, "backoffice")

    filter_ = page.locator("#werklijst nav.filters a").nth(1)
    soort = filter_.inner_text()
    zonder_herladen(page, filter_.click)
    assert page.locator("#werklijst .filters a[aria-current]").inner_text() == soort

    page.goto(f"{live_server.url}/berichten/")
    zonder_herladen(page, lambda: page.select_option("#id_richting", index=1))
    assert "?" in page.url

    # Setting up 2FA shows the QR code as inline SVG (no data: image needed).
    page.goto(f"{live_server.url}/account/tweestapsverificatie/")
    assert page.locator(".qr svg path").count() == 1

    assert bewaker.gevonden == [], "\n".join(bewaker.gevonden)


# Redoc always shows Redocly's logo from their CDN (it hides the image when it fails to load):
# the policy keeps it from contacting another origin, and that one refusal is expected.
REDOCLY_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"


@pytest.mark.parametrize(
    ("pad", "klaar", "geweigerd"),
    [("swagger/", ".opblock-summary", []), ("redoc/", "[role=menuitem] label", [REDOCLY_LOGO])],
)
def test_api_documentatie_werkt_binnen_het_beleid(live_server, page, pad, klaar, geweigerd):
    page.set_viewport_size({"width": 1366, "height": 900})
    bewaker = Bewaker(page)

    page.goto(f"{live_server.url}/api/schema/{pad}")
    page.locator(klaar).first.click()  # opens an operation (Swagger), a section (Redoc)
    page.wait_for_load_state("networkidle")
    assert "berichten-API" in page.inner_text("body")

    onverwacht = [g for g in bewaker.gevonden if not any(url in g for url in geweigerd)]
    assert onverwacht == [], "\n".join(onverwacht)
