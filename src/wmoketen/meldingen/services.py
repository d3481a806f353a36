"""Notifications: a row per user in the application, and an e-mail without personal data.

Users call them "notificaties", and so does the code (``Notificatie``): "melding" is the Wmo
report of need (``toegang.Melding``). The app and its URLs keep the name ``meldingen``."""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from .models import Notificatie
from .tasks import verstuur_meldingsmail

# The e-mail never says what the notification is about: no names, no health data.
MAIL_ONDERWERP = "Nieuwe notificatie in wmoketen"
MAIL_TEKST = (
    "Er staat een nieuwe taak of notificatie voor u klaar in wmoketen.\n\n"
    "Log in om deze te bekijken.\n"
)


def meld(ontvangers: Iterable, *, titel: str, url: str = "") -> list[Notificatie]:
    """Notify each of ``ontvangers``; the e-mails go out after the transaction commits."""
    notificaties = Notificatie.objects.bulk_create(
        Notificatie(ontvanger=ontvanger, titel=titel[:200], url=url)
        for ontvanger in set(ontvangers)
    )
    ids = [n.ontvanger_id for n in notificaties]
    if ids:
        transaction.on_commit(lambda: verstuur_meldingsmail.delay(ids))
    return notificaties


def markeer_gelezen(gebruiker, *, notificatie_id: int | None = None) -> int:
    """Mark one (or all) of the user's unread notifications as read."""
    notificaties = Notificatie.objects.filter(ontvanger=gebruiker).ongelezen()
    if notificatie_id is not None:
        notificaties = notificaties.filter(pk=notificatie_id)
    return notificaties.update(gelezen_op=timezone.now())
