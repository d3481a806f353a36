"""Helpers shared by the toegang tests: pages as a user, a step's deadline, and "refused and
nothing changed" over the route's tables (``wmoketen.testhulp`` with ``MODELLEN``)."""

from functools import partial

from django.utils import timezone

from wmoketen.audit.models import AuditRegel
from wmoketen.berichten.models import Bericht
from wmoketen.clienten.models import Client
from wmoketen.termijnen.models import Termijn
from wmoketen.testhulp import geweigerd
from wmoketen.testhulp import niets_veranderd as _niets_veranderd
from wmoketen.toegang.models import Beschikking, Melding, Ondersteuningsplan, Onderzoek
from wmoketen.toewijzingen.models import Toewijzing
from wmoketen.trajecten.models import Deelname, Taak

GEHEIM_VERSLAG = "Verslag: schulden en eenzaamheid"


def vandaag():
    return timezone.localdate()


def als(client, gebruiker):
    client.force_login(gebruiker)
    return client


def html(antwoord) -> str:
    return antwoord.content.decode()


def termijn(onderwerp, code):
    return Termijn.objects.get(
        regel__code=code, object_id=onderwerp.pk, content_type__model=onderwerp._meta.model_name
    )


# Refused and nothing changed: none of these rows added or removed, the objects unchanged.
MODELLEN = (
    Melding,
    Onderzoek,
    Ondersteuningsplan,
    Beschikking,
    Termijn,
    Taak,
    Deelname,
    Client,
    AuditRegel,
    Toewijzing,
    Bericht,
)
niets_veranderd = partial(_niets_veranderd, modellen=MODELLEN)
weiger = partial(geweigerd, modellen=MODELLEN)
