"""WCAG 2.1 AA in the browser: axe-core (shipped by axe-playwright-python) checks every page a
role reaches from the menu and the pages linked from those, plus each form submitted empty;
the bar is zero violations. Also the error summary after a failed submit and the live regions
that announce htmx updates. See docs/toegankelijkheid.md.

The crawl runs on the demo data (``wmoketen.demo``) and opens one example per URL pattern, so
it stays bounded however much data the demo holds."""

from collections import deque

import pytest
from axe_playwright_python.sync_playwright import Axe

from wmoketen.factories import GemeenteFactory

from .browserhulp import SCREENSHOTS
from .demohulp import ROLLEN, demo, inloggen_als, links, openen, patroon

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Axe()
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
MAX_DIEPTE = 3
# A search with results, so that the client pages are reached from the search as a user does.
ZOEKEN = ["/clienten/?q=a"]
LEGE_VELDEN = """form => {
  form.noValidate = true;
  for (const el of form.elements) {
    if (el.type === "hidden" || el.type === "submit" || el.type === "button") continue;
    if (el.type === "checkbox" || el.type === "radio") el.checked = false;
    else if (el.tagName === "SELECT") el.selectedIndex = [...el.options].findIndex(o => !o.value);
    else el.value = "";
  }
}"""


def schendingen(page, waar: str) -> list[str]:
    """axe-core's WCAG 2.0/2.1 A and AA violations on the page, one readable line each."""
    resultaat = AXE.run(page, options=WCAG_AA).response
    regels = []
    for v in resultaat["violations"]:
        waarop = ", ".join(n["html"][:120] for n in v["nodes"][:3])
        regels.append(f"{waar}: {v['id']} ({v['impact']}) {v['help']} → {waarop}")
    return regels


def invulformulieren(page) -> int:
    """How many POST forms in <main> have fields a user fills in (not just a button)."""
    return page.eval_on_selector_all(
        "main form[method=post]",
        """forms => forms.filter(f => [...f.elements].some(
             el => !["hidden", "submit", "button"].includes(el.type))).length""",
    )


def leeg_versturen(page, url: str, nummer: int) -> None:
    """Opens the page again and submits its nth fill-in form empty (its error state)."""
    openen(page, url)
    form = (
        page.locator("main form[method=post]")
        .filter(has=page.locator("input:not([type=hidden]):not([type=submit]), select, textarea"))
        .nth(nummer)
    )
    form.evaluate(LEGE_VELDEN)
    with page.expect_navigation():
        form.locator("[type=submit]").first.click()


def crawl(page, url: str) -> tuple[list[str], list[str]]:
    """Breadth-first from the menu; returns (pages checked, violations)."""
    te_doen = deque((pad, 1) for pad in ["/", *links(page, "nav.menu a"), *ZOEKEN])
    gezien, bezocht, gevonden = set(), [], []
    while te_doen:
        pad, diepte = te_doen.popleft()
        naam = pad if pad in ZOEKEN else patroon(pad)
        if naam is None or naam in gezien:
            continue
        gezien.add(naam)
        if not openen(page, url + pad):
            continue
        bezocht.append(pad)
        gevonden += schendingen(page, pad)
        if diepte < MAX_DIEPTE:
            te_doen.extend((h, diepte + 1) for h in links(page, "main a[href]"))
        for nummer in range(invulformulieren(page)):
            leeg_versturen(page, url + pad, nummer)
            bezocht.append(f"{pad} (formulier {nummer + 1} leeg verstuurd)")
            gevonden += schendingen(page, f"{pad} (formulier {nummer + 1} leeg verstuurd)")
    return bezocht, gevonden


@pytest.mark.parametrize("rol", list(ROLLEN))
def test_elke_bereikbare_pagina_zonder_axe_schendingen(live_server, page, rol):
    demo()
    page.set_viewport_size({"width": 1366, "height": 900})
    inloggen_als(page, live_server.url, rol)
    bezocht, gevonden = crawl(page, live_server.url)
    # What was checked, for docs/toegankelijkheid.md and for a person reading a failure.
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / f"axe-{rol}.txt").write_text("\n".join(bezocht + gevonden) + "\n")

    assert len(bezocht) >= 8, bezocht
    assert gevonden == [], "\n".join(gevonden)


def test_inlogpagina_en_foutoverzicht_zonder_axe_schendingen(live_server, page):
    GemeenteFactory(naam="Weert", gemeentecode="0988")
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"{live_server.url}/account/inloggen/")
    gevonden = schendingen(page, "inloggen")
    page.click("button[type=submit]")
    page.wait_for_selector(".foutoverzicht")

    overzicht = page.locator(".foutoverzicht")
    # The only organisation is preselected, so two fields are missing.
    assert overzicht.locator("h2").inner_text() == "Er zijn 2 fouten:"
    assert overzicht.locator("li").all_inner_texts() == [
        "Gebruikersnaam: Dit veld is vereist.",
        "Wachtwoord: Dit veld is vereist.",
    ]
    assert page.evaluate("document.activeElement.className") == "foutoverzicht"
    overzicht.locator("a", has_text="Wachtwoord").click()
    assert page.evaluate("document.activeElement.id") == "id_password"
    beschrijving = page.get_attribute("#id_password", "aria-describedby")
    assert page.inner_text(f"#{beschrijving}") == "Dit veld is vereist."
    gevonden += schendingen(page, "inloggen (leeg verstuurd)")
    page.goto(f"{live_server.url}/account/wachtwoord-vergeten/")
    gevonden += schendingen(page, "wachtwoord vergeten")

    assert gevonden == [], "\n".join(gevonden)


def test_statusberichten_na_htmx_in_een_live_regio(live_server, page):
    demo()
    page.set_viewport_size({"width": 1366, "height": 900})
    inloggen_als(page, live_server.url, "backoffice")

    page.locator("#werklijst nav.filters a").nth(1).click()
    page.wait_for_url("**/?soort=*")
    page.wait_for_selector("#werklijst .filters a[aria-current]:not([href='?'])")
    teller = page.locator("#werklijst p", has_text="item").first
    assert teller.evaluate("el => !!el.closest('[aria-live=polite]')")

    page.goto(f"{live_server.url}/berichten/")
    page.select_option("#id_richting", index=1)
    page.wait_for_url("**/berichten/?*")
    teller = page.locator("#berichten p", has_text="bericht").first
    assert teller.evaluate("el => !!el.closest('[aria-live=polite]')")
