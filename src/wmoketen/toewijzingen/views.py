"""Pages of the life of an allocation after the 301.

* the aanbieder: its received allocations per client and product, with forms to register
  the start (305), a pause (307 reden 20), a restart (a new 305) and the stop (307);
* the gemeente's backoffice: its allocations with the start/stop state and the messages, a
  rejected 301 with each retourcode explained and *opnieuw versturen*;
* the waiting list for the backoffice and the contract manager, with a CSV export.

Views only collect input and call ``services`` (every rule) and the reads of ``wachtlijst``;
every read is scoped to the user's organisation (404 for anything else); a detail page and the
CSV export are audit-logged per client.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from istandaarden.fout import MAX_FOUTEN
from istandaarden.retourcodes import omschrijving as retourcode_uitleg
from wmoketen.accounts.constants import Rol
from wmoketen.accounts.decorators import rol_vereist
from wmoketen.audit import services as audit
from wmoketen.berichten.constants import Status as BerichtStatus
from wmoketen.berichten.regelteksten import toon_met
from wmoketen.berichten.rollen import LEZERS
from wmoketen.gedeeld.paginering import met_links, pagineer
from wmoketen.gedeeld.weigering import Poging
from wmoketen.organisaties.models import Aanbieder, Gemeente
from wmoketen.producten.models import Product

from . import queries, services
from . import wachtlijst as wl
from .constants import REDEN_BEEINDIGING_LIJST, LeveringStatus
from .forms import PauzeForm, StartForm, StopForm, WachtlijstFilter
from .models import Levering, Toewijzing
from .queries import TOESTANDEN
from .regelteksten import AANWIJZINGEN

WACHTLIJST_ROLLEN = (Rol.BACKOFFICE, Rol.CONTRACTMANAGER)

PER_PAGINA = 50
AFGEKEURD_GETOOND = 50


def _laatste(leveringen) -> Levering | None:
    """The latest delivery period that was not removed, from prefetched rows."""
    geldig = [lev for lev in leveringen if lev.status != LeveringStatus.VERWIJDERD]
    return max(geldig, key=lambda lev: (lev.begindatum, lev.pk)) if geldig else None


def toestand(levering: Levering | None) -> str:
    """nog_niet_gestart / gestart / gepauzeerd / gestopt, from the latest delivery period."""
    if levering is None:
        return "nog_niet_gestart"
    return {
        LeveringStatus.GESTART: "gestart",
        LeveringStatus.GEPAUZEERD: "gepauzeerd",
        LeveringStatus.GESTOPT: "gestopt",
    }.get(levering.status, "nog_niet_gestart")


@dataclass
class Rij:
    """An allocation (either side) with its latest delivery period, for the tables."""

    toewijzing: object
    levering: Levering | None

    @property
    def toestand(self) -> str:
        return toestand(self.levering)

    @property
    def toestand_label(self) -> str:
        return TOESTANDEN[self.toestand]


def _uitleg(bericht) -> list[tuple[str, str]]:
    """(code, Dutch explanation) of each retourcode of a message."""
    if bericht is None:
        return []
    return [(code, retourcode_uitleg(code)) for code in bericht.retourcodes]


def _retour(bericht):
    try:
        return bericht.retour if bericht is not None else None
    except Exception:  # noqa: BLE001 - RelatedObjectDoesNotExist: no retour (yet)
        return None


@dataclass
class Verkeer:
    """One message with its retour, for the message tables."""

    omschrijving: str
    bericht: object
    retour: object = None

    @property
    def uitleg(self) -> list[tuple[str, str]]:
        return _uitleg(self.bericht)


def _verkeer(toewijzing, leveringen) -> list[Verkeer]:
    rijen = []
    if toewijzing.bericht_id:
        rijen.append(Verkeer("Toewijzing", toewijzing.bericht, _retour(toewijzing.bericht)))
    for lev in leveringen:
        if lev.startbericht_id:
            rijen.append(
                Verkeer(
                    f"Start per {lev.begindatum:%d-%m-%Y}",
                    lev.startbericht,
                    _retour(lev.startbericht),
                )
            )
        if lev.stopbericht_id:
            soort = "Pauze" if lev.status == LeveringStatus.GEPAUZEERD else "Stop"
            rijen.append(
                Verkeer(
                    f"{soort} per {lev.einddatum:%d-%m-%Y}",
                    lev.stopbericht,
                    _retour(lev.stopbericht),
                )
            )
    return rijen


# The aanbieder --------------------------------------------------------------------------------


def _pagina(request, toewijzingen):
    """One page of a list and its rows with their latest delivery period.

    The page is chosen on the allocations alone (their ids, LIMIT/OFFSET in SQL), then only
    those rows are read with what the page shows."""
    pagina = pagineer(request, toewijzingen.values_list("pk", flat=True), per_pagina=PER_PAGINA)
    gelezen = toewijzingen.in_bulk(list(pagina))
    rijen = [Rij(gelezen[pk], _laatste(gelezen[pk].leveringen.all())) for pk in pagina]
    return pagina, rijen


def _zonder_pagina(request) -> str:
    query = request.GET.copy()
    query.pop("p", None)
    return query.urlencode()


@rol_vereist(Rol.AANBIEDER)
def aanbieder_lijst(request):
    keuze = request.GET.get("toestand", "")
    toewijzingen = queries.ontvangen_lijst(request.user.organisatie, toestand=keuze)
    pagina, rijen = _pagina(request, toewijzingen)
    # Per client within the page (a client's allocations are next to each other).
    per_client: dict[int, list[Rij]] = {}
    for rij in rijen:
        per_client.setdefault(rij.toewijzing.client_id, []).append(rij)
    context = {
        "groepen": [(r[0].toewijzing.client, r) for r in per_client.values()],
        "pagina": pagina,
        "toestanden": TOESTANDEN,
        "keuze": keuze,
    }
    return render(request, "toewijzingen/aanbieder_lijst.html", context)


@rol_vereist(Rol.AANBIEDER)
def aanbieder_detail(request, pk: int):
    toewijzing = queries.lees_ontvangen(request.user, pk)
    leveringen = list(
        toewijzing.leveringen.select_related(
            "startbericht__retour", "stopbericht__retour"
        ).order_by("begindatum", "pk")
    )
    rij = Rij(toewijzing, _laatste(leveringen))
    actie = request.POST.get("actie", "") if request.method == "POST" else ""
    start = StartForm(request.POST if actie == "start" else None, prefix="start")
    pauze = PauzeForm(request.POST if actie == "pauze" else None, prefix="pauze")
    stop = StopForm(request.POST if actie == "stop" else None, prefix="stop", wet=toewijzing.wet)
    if actie == "start" and start.is_valid():
        herstart = rij.toestand == "gepauzeerd"
        with Poging(start, eerst=toon_met(AANWIJZINGEN)) as poging:
            services.registreer_start(
                toewijzing, startdatum=start.cleaned_data["startdatum"], acting_user=request.user
            )
        if poging.gelukt:
            woord = "herstart" if herstart else "start"
            messages.success(request, f"De {woord} is gemeld; het startbericht (305) is verstuurd.")
            return redirect("toewijzingen:ontvangen", pk=toewijzing.pk)
    if actie == "pauze" and pauze.is_valid():
        with Poging(pauze, eerst=toon_met(AANWIJZINGEN)) as poging:
            services.registreer_pauze(
                toewijzing, einddatum=pauze.cleaned_data["einddatum"], acting_user=request.user
            )
        if poging.gelukt:
            messages.success(
                request, "De pauze is gemeld met reden 20; het stopbericht (307) is verstuurd."
            )
            return redirect("toewijzingen:ontvangen", pk=toewijzing.pk)
    if actie == "stop" and stop.is_valid():
        with Poging(stop, eerst=toon_met(AANWIJZINGEN)) as poging:
            services.registreer_stop(
                toewijzing,
                einddatum=stop.cleaned_data["einddatum"],
                reden=stop.cleaned_data["reden"],
                acting_user=request.user,
            )
        if poging.gelukt:
            messages.success(request, "De stop is gemeld; het stopbericht (307) is verstuurd.")
            return redirect("toewijzingen:ontvangen", pk=toewijzing.pk)
    context = {
        "toewijzing": toewijzing,
        "rij": rij,
        "leveringen": leveringen,
        "verkeer": _verkeer(toewijzing, leveringen),
        "reden_lijst": REDEN_BEEINDIGING_LIJST[toewijzing.wet],
        "start": start,
        "pauze": pauze,
        "stop": stop,
        "actie": actie,
        "actueel": toewijzing.status == "actueel",
        "mag_berichten_lezen": request.user.heeft_rol(*LEZERS),
        "vandaag": timezone.localdate(),
    }
    return render(request, "toewijzingen/aanbieder_detail.html", context)


# The gemeente's backoffice ------------------------------------------------------------------


@rol_vereist(Rol.BACKOFFICE)
def lijst(request):
    keuze = request.GET.get("toestand", "")
    toewijzingen = queries.eigen_lijst(request.user.organisatie, toestand=keuze)
    pagina, rijen = _pagina(request, toewijzingen)
    afgekeurd = list(queries.afgekeurd_in(toewijzingen)[: AFGEKEURD_GETOOND + 1])
    context = {
        "rijen": rijen,
        "pagina": pagina,
        "afgekeurd": afgekeurd[:AFGEKEURD_GETOOND],
        "meer_afgekeurd": len(afgekeurd) > AFGEKEURD_GETOOND,
        "toestanden": TOESTANDEN,
        "keuze": keuze,
        "mag_berichten_lezen": request.user.heeft_rol(*LEZERS),
    }
    return render(request, "toewijzingen/lijst.html", context)


@rol_vereist(Rol.BACKOFFICE)
def detail(request, pk: int):
    toewijzing = queries.lees_toewijzing(request.user, pk)
    leveringen = list(
        toewijzing.leveringen.select_related(
            "startbericht__retour", "stopbericht__retour"
        ).order_by("begindatum", "pk")
    )
    bericht = toewijzing.bericht
    context = {
        "toewijzing": toewijzing,
        "rij": Rij(toewijzing, _laatste(leveringen)),
        "leveringen": leveringen,
        "verkeer": _verkeer(toewijzing, leveringen),
        "reden_lijst": REDEN_BEEINDIGING_LIJST[toewijzing.wet],
        "afgekeurd": bericht is not None and bericht.status == BerichtStatus.AFGEKEURD,
        "uitleg": _uitleg(bericht),
        "fouten": bericht.fouten[:MAX_FOUTEN] if bericht is not None else [],
        "mag_berichten_lezen": request.user.heeft_rol(*LEZERS),
    }
    return render(request, "toewijzingen/detail.html", context)


@require_POST
@rol_vereist(Rol.BACKOFFICE)
def opnieuw_versturen(request, pk: int):
    """Send the client's current allocations at the aanbieder again: a new 301 with a new
    Identificatie (OP286: a rejected 301 counts as not sent)."""
    toewijzing = get_object_or_404(queries.eigen_voor(request.user.organisatie), pk=pk)
    if not (toewijzing.bericht and toewijzing.bericht.status == BerichtStatus.AFGEKEURD):
        messages.error(
            request, "Dit toewijzingsbericht is niet afgekeurd: opnieuw versturen is niet nodig."
        )
        return redirect("toewijzingen:detail", pk=toewijzing.pk)
    with Poging(request=request, per_regel=True) as poging:
        bericht = services.verstuur_301(
            gemeente=toewijzing.gemeente,
            aanbieder=toewijzing.aanbieder,
            client=toewijzing.client,
            wet=toewijzing.wet,
            acting_user=request.user,
        )
    if poging.gelukt:
        messages.success(
            request, f"Het {bericht.naam}-bericht is opnieuw verstuurd als {bericht.identificatie}."
        )
    return redirect("toewijzingen:detail", pk=toewijzing.pk)


# The waiting list ----------------------------------------------------------------------------


def _wachtlijst_filter(request):
    """The filter form and what it asks: the grouping and the filters (pks)."""
    organisatie = request.user.organisatie
    zichtbaar = Toewijzing.objects.voor_organisatie(organisatie).filter(gemeente_id=organisatie.pk)
    form = WachtlijstFilter(
        request.GET or None,
        aanbieders=Aanbieder.objects.filter(pk__in=zichtbaar.values("aanbieder")).order_by("naam"),
        producten=Product.objects.filter(pk__in=zichtbaar.values("product")).order_by("naam"),
        gemeenten=Gemeente.objects.filter(pk__in=zichtbaar.values("gemeente")).order_by("naam"),
    )
    filters = {}
    if form.is_bound and form.is_valid():
        filters = {k: form.cleaned_data[k] or None for k in ("aanbieder", "product", "gemeente")}
    per = (form.cleaned_data.get("per") if form.is_bound and form.is_valid() else "") or "aanbieder"
    return form, per, filters


@rol_vereist(*WACHTLIJST_ROLLEN)
def wachtlijst(request):
    form, per, filters = _wachtlijst_filter(request)
    lijst = wl.pagina(
        request.user.organisatie,
        vandaag=timezone.localdate(),
        per=per,
        nummer=request.GET.get("p"),
        **filters,
    )
    context = {
        "form": form,
        "per": per,
        "per_label": wl.GROEPERINGEN[per],
        "groepen": lijst.groepen,
        "pagina": met_links(request, lijst.pagina),
        "aantal": lijst.totaal.aantal,
        "te_laat": lijst.totaal.te_laat,
        "met_client": request.user.heeft_rol(Rol.BACKOFFICE),
        "query": _zonder_pagina(request),
    }
    return render(request, "toewijzingen/wachtlijst.html", context)


@rol_vereist(*WACHTLIJST_ROLLEN)
def wachtlijst_csv(request):
    _, _, filters = _wachtlijst_filter(request)
    rijen = wl.wachtlijst(request.user.organisatie, vandaag=timezone.localdate(), **filters)
    met_client = request.user.heeft_rol(Rol.BACKOFFICE)
    tekst = wl.als_csv(rijen, met_client=met_client)
    # Names and BSNs leave the system: one audit row per client in the file.
    audit.log_clienten(
        request.user,
        "wachtlijst.geexporteerd",
        request.user.organisatie,
        [r.toewijzing.client_id for r in rijen] if met_client else [],
        omschrijving=f"CSV, {len(rijen)} rijen" + ("" if met_client else ", zonder cliënten"),
    )
    antwoord = HttpResponse(tekst.encode("utf-8"), content_type="text/csv; charset=utf-8")
    naam = f"wachtlijst-{timezone.localdate():%Y-%m-%d}.csv"
    antwoord["Content-Disposition"] = f'attachment; filename="{naam}"'
    return antwoord
