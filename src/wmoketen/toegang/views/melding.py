"""The consulent's pages: the caseload, a new melding and the case page that walks the route
(the steps' forms and services: ``stappen``; the route shown: ``tijdlijn``)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from wmoketen.accounts.constants import Rol
from wmoketen.accounts.decorators import rol_vereist
from wmoketen.berichten.rollen import LEZERS
from wmoketen.gedeeld.paginering import pagineer
from wmoketen.gedeeld.weigering import Poging
from wmoketen.producten.models import Product
from wmoketen.toewijzingen.queries import onder_beschikking

from .. import queries, services
from ..constants import AFGEHANDELD, GEMEENTE_ROLLEN
from ..forms import MeldingForm, aanbieders_keuze
from ..profiel import bepaal_profiel
from .stappen import formulieren, voer_uit
from .tijdlijn import deel_1_onderdeel, huidige_stap, tijdlijn


@rol_vereist(*GEMEENTE_ROLLEN)
def caseload(request):
    gebruiker = request.user
    alle = request.GET.get("wie") == "alle" or not gebruiker.heeft_rol(Rol.TOEGANGSMEDEWERKER)
    afgerond = request.GET.get("afgerond") == "1"
    meldingen = _caseload(gebruiker, alle=alle, afgerond=afgerond)
    # One page in SQL; the deadlines of that page's meldingen only, the overdue ones of the
    # whole list counted in SQL.
    pagina = pagineer(request, meldingen)
    termijnen = queries.lopende_termijnen_per_melding(gebruiker.organisatie, list(pagina))
    context = {
        "pagina": pagina,
        "rijen": [(m, termijnen[m.pk][0] if termijnen[m.pk] else None) for m in pagina],
        "alle": alle,
        "afgerond": afgerond,
        "is_consulent": gebruiker.heeft_rol(Rol.TOEGANGSMEDEWERKER),
        "te_laat": queries.met_verlopen_termijn(gebruiker.organisatie, meldingen).count(),
    }
    template = "toegang/_caseload.html" if request.htmx else "toegang/caseload.html"
    return render(request, template, context)


def _caseload(gebruiker, *, alle: bool, afgerond: bool):
    """The meldingen the caseload lists: the consulent's own or all of the gemeente's, open
    only or with those decided, withdrawn or closed; the oldest first."""
    if alle:
        meldingen = queries.meldingen_voor(gebruiker.organisatie)
        if not afgerond:
            meldingen = meldingen.exclude(status__in=AFGEHANDELD)
    elif afgerond:
        meldingen = queries.meldingen_voor(gebruiker.organisatie).filter(consulent=gebruiker)
    else:
        meldingen = queries.caseload(gebruiker)
    return meldingen.select_related("plan__taak__termijn", "plan__aanbieder").order_by(
        "ontvangen_op", "pk"
    )


def _waarschuw(request, form) -> None:
    """What was unusual in the saved input (``form.waarschuwingen``): shown, not refused."""
    for tekst in getattr(form, "waarschuwingen", list)():
        messages.warning(request, tekst)


@rol_vereist(Rol.TOEGANGSMEDEWERKER)
def nieuw(request):
    # From a client's page the client is chosen already (the form offers own clients only).
    gekozen = request.GET.get("client", "")
    initial = {"client": int(gekozen)} if gekozen.isdigit() else None
    form = MeldingForm(request.POST or None, gebruiker=request.user, initial=initial)
    open_melding = None
    if request.method == "POST" and form.is_valid():
        with Poging(form) as poging:
            melding = services.registreer_melding(acting_user=request.user, **form.cleaned_data)
        if poging.gelukt:
            messages.success(
                request,
                f"De melding voor {melding.client} is geregistreerd "
                f"(traject {melding.traject.nummer}).",
            )
            _waarschuw(request, form)
            return redirect("toegang:melding", pk=melding.pk)
        if isinstance(poging.fout, services.OpenMeldingBestaat):
            open_melding = poging.fout.melding
    return render(request, "toegang/nieuw.html", {"form": form, "open_melding": open_melding})


# The case page --------------------------------------------------------------------------


@rol_vereist(*GEMEENTE_ROLLEN)
def melding(request, pk: int):
    melding = queries.lees_melding(request.user, pk)
    plan = queries.plan_van(melding)
    onderzoek = queries.onderzoek_van(melding, request.user.organisatie)
    is_consulent = request.user.heeft_rol(Rol.TOEGANGSMEDEWERKER)
    stap = request.POST.get("stap", "") if request.method == "POST" else ""
    formulier = (
        formulieren(
            melding,
            plan,
            onderzoek,
            stap,
            request.POST if stap else None,
            bewerk=request.GET.get("bewerk", ""),
        )
        if is_consulent
        else {}
    )
    if request.method == "POST":
        if not is_consulent:
            raise PermissionDenied("Alleen de consulent werkt de stappen van de melding bij.")
        if stap == "akkoord":
            return _akkoord(request, melding, plan)
        if (verder := _stap(request, stap, formulier.get(stap), melding, plan)) is not None:
            return verder
    return render(
        request,
        "toegang/melding.html",
        _casus(request, melding, plan, onderzoek, formulier, is_consulent),
    )


def _akkoord(request, melding, plan):
    with Poging(request=request) as poging:
        services.keur_goed(plan, acting_user=request.user)
    if poging.gelukt:
        messages.success(
            request, "Akkoord gegeven. Het plan is de aanvraag; de backoffice beslist."
        )
    return redirect("toegang:melding", pk=melding.pk)


def _stap(request, stap: str, form, melding, plan):
    """Run one step's form: a redirect when done or not the step's turn, None to show the
    page again (the form with its errors)."""
    if form is None:
        messages.error(request, "Deze stap is niet (meer) aan de beurt.")
        return redirect("toegang:melding", pk=melding.pk)
    if not form.is_valid():
        return None
    # One step, one transaction: "afronden" refused leaves the save undone too.
    with Poging(form) as poging, transaction.atomic():
        tekst = voer_uit(request, stap, form, melding, plan)
    if not poging.gelukt:
        return None
    messages.success(request, tekst)
    _waarschuw(request, form)
    return redirect("toegang:melding", pk=melding.pk)


def _casus(request, melding, plan, onderzoek, formulier, is_consulent) -> dict:
    """The case page's context: the route, the deadlines, the decision and its allocations."""
    organisatie = request.user.organisatie
    beschikking = queries.beschikking_van(plan, organisatie)
    toewijzingen = _toewijzingen(organisatie, beschikking)
    bericht = next((t.bericht for t in toewijzingen if t.bericht_id), None)
    termijnen = queries.termijnen_van(organisatie, melding, plan, beschikking) + (
        [plan.taak.termijn] if plan and plan.taak_id and plan.taak.termijn_id else []
    )
    termijnen.sort(key=lambda t: (t.vervaldatum, t.pk))
    return {
        "melding": melding,
        "plan": plan,
        "onderzoek": onderzoek,
        "domeinscores": onderzoek.domeinscores.all() if onderzoek else [],
        "beschikking": beschikking,
        "toewijzingen": toewijzingen,
        "bericht": bericht,
        "stappen": tijdlijn(melding, plan, onderzoek, beschikking, bericht),
        "huidig": huidige_stap(melding, plan),
        "termijnen": termijnen,
        "formulieren": formulier,
        "onderdeel": next(iter(formulier), ""),
        "is_consulent": is_consulent,
        "is_backoffice": request.user.heeft_rol(Rol.BACKOFFICE),
        "mag_berichten_lezen": request.user.heeft_rol(*LEZERS),
        "deel_1_klaar": plan is not None and deel_1_onderdeel(plan) is None,
        "mag_afsluiten": melding.is_open and request.user.heeft_rol(*GEMEENTE_ROLLEN),
    }


