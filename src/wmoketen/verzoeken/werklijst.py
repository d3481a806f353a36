"""Worklist sources of the requests (see ``gedeeld.werklijst``).

* "Verzoeken te beantwoorden" (backoffice): the gemeente's open requests, with the running
  deadline to the (first or final) answer.
* "Antwoorden op verzoeken" (aanbieder): its requests answered (toegewezen, afgewezen, in
  onderzoek) or rejected in the retour in the last two weeks, so it sees the outcome.
"""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from wmoketen.accounts.constants import Rol
from wmoketen.gedeeld.werklijst import Werkitem, Werkplek, bron, sleutel, werkplek
from wmoketen.termijnen.constants import LOPEND
from wmoketen.termijnen.models import Termijn

from .constants import Kant, Status
from .models import Verzoek
from .queries import te_beantwoorden

RECENT_DAGEN = 14


def _url(naam: str, pk: int) -> str:
    try:
        return reverse(naam, args=[pk])
    except NoReverseMatch:
        return ""


def lopende_termijnen(organisatie, verzoeken) -> dict[int, Termijn]:
    """The nearest running deadline per request, in one query."""
    termijnen = (
        Termijn.objects.voor_organisatie(organisatie)
        .filter(
            content_type=ContentType.objects.get_for_model(Verzoek),
            object_id__in=[v.pk for v in verzoeken],
            status__in=LOPEND,
        )
        .select_related("regel")
        .order_by("-vervaldatum", "-pk")
    )
    return {t.object_id: t for t in termijnen}  # the last one written is the earliest


def _verzoeken(gebruiker, kant: str):
    return (
        Verzoek.objects.voor_organisatie(gebruiker.organisatie)
        .filter(kant=kant)
        .select_related("client", "gemeente", "aanbieder")
    )


@bron("Verzoeken te beantwoorden", Rol.BACKOFFICE)
def verzoeken_te_beantwoorden(gebruiker):
    open_ = list(
        te_beantwoorden(_verzoeken(gebruiker, Kant.GEMEENTE)).order_by("dagtekening", "pk")
    )
    termijnen = lopende_termijnen(gebruiker.organisatie, open_)
    for verzoek in open_:
        termijn = termijnen.get(verzoek.pk)
        yield Werkitem(
            soort="Verzoeken te beantwoorden",
            titel=f"{verzoek.get_soort_display()}: {verzoek.client.volledige_naam}",
            url=_url("verzoeken:beoordelen", verzoek.pk),
            vervaldatum=termijn.vervaldatum if termijn else None,
            termijn_label=termijn.status_label if termijn else "",
            termijn_css=termijn.css_klasse if termijn else "",
            toelichting=f"{verzoek.aanbieder} · {verzoek.get_status_display()} · "
            f"dagtekening {verzoek.dagtekening:%d-%m-%Y}",
            client=verzoek.client.volledige_naam,
            sleutels=frozenset({sleutel(verzoek)}),
        )


@bron("Antwoorden op verzoeken", Rol.AANBIEDER)
def beantwoord(gebruiker):
    sinds = timezone.now() - timedelta(days=RECENT_DAGEN)
    rijen = (
        _verzoeken(gebruiker, Kant.AANBIEDER)
        .exclude(status=Status.OPEN)
        .filter(gewijzigd__gte=sinds)
        .order_by("-gewijzigd")
    )
    for verzoek in rijen:
        yield Werkitem(
            soort="Antwoorden op verzoeken",
            titel=f"{verzoek.get_status_display()}: {verzoek.client.volledige_naam}",
            url=_url("verzoeken:detail", verzoek.pk),
            toelichting=f"{verzoek.get_soort_display()} aan {verzoek.gemeente} · "
            f"dagtekening {verzoek.dagtekening:%d-%m-%Y}",
            client=verzoek.client.volledige_naam,
            sleutels=frozenset({sleutel(verzoek)}),
        )


@werkplek(Verzoek, select_related=["client"])
def verzoek_werkplek(verzoek, gebruiker) -> Werkplek | None:
    """The answer deadlines (OP274/OP346) are the gemeente backoffice's work."""
    if verzoek.kant != Kant.GEMEENTE or not gebruiker.heeft_rol(Rol.BACKOFFICE):
        return None
    if gebruiker.organisatie_id != verzoek.gemeente_id:
        return None
    return Werkplek(
        _url("verzoeken:beoordelen", verzoek.pk),
        verzoek.client.volledige_naam,
        frozenset({sleutel(verzoek)}),
    )
