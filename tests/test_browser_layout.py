"""The layout works from 320 px (WCAG 1.4.10 reflow: no sideways scrolling) to 1920 px: each
role's menu pages at four widths, with a screenshot of each in var/screenshots/ for a person to
look at, and the aanbieder's menu on one line at 1366 px (a common laptop width)."""

import pytest

from .browserhulp import SCREENSHOTS
from .demohulp import ROLLEN, demo, inloggen_als, links, openen, patroon

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BREEDTES = [320, 375, 1366, 1920]
OVERLOOP = "document.documentElement.scrollWidth - window.innerWidth"
# The menu is one line when no item sits below the first row.
MENU_REGELS = """() => new Set([...document.querySelectorAll('nav.menu > ul > li')]
    .map(li => Math.round(li.getBoundingClientRect().top))).size"""
MENU_NAAST_RECHTS = """() => {
  const ul = document.querySelector('nav.menu > ul').getBoundingClientRect();
  const rechts = document.querySelector('.menu__rechts').getBoundingClientRect();
  return rechts.top < ul.bottom && rechts.left >= ul.right;
}"""


def menupaginas(page) -> list[str]:
    paden = []
    for pad in ["/", *links(page, "nav.menu a")]:
        if patroon(pad) and pad not in paden:
            paden.append(pad)
    return paden


def bestandsnaam(rol: str, pad: str, breedte: int) -> str:
    return f"{rol}-{pad.strip('/').replace('/', '-') or 'start'}-{breedte}.png"


@pytest.mark.parametrize("rol", list(ROLLEN))
def test_menupaginas_passen_van_320_tot_1920_px(live_server, page, rol):
    demo()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1366, "height": 900})
    inloggen_als(page, live_server.url, rol)
    te_breed = []
    for pad in menupaginas(page):
        assert openen(page, live_server.url + pad), pad
        for breedte in BREEDTES:
            page.set_viewport_size({"width": breedte, "height": 900})
            if (overloop := page.evaluate(OVERLOOP)) > 0:
                te_breed.append(f"{pad} bij {breedte} px: {overloop} px te breed")
            page.screenshot(path=SCREENSHOTS / bestandsnaam(rol, pad, breedte), full_page=True)
        page.set_viewport_size({"width": 1366, "height": 900})

    assert te_breed == [], "\n".join(te_breed)


def test_menu_van_de_aanbieder_op_een_regel_bij_1366_px(live_server, page):
    demo()
    page.set_viewport_size({"width": 1366, "height": 900})
    inloggen_als(page, live_server.url, "aanbieder")

    assert page.evaluate(MENU_REGELS) == 1
    assert page.evaluate(MENU_NAAST_RECHTS)
