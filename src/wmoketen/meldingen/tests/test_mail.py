"""The e-mail task: one generic e-mail per user, without any personal data."""

from django.core import mail

from wmoketen.factories import GebruikerFactory
from wmoketen.meldingen.services import MAIL_ONDERWERP, MAIL_TEKST, meld
from wmoketen.meldingen.tasks import verstuur_meldingsmail


def test_een_losse_mail_per_gebruiker(consulent, collega, settings):
    settings.DEFAULT_FROM_EMAIL = "wmoketen@gemeente.example"

    assert verstuur_meldingsmail([consulent.pk, collega.pk]) == 2

    assert sorted((m.to, m.cc, m.bcc) for m in mail.outbox) == [
        (["collega@example.org"], [], []),
        (["consulent@example.org"], [], []),
    ]  # no user sees another's address
    for bericht in mail.outbox:
        assert (bericht.from_email, bericht.subject, bericht.body) == (
            "wmoketen@gemeente.example",
            MAIL_ONDERWERP,
            MAIL_TEKST,
        )


def test_geen_mail_zonder_adres_of_aan_een_inactieve_gebruiker(consulent, collega, gemeente):
    zonder_adres = GebruikerFactory(username="zonderadres", email="", organisatie=gemeente)
    collega.is_active = False
    collega.save()

    assert verstuur_meldingsmail([consulent.pk, collega.pk, zonder_adres.pk]) == 1

    assert [m.to for m in mail.outbox] == [["consulent@example.org"]]


def test_de_mail_noemt_niets_van_de_notificatie(consulent, django_capture_on_commit_callbacks):
    """The title names the client and the case; the e-mail only says there is something."""
    titel = "Beschikking voor J. Jansen (BSN 999990019) vervallen"
    with django_capture_on_commit_callbacks(execute=True):
        meld([consulent], titel=titel, url="/toegang/meldingen/17/")

    [bericht] = mail.outbox
    inhoud = f"{bericht.subject}\n{bericht.body}"
    for gegeven in ("Jansen", "999990019", "Beschikking", "/toegang/", "17", consulent.username):
        assert gegeven not in inhoud
    assert bericht.body == MAIL_TEKST
