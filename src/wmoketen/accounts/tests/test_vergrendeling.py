"""Lockout behind the reverse proxy: the client address comes from X-Forwarded-For only when a
trusted proxy sends it; username and address lock together, the username alone at a higher
limit (accounts/vergrendeling.py)."""

import pytest
from axes.models import AccessAttempt
from django.test import Client, RequestFactory

from wmoketen.accounts.constants import Rol
from wmoketen.accounts.vergrendeling import client_adres
from wmoketen.factories import WACHTWOORD, GebruikerFactory

PROXY = "10.0.0.5"
AANVALLER = "198.51.100.9"  # not a proxy: sends its own X-Forwarded-For


@pytest.fixture
def achter_proxy(settings):
    settings.VERTROUWDE_PROXIES = ["10.0.0.0/24"]
    return settings


@pytest.fixture
def collega(consulent):
    return GebruikerFactory(organisatie=consulent.organisatie, rol=Rol.TOEGANGSMEDEWERKER)


def inloggen_via(gebruiker, *, van, wachtwoord=WACHTWOORD, remote=PROXY):
    """One login from client address ``van`` through ``remote`` (the proxy), in a new browser."""
    return Client().post(
        "/account/inloggen/",
        {
            "organisatie": gebruiker.organisatie_id,
            "username": gebruiker.username,
            "password": wachtwoord,
        },
        REMOTE_ADDR=remote,
        HTTP_X_FORWARDED_FOR=van,
    )


def geblokkeerd(antwoord) -> bool:
    return antwoord.status_code == 429 and "tijdelijk geblokkeerd" in antwoord.content.decode()


def ingelogd(antwoord) -> bool:
    return antwoord.status_code == 302 and antwoord.url == "/"


def test_fouten_van_een_gebruiker_blokkeren_een_ander_achter_dezelfde_proxy_niet(
    achter_proxy, consulent, collega
):
    for _ in range(achter_proxy.AXES_FAILURE_LIMIT):
        inloggen_via(consulent, van="203.0.113.7", wachtwoord="fout")

    assert geblokkeerd(inloggen_via(consulent, van="203.0.113.7"))
    assert ingelogd(inloggen_via(collega, van="203.0.113.7"))  # same office, same proxy
    assert ingelogd(inloggen_via(collega, van="203.0.113.8"))
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.7"}


def test_vervalst_forwarded_header_van_een_onvertrouwd_adres_telt_voor_dat_adres(
    achter_proxy, consulent
):
    for nummer in range(achter_proxy.AXES_FAILURE_LIMIT):
        inloggen_via(consulent, van=f"192.0.2.{nummer}", wachtwoord="fout", remote=AANVALLER)

    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {AANVALLER}
    assert geblokkeerd(inloggen_via(consulent, van="192.0.2.99", remote=AANVALLER))
    assert ingelogd(inloggen_via(consulent, van="203.0.113.7"))  # the real user, via the proxy


def test_gebruikersnaam_en_adres_samen_blokkeren_bij_de_limiet(achter_proxy, consulent):
    for _ in range(achter_proxy.AXES_FAILURE_LIMIT - 1):
        assert inloggen_via(consulent, van="203.0.113.7", wachtwoord="fout").status_code == 200

    assert geblokkeerd(inloggen_via(consulent, van="203.0.113.7", wachtwoord="fout"))
    assert geblokkeerd(inloggen_via(consulent, van="203.0.113.7"))  # the right password too
    assert ingelogd(inloggen_via(consulent, van="203.0.113.8"))  # from elsewhere: still in


def test_gebruikersnaam_alleen_blokkeert_bij_de_hogere_limiet_over_veel_adressen(
    achter_proxy, consulent, collega
):
    limiet = achter_proxy.AXES_GEBRUIKER_FAILURE_LIMIT
    assert limiet > achter_proxy.AXES_FAILURE_LIMIT
    for nummer in range(limiet - 1):  # a distributed attack: one failure per address
        assert (
            inloggen_via(consulent, van=f"192.0.2.{nummer}", wachtwoord="fout").status_code == 200
        )
    assert ingelogd(inloggen_via(consulent, van="203.0.113.7"))  # below the limit: still in

    assert geblokkeerd(inloggen_via(consulent, van="192.0.2.200", wachtwoord="fout"))
    assert geblokkeerd(inloggen_via(consulent, van="203.0.113.8"))  # every address now
    assert ingelogd(inloggen_via(collega, van="192.0.2.1"))  # another user is not affected


def test_gebruikerslimiet_is_instelbaar(achter_proxy, consulent):
    achter_proxy.AXES_GEBRUIKER_FAILURE_LIMIT = 3
    for nummer in range(3):
        inloggen_via(consulent, van=f"192.0.2.{nummer}", wachtwoord="fout")

    assert geblokkeerd(inloggen_via(consulent, van="203.0.113.7"))


def _verzoek(remote, forwarded=None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **extra)


@pytest.mark.parametrize(
    ("proxies", "remote", "forwarded", "adres"),
    [
        ([], PROXY, "203.0.113.7", PROXY),  # no trusted proxies: the header is ignored
        (["10.0.0.5"], PROXY, "203.0.113.7", "203.0.113.7"),
        (["10.0.0.5"], AANVALLER, "203.0.113.7", AANVALLER),  # not from the proxy
        # the client's own header comes first; the proxy appends what it saw: right-most counts
        (["10.0.0.0/24"], PROXY, "1.2.3.4, 203.0.113.7", "203.0.113.7"),
        (["10.0.0.0/24"], PROXY, "1.2.3.4, 203.0.113.7, 10.0.0.9", "203.0.113.7"),  # 2 proxies
        (["10.0.0.0/24"], PROXY, "", PROXY),
        (["10.0.0.0/24"], PROXY, "onzin", PROXY),
        (["10.0.0.0/24"], PROXY, "1.2.3.4, onzin, 10.0.0.9", "10.0.0.9"),
        (["10.0.0.0/24"], "::ffff:10.0.0.5", "203.0.113.7", "203.0.113.7"),
        (["2001:db8::/32"], "2001:db8::1", "2001:0db8:0:0::abcd", "2001:db8::abcd"),
    ],
)
def test_client_adres(settings, proxies, remote, forwarded, adres):
    settings.VERTROUWDE_PROXIES = proxies

    assert client_adres(_verzoek(remote, forwarded)) == adres


def test_client_adres_zonder_header(settings):
    settings.VERTROUWDE_PROXIES = ["10.0.0.5"]

    assert client_adres(_verzoek(PROXY)) == PROXY
