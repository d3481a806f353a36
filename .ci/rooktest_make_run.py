"""Smoke test of `make run`: wait until the server answers, log in as a demo user, open the
start page. Python's standard library only: it runs before `make run` has created .venv.

    python3 .ci/rooktest_make_run.py http://127.0.0.1:8000 [--pid PID] [--wacht SECONDEN]

Exits 0 when the logged-in start page shows; otherwise 1 with the reason.
"""

import argparse
import http.cookiejar
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser

ORGANISATIE = "Leudal"
GEBRUIKER = "leudal.consulent"
WACHTWOORD = "Demo-wmoketen-2026"
INLOGGEN = "/account/inloggen/"


class Mislukt(Exception):
    pass


class Inlogformulier(HTMLParser):
    """The CSRF token and the organisations (label → value) of the login form."""

    def __init__(self):
        super().__init__()
        self.csrf = None
        self.organisaties = {}
        self._optie = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("name") == "csrfmiddlewaretoken":
            self.csrf = attrs.get("value")
        elif tag == "option":
            self._optie = attrs.get("value")

    def handle_data(self, data):
        if self._optie is not None:
            self.organisaties[data.strip()] = self._optie
            self._optie = None


def leeft(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def wacht_op_server(opener, url, seconden, pid):
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        if pid and not leeft(pid):
            raise Mislukt("make run is gestopt voordat de server antwoordde")
        try:
            with opener.open(url, timeout=10) as antwoord:
                return antwoord.read().decode()
        except urllib.error.HTTPError as fout:
            raise Mislukt(f"het inlogformulier gaf HTTP {fout.code}") from None
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(2)
    raise Mislukt(f"de server antwoordde niet binnen {seconden} s op {url}")


def rooktest(basis, seconden, pid):
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    formulier = Inlogformulier()
    formulier.feed(wacht_op_server(opener, basis + INLOGGEN, seconden, pid))
    if not formulier.csrf:
        raise Mislukt("het inlogformulier heeft geen CSRF-token")
    if ORGANISATIE not in formulier.organisaties:
        raise Mislukt(f"organisatie {ORGANISATIE} ontbreekt in het inlogformulier")

    gegevens = {
        "csrfmiddlewaretoken": formulier.csrf,
        "organisatie": formulier.organisaties[ORGANISATIE],
        "username": GEBRUIKER,
        "password": WACHTWOORD,
        "next": "",
    }
    try:
        with opener.open(
            basis + INLOGGEN, urllib.parse.urlencode(gegevens).encode(), timeout=60
        ) as antwoord:
            status, pad, pagina = antwoord.status, antwoord.url, antwoord.read().decode()
    except urllib.error.HTTPError as fout:
        raise Mislukt(f"inloggen gaf HTTP {fout.code}") from None

    pad = urllib.parse.urlsplit(pad).path
    if status != 200 or pad != "/":
        raise Mislukt(f"na het inloggen HTTP {status} op {pad} in plaats van de startpagina /")
    if f"U werkt voor <strong>{ORGANISATIE}</strong>" not in pagina or "Uitloggen" not in pagina:
        raise Mislukt(f"de startpagina toont niet dat {GEBRUIKER} is ingelogd")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("basis", help="bijvoorbeeld http://127.0.0.1:8000")
    parser.add_argument("--pid", type=int, help="proces van make run: stoppen als het stopt")
    parser.add_argument("--wacht", type=int, default=180, help="seconden wachten op de server")
    args = parser.parse_args()
    try:
        rooktest(args.basis.rstrip("/"), args.wacht, args.pid)
    except Mislukt as fout:
        sys.exit(f"Rooktest make run mislukt: {fout}.")
    print(f"Rooktest make run geslaagd: {GEBRUIKER} ({ORGANISATIE}) ziet de startpagina.")


if __name__ == "__main__":
    main()
