"""Notifications: a row per user in the application, and an e-mail without personal data.

Users call them "notificaties": "melding" is the Wmo report of need (``toegang.Melding``).
The model and app keep their names until a later rename."""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from .models import Melding
from .tasks import verstuur_meldingsmail

# The e-mail never says what the notification is about: no names, no health data.
MAIL_ONDERWERP = "Nieuwe notificatie in wmoketen"
MAIL_TEKST = (
    "Er staat een nieuwe taak of notificatie voor u klaar in wmoketen.\n\n"
    "Log in om deze te bekijken.\n"
)


def meld(ontvangers: Iterable, *, titel: str, url: str = "") -> list[Melding]:
    """Notify each of ``ontvangers``; the e-mails go out after the transaction commits."""
    meldingen = Melding.objects.bulk_create(
        Melding(ontvanger=ontvanger, titel=titel[:200], url=url) for ontvanger in set(ontvangers)
    )
    ids = [m.ontvanger_id for m in meldingen]
    if ids:
        transaction.on_commit(lambda: verstuur_meldingsmail.delay(ids))
    return meldingen


def markeer_gelezen(gebruiker, *, melding_id: int | None = None) -> int:
    """Mark one (or all) of the user's unread notifications as read."""
    meldingen = Melding.objects.filter(ontvanger=gebruiker).ongelezen()
    if melding_id is not None:
        meldingen = meldingen.filter(pk=melding_id)
    return meldingen.update(gelezen_op=timezone.now())
