"""The notifications are "notificaties" to users: "melding" is the Wmo report of need."""

import re

from django.core import mail

from wmoketen.meldingen.services import meld
from wmoketen.meldingen.tasks import verstuur_meldingsmail


def _zonder_titels(html: str) -> str:
    """The page without the notifications' own titles (those name what they are about)."""
    return re.sub(r'<button type="submit" class="knop knop--link">[^<]*</button>', "", html)


def test_bel_en_pagina_noemen_notificaties(client, consulent):
    client.force_login(consulent)
    leeg = client.get("/meldingen/").content.decode()
    meld([consulent], titel="Nieuwe melding toegewezen", url="/")
    bel = client.get("/meldingen/bel/").content.decode()
    pagina = client.get("/meldingen/").content.decode()

    assert 'aria-label="Notificaties: 1 ongelezen"' in bel
    assert "<title>Notificaties – wmoketen</title>" in pagina
    assert "<h1>Notificaties</h1>" in pagina
    assert "<li>Geen notificaties.</li>" in leeg
    assert "Nieuwe melding toegewezen" in pagina  # the title of a notification about a melding
    inhoud = _zonder_titels(pagina.split('<main id="inhoud"', 1)[1])
    for tekst in (bel, inhoud, leeg.split('<main id="inhoud"', 1)[1]):
        assert "melding" not in re.sub(r'"[^"]*"', "", tekst).lower()  # outside attributes


def test_mail_noemt_een_notificatie(consulent):
    consulent.email = "consulent@gemeente.example"
    consulent.save()

    assert verstuur_meldingsmail([consulent.pk]) == 1

    [bericht] = mail.outbox
    assert bericht.subject == "Nieuwe notificatie in wmoketen"
    assert bericht.body == (
        "Er staat een nieuwe taak of notificatie voor u klaar in wmoketen.\n\n"
        "Log in om deze te bekijken.\n"
    )
