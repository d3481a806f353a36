"""Login lockout (django-axes) behind a reverse proxy.

Behind the proxy every request comes from the proxy's address, so axes would count all users'
failures as one client's. Two pieces fix that:

* :func:`client_adres` (``AXES_CLIENT_IP_CALLABLE``): the client address from X-Forwarded-For,
  believed only when the request comes from a trusted proxy (``VERTROUWDE_PROXIES``).
* :class:`VergrendelingHandler` (``AXES_HANDLER``): axes locks a username *from one address*
  (``AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]``) at ``AXES_FAILURE_LIMIT``; axes
  has one limit only, so this handler adds the username *from any address* at the higher
  ``AXES_GEBRUIKER_FAILURE_LIMIT``. One user is protected from a distributed attack, and no one
  can lock out everybody (or a colleague on the same network) by mistyping.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from axes.signals import user_locked_out
from django.conf import settings
from django.core import checks
from django.db.models import Sum

IPAdres = ipaddress.IPv4Address | ipaddress.IPv6Address


def client_adres(request) -> str | None:
    """REMOTE_ADDR; from a trusted proxy, the right-most X-Forwarded-For address that is not
    itself a trusted proxy. Everything left of it was written by the client and may be forged."""
    remote = request.META.get("REMOTE_ADDR")
    proxies = _proxies(tuple(settings.VERTROUWDE_PROXIES))
    if not proxies or not _vertrouwd(_ip(remote), proxies):
        return remote
    adres = remote
    for hop in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        ip = _ip(hop)
        if ip is None:  # not an address: keep the last one a trusted proxy vouched for
            break
        adres = str(ip)
        if not _vertrouwd(ip, proxies):
            break
    return adres


@lru_cache(maxsize=8)
def _proxies(waarden: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(w.strip(), strict=False) for w in waarden if w.strip())


def _ip(waarde: str | None) -> IPAdres | None:
    try:
        ip = ipaddress.ip_address((waarde or "").strip())
    except ValueError:
        return None
    return (ip.ipv4_mapped or ip) if ip.version == 6 else ip


def _vertrouwd(ip: IPAdres | None, proxies) -> bool:
    return ip is not None and any(ip in netwerk for netwerk in proxies)


class VergrendelingHandler(AxesDatabaseHandler):
    """Axes' database handler plus the lock on the username alone (see the module)."""

    def is_locked(self, request, credentials: dict | None = None) -> bool:
        return super().is_locked(request, credentials) or gebruiker_geblokkeerd(
            request, credentials
        )

    def user_login_failed(self, sender, credentials: dict, request=None, **kwargs):
        super().user_login_failed(sender, credentials, request, **kwargs)
        if request is None or request.axes_locked_out or self.is_whitelisted(request, credentials):
            return
        if gebruiker_geblokkeerd(request, credentials):  # this failure reached the higher limit
            request.axes_locked_out = True  # AxesMiddleware shows the lockout page
            request.axes_credentials = credentials
            user_locked_out.send(
                "axes",
                request=request,
                username=get_client_username(request, credentials),
                ip_address=request.axes_ip_address,
            )


def gebruiker_geblokkeerd(request, credentials: dict | None = None) -> bool:
    """The username's failures within the cool-off, from every address, reach the user limit."""
    username = get_client_username(request, credentials)
    if not username:
        return False
    mislukt = AccessAttempt.objects.filter(
        username=username, attempt_time__gte=get_cool_off_threshold(request)
    ).aggregate(n=Sum("failures_since_start"))["n"]
    return (mislukt or 0) >= settings.AXES_GEBRUIKER_FAILURE_LIMIT


@checks.register(checks.Tags.security)
def controleer_proxies(app_configs, **kwargs) -> list[checks.Error]:
    """A mistyped VERTROUWDE_PROXIES stops the start, not the first login."""
    try:
        _proxies(tuple(settings.VERTROUWDE_PROXIES))
    except ValueError as fout:
        return [checks.Error(f"VERTROUWDE_PROXIES: {fout}", id="wmoketen.accounts.E001")]
    return []
