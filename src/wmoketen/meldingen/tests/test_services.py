"""Notifying users (``meld``) and marking notifications read (``markeer_gelezen``)."""

from datetime import datetime

from django.core import mail
from django.utils import timezone

from wmoketen.meldingen.models import Notificatie
from wmoketen.meldingen.services import MAIL_ONDERWERP, markeer_gelezen, meld


def test_meld_maakt_een_ongelezen_notificatie_per_ontvanger(consulent, collega):
    notificaties = meld([consulent, collega, consulent], titel="Taak toegewezen", url="/taken/1/")

    assert len(notificaties) == 2  # a recipient named twice is notified once
    rijen = Notificatie.objects.order_by("ontvanger__username")
    assert [(n.ontvanger, n.titel, n.url, n.gelezen_op) for n in rijen] == [
        (collega, "Taak toegewezen", "/taken/1/", None),
        (consulent, "Taak toegewezen", "/taken/1/", None),
    ]


def test_meld_kort_een_lange_titel_in(consulent):
    [notificatie] = meld([consulent], titel="x" * 250)

    notificatie.refresh_from_db()
    assert notificatie.titel == "x" * 200
    assert notificatie.url == ""


def test_mail_pas_na_de_commit(consulent, collega, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        meld([consulent, collega], titel="Nieuwe melding toegewezen")
        assert mail.outbox == []  # nothing leaves before the transaction commits

    assert len(callbacks) == 1
    assert sorted(m.to[0] for m in mail.outbox) == [
        "collega@example.org",
        "consulent@example.org",
    ]
    assert {m.subject for m in mail.outbox} == {MAIL_ONDERWERP}


def test_meld_zonder_ontvangers_doet_niets(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert meld([], titel="Niemand") == []

    assert callbacks == []
    assert not Notificatie.objects.exists()
    assert mail.outbox == []


def test_markeer_een_notificatie_gelezen(consulent):
    eerste, tweede = (meld([consulent], titel=t)[0] for t in ("Eerste", "Tweede"))

    assert markeer_gelezen(consulent, notificatie_id=eerste.pk) == 1

    eerste.refresh_from_db()
    tweede.refresh_from_db()
    assert eerste.gelezen_op is not None
    assert tweede.gelezen_op is None


def test_markeer_alles_gelezen_alleen_van_de_gebruiker_zelf(consulent, collega):
    meld([consulent, collega], titel="Voor allebei")
    meld([consulent], titel="Alleen voor de consulent")

    assert markeer_gelezen(consulent) == 2

    assert not Notificatie.objects.filter(ontvanger=consulent).ongelezen().exists()
    assert Notificatie.objects.filter(ontvanger=collega).ongelezen().count() == 1


def test_een_notificatie_van_een_ander_blijft_ongelezen(consulent, collega):
    [van_collega] = meld([collega], titel="Voor de collega")

    assert markeer_gelezen(consulent, notificatie_id=van_collega.pk) == 0

    van_collega.refresh_from_db()
    assert van_collega.gelezen_op is None


def test_gelezen_blijft_op_het_eerste_moment(consulent):
    [notificatie] = meld([consulent], titel="Al gelezen")
    eerder = timezone.make_aware(datetime(2026, 1, 5, 9, 0))
    Notificatie.objects.filter(pk=notificatie.pk).update(gelezen_op=eerder)

    assert markeer_gelezen(consulent) == 0

    notificatie.refresh_from_db()
    assert notificatie.gelezen_op == eerder


def test_nieuwste_eerst_en_de_titel_als_naam(consulent):
    oud, nieuw = (meld([consulent], titel=t)[0] for t in ("Oud", "Nieuw"))
    Notificatie.objects.filter(pk=oud.pk).update(
        aangemaakt=timezone.make_aware(datetime(2026, 1, 5, 9, 0))
    )

    assert list(Notificatie.objects.filter(ontvanger=consulent)) == [nieuw, oud]
    assert str(nieuw) == "Nieuw"