def _toewijzingen(organisatie, beschikking) -> list:
    """The allocations under ``beschikking`` (none without one)."""
    if beschikking is None:
        return []
    return list(onder_beschikking(organisatie, beschikking.gemeente_id, beschikking.nummer))


# htmx parts of the case page's forms ----------------------------------------------------------


@require_GET
@rol_vereist(Rol.TOEGANGSMEDEWERKER)
def profiel_berekenen(request):
    """htmx: the profile the table gives for the scores entered so far."""
    scores = {
        k.removeprefix("profiel-score_"): v
        for k, v in request.GET.items()
        if k.startswith("profiel-score_")
    }
    try:
        profiel = bepaal_profiel(scores)
    except ValidationError as fout:
        return render(request, "toegang/_profiel_uitkomst.html", {"fout": " ".join(fout.messages)})
    return render(request, "toegang/_profiel_uitkomst.html", {"profiel": profiel})


@require_GET
@rol_vereist(Rol.TOEGANGSMEDEWERKER)
def aanbieders_kiezen(request):
    """htmx: the aanbieder options for the products ticked (contracted for all of them)."""
    pks = [int(w) for w in request.GET.getlist("opdracht-producten") if w.isdigit()]
    gemeente = request.user.organisatie
    if not gemeente.is_gemeente:
        raise Http404
    producten = Product.objects.filter(pk__in=pks)
    aanbieders = aanbieders_keuze(gemeente, producten, producten) if pks else []
    return render(
        request,
        "toegang/_aanbieder_opties.html",
        {"aanbieders": aanbieders, "gekozen": request.GET.get("opdracht-aanbieder", "")},
    )
