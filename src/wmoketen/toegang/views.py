"""Pages of the toegang route: the consulent's caseload and case page, the aanbieder's order
for plan part 2, the backoffice's aanvragen and beschikking.

Views only collect input and call ``services`` (every rule) and ``queries`` (every read,
scoped to the user's organisation). The aanbieder never reaches a melding, onderzoek or
beschikking: those pages are for gemeente roles and their queries return only the gemeente's
own records (404 otherwise).
"""

from dataclasses import dataclass
from datetime import date

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from wmoketen.accounts.constants import Rol
from wmoketen.accounts.decorators import rol_vereist
from wmoketen.berichten.rollen import LEZERS
from wmoketen.organisaties.queries import contractregels
from wmoketen.producten.models import Product
from wmoketen.toewijzingen.models import Toewijzing

from . import queries, services, vervolg
from .constants import AFGEHANDELD, MeldingStatus, PlanStatus
from .forms import (
    BeschikkingForm,
    Deel2Form,
    GereedForm,
    HuisbezoekForm,
    MeldingForm,
    OnderzoekForm,
    OpdrachtForm,
    ProfielForm,
    TerugForm,
    ToestemmingForm,
    aanbieders_keuze,
    resultaten_formset,
)
from .models import Beschikking
from .profiel import bepaal_profiel

GEMEENTE = (Rol.TOEGANGSMEDEWERKER, Rol.BACKOFFICE)
FOUTEN = (ValidationError, PermissionDenied)


def _fout(form, fout) -> None:
    form.add_error(None, fout.messages if isinstance(fout, ValidationError) else str(fout))


# The route as steps --------------------------------------------------------------------------


@dataclass
class Stap:
    nummer: int
    naam: str
    toestand: str  # "afgerond", "huidig", "open"
    datum: date | None = None
    tekst: str = ""

    @property
    def toestand_label(self) -> str:
        return {
            "afgerond": "Afgerond",
            "huidig": "Huidige stap",
            "open": "Nog niet",
            "vervallen": "Vervallen",
        }[self.toestand]


STAPNAMEN = [
    "Melding",
    "Huisbezoek",
    "Onderzoek",
    "Plan deel 1 en profiel",
    "Opdracht deel 2",
    "Deel 2 door de aanbieder",
    "Akkoord",
    "Aanvraag",
    "Beschikking",
    "Toewijzing",
]


def _deel_1_onderdeel(plan) -> str | None:
    """The first part of step 4 still to do: resultaten, profiel, toestemming; None: done."""
    if plan is None or not plan.resultaatgebieden.exists():
        return "resultaten"
    if not plan.categorie:
        return "profiel"
    if not plan.deel_1_ondertekend_op or not plan.toestemming_delen:
        return "toestemming"
    return None


def _huidige_stap(melding, plan) -> int:
    """The number (1–10) of the step the case waits for; 11 when the route is done."""
    match melding.status:
        case MeldingStatus.ONTVANGEN:
            return 2
        case MeldingStatus.HUISBEZOEK_GEPLAND:
            return 3
        case MeldingStatus.ONDERZOEK_AFGEROND | MeldingStatus.PLAN_DEEL_1:
            return 4 if _deel_1_onderdeel(plan) else 5
        case MeldingStatus.OPDRACHT_DEEL_2:
            return 6
        case MeldingStatus.DEEL_2_GEREED:
            return 7
        case MeldingStatus.AANGEVRAAGD:
            return 9
    return 11


def _stappen(melding, plan, onderzoek, beschikking, bericht) -> list[Stap]:
    huidig = _huidige_stap(melding, plan)
    datums = [
        melding.ontvangen_op,
        melding.huisbezoek_op,
        onderzoek.afgerond_op if onderzoek else None,
        plan.deel_1_ondertekend_op if plan else None,
        plan.opdracht_op if plan else None,
        plan.deel_2_gereed_op if plan else None,
        plan.akkoord_op if plan else None,
        plan.aanvraag_op if plan else None,
        beschikking.dagtekening if beschikking else None,
        bericht.ontvangen_op.date() if bericht else None,
    ]
    teksten = [
        melding.get_kanaal_display(),
        "",
        "",
        plan.get_categorie_display() + ", " + plan.get_intensiteit_display().lower()
        if plan and plan.categorie
        else "",
        str(plan.aanbieder) if plan and plan.aanbieder_id else "",
        "Teruggestuurd" if plan and plan.status == PlanStatus.TERUGGESTUURD else "",
        "",
        "",
        beschikking.nummer if beschikking else "",
        f"{bericht.naam} {bericht.identificatie}" if bericht else _zonder_301(beschikking),
    ]
    if beschikking and beschikking.is_afwijzing:
        teksten[8] = f"Afwijzing {beschikking.nummer}"
        teksten[9] = "Geen toewijzing: de aanvraag is afgewezen"
    stappen = []
    for nummer, naam in enumerate(STAPNAMEN, start=1):
        if melding.is_gestopt or (nummer == 10 and beschikking and beschikking.is_afwijzing):
            # Ended without a decision: what was done stays done, the rest lapsed.
            klaar = datums[nummer - 1] is not None and nummer < 10
            toestand = "afgerond" if klaar else "vervallen"
        elif nummer < huidig or (nummer == 10 and bericht):
            toestand = "afgerond"
        elif nummer == huidig:
            toestand = "huidig"
        else:
            toestand = "open"
        stappen.append(Stap(nummer, naam, toestand, datums[nummer - 1], teksten[nummer - 1]))
    return stappen


def _zonder_301(beschikking) -> str:
    """An open beschikking allocates only after the aanbieder's verzoek (WMO315)."""
    if beschikking and beschikking.open:
        return "Wacht op verzoek om toewijzing (WMO315) van de aanbieder"
    return ""


def _toewijzingen(organisatie, beschikking):
    if beschikking is None:
        return []
    return list(
        Toewijzing.objects.voor_organisatie(organisatie)
        .filter(gemeente_id=beschikking.gemeente_id, beschikkingnummer=beschikking.nummer)
        .select_related("product", "bericht")
    )


def _beschikking_van(plan, organisatie):
    if plan is None:
        return None
    return queries.beschikkingen_voor(organisatie).filter(plan_id=plan.pk).first()


# Caseload and new melding ----------------------------------------------------------------


@rol_vereist(*GEMEENTE)
def caseload(request):
    gebruiker = request.user
    alle = request.GET.get("wie") == "alle" or not gebruiker.heeft_rol(Rol.TOEGANGSMEDEWERKER)
    afgerond = request.GET.get("afgerond") == "1"
    if alle:
        meldingen = queries.meldingen_voor(gebruiker.organisatie)
        if not afgerond:
            meldingen = meldingen.exclude(status__in=AFGEHANDELD)
    elif afgerond:
        meldingen = queries.meldingen_voor(gebruiker.organisatie).filter(consulent=gebruiker)
    else:
        meldingen = queries.caseload(gebruiker)
    meldingen = list(
        meldingen.select_related("plan__taak__termijn", "plan__aanbieder").order_by(
            "ontvangen_op", "pk"
        )
    )
    termijnen = queries.lopende_termijnen_per_melding(gebruiker.organisatie, meldingen)
    rijen = [(m, termijnen[m.pk][0] if termijnen[m.pk] else None) for m in meldingen]
    context = {
        "rijen": rijen,
        "alle": alle,
        "afgerond": afgerond,
        "is_consulent": gebruiker.heeft_rol(Rol.TOEGANGSMEDEWERKER),
        "te_laat": sum(1 for _, t in rijen if t and t.dagen_over is not None and t.dagen_over < 0),
    }
    template = "toegang/_caseload.html" if request.htmx else "toegang/caseload.html"
    return render(request, template, context)


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
        try:
            melding = services.registreer_melding(acting_user=request.user, **form.cleaned_data)
        except services.OpenMeldingBestaat as fout:
            _fout(form, fout)
            open_melding = fout.melding
        except FOUTEN as fout:
            _fout(form, fout)
        else:
            messages.success(
                request,
                f"De melding voor {melding.client} is geregistreerd "
                f"(traject {melding.traject.nummer}).",
            )
            _waarschuw(request, form)
            return redirect("toegang:melding", pk=melding.pk)
    return render(request, "toegang/nieuw.html", {"form": form, "open_melding": open_melding})


# The case page --------------------------------------------------------------------------


def _formulieren(melding, plan, onderzoek, stap: str = "", data=None, bewerk: str = ""):
    """The form(s) of the current step; the one named ``stap`` bound to ``data``."""

    def b(naam):
        return data if stap == naam else None

    huidig = _huidige_stap(melding, plan)
    if huidig == 2:
        return {"huisbezoek": HuisbezoekForm(b("huisbezoek"), prefix="huisbezoek")}
    if huidig == 3:
        return {"onderzoek": OnderzoekForm(b("onderzoek"), onderzoek=onderzoek, prefix="onderzoek")}
    if huidig in (4, 5):
        onderdeel = bewerk or _deel_1_onderdeel(plan) or "opdracht"
        if stap and data is not None:
            onderdeel = stap
        if onderdeel == "resultaten":
            return {"resultaten": resultaten_formset(plan, b("resultaten"))}
        if onderdeel == "profiel":
            return {"profiel": ProfielForm(b("profiel"), plan=plan, prefix="profiel")}
        if onderdeel == "toestemming":
            initial = (
                {
                    "toestemming": plan.toestemming_delen,
                    "ondertekend_op": plan.deel_1_ondertekend_op,
                }
                if plan and plan.deel_1_ondertekend_op
                else None
            )
            return {
                "toestemming": ToestemmingForm(
                    b("toestemming"), initial=initial, prefix="toestemming"
                )
            }
        return {"opdracht": OpdrachtForm(b("opdracht"), melding=melding, prefix="opdracht")}
    if huidig == 7:
        return {"terug": TerugForm(b("terug"), prefix="terug")}
    return {}


def _voer_uit(request, stap, form, melding, plan) -> str:
    """Run the service of one step with a valid form; returns the success message."""
    gebruiker = request.user
    match stap:
        case "huisbezoek":
            services.plan_huisbezoek(melding, acting_user=gebruiker, **form.cleaned_data)
            return f"Het huisbezoek is gepland op {form.cleaned_data['datum']:%d-%m-%Y}."
        case "onderzoek":
            data = form.cleaned_data
            services.leg_onderzoek_vast(
                melding,
                domeinen=form.domeinen(),
                netwerk=data["netwerk"],
                eigen_oplossingen=data["eigen_oplossingen"],
                verslag=data["verslag"],
                ondertekend_door_client_op=data["ondertekend_door_client_op"],
                acting_user=gebruiker,
            )
            if "afronden" not in request.POST:
                return "Het onderzoek is opgeslagen."
            services.onderzoek_afronden(
                melding,
                verslag=data["verslag"],
                ondertekend_door_client_op=data["ondertekend_door_client_op"],
                acting_user=gebruiker,
            )
            return "Het onderzoek is afgerond."
        case "resultaten":
            services.stel_plan_deel_1_op(
                melding, resultaatgebieden=form.resultaatgebieden(), acting_user=gebruiker
            )
            return "De resultaatgebieden van deel 1 zijn opgeslagen."
        case "profiel":
            data = form.cleaned_data
            plan = services.beoordeel_profiel(
                plan,
                scores=form.scores(),
                categorie=data["categorie"],
                intensiteit=data["intensiteit"],
                motivering=data["motivering"],
                vervoer=data["vervoer"],
                kortdurend_verblijf_etmalen=data["kortdurend_verblijf_etmalen"],
                acting_user=gebruiker,
            )
            return (
                f"Het profiel is vastgelegd: {plan.get_categorie_display()}, "
                f"{plan.get_intensiteit_display().lower()}."
            )
        case "toestemming":
            services.leg_toestemming_vast(plan, acting_user=gebruiker, **form.cleaned_data)
            if form.cleaned_data["toestemming"]:
                return "De ondertekening en de toestemming om te delen zijn vastgelegd."
            return "De ondertekening is vastgelegd, zonder toestemming om te delen."
        case "opdracht":
            services.geef_opdracht_deel_2(plan, acting_user=gebruiker, **form.cleaned_data)
            return f"{form.cleaned_data['aanbieder']} heeft de opdracht voor deel 2 gekregen."
        case "terug":
            services.stuur_terug(plan, reden=form.cleaned_data["reden"], acting_user=gebruiker)
            return f"Het plan is teruggestuurd naar {plan.aanbieder}."
    raise Http404("Onbekende stap.")


@rol_vereist(*GEMEENTE)
def melding(request, pk: int):
    melding = queries.lees_melding(request.user, pk)
    plan = queries.plan_van(melding)
    onderzoek = queries.onderzoek_van(melding, request.user.organisatie)
    is_consulent = request.user.heeft_rol(Rol.TOEGANGSMEDEWERKER)
    stap = request.POST.get("stap", "") if request.method == "POST" else ""
    formulieren = (
        _formulieren(
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
            try:
                services.keur_goed(plan, acting_user=request.user)
            except FOUTEN as fout:
                messages.error(request, " ".join(getattr(fout, "messages", [str(fout)])))
            else:
                messages.success(
                    request, "Akkoord gegeven. Het plan is de aanvraag; de backoffice beslist."
                )
            return redirect("toegang:melding", pk=melding.pk)
        form = formulieren.get(stap)
        if form is None:
            messages.error(request, "Deze stap is niet (meer) aan de beurt.")
            return redirect("toegang:melding", pk=melding.pk)
        if form.is_valid():
            try:
                # One step, one transaction: "afronden" refused leaves the save undone too.
                with transaction.atomic():
                    tekst = _voer_uit(request, stap, form, melding, plan)
            except FOUTEN as fout:
                _fout(form, fout)
            else:
                messages.success(request, tekst)
                _waarschuw(request, form)
                return redirect("toegang:melding", pk=melding.pk)
    beschikking = _beschikking_van(plan, request.user.organisatie)
    toewijzingen = _toewijzingen(request.user.organisatie, beschikking)
    bericht = next((t.bericht for t in toewijzingen if t.bericht_id), None)
    context = {
        "melding": melding,
        "plan": plan,
        "onderzoek": onderzoek,
        "domeinscores": onderzoek.domeinscores.all() if onderzoek else [],
        "beschikking": beschikking,
        "toewijzingen": toewijzingen,
        "bericht": bericht,
        "stappen": _stappen(melding, plan, onderzoek, beschikking, bericht),
        "huidig": _huidige_stap(melding, plan),
        "termijnen": queries.termijnen_van(request.user.organisatie, melding, plan, beschikking)
        + ([plan.taak.termijn] if plan and plan.taak_id and plan.taak.termijn_id else []),
        "formulieren": formulieren,
        "onderdeel": next(iter(formulieren), ""),
        "is_consulent": is_consulent,
        "is_backoffice": request.user.heeft_rol(Rol.BACKOFFICE),
        "mag_berichten_lezen": request.user.heeft_rol(*LEZERS),
        "deel_1_klaar": plan is not None and _deel_1_onderdeel(plan) is None,
        "mag_afsluiten": melding.is_open and request.user.heeft_rol(*GEMEENTE),
    }
    context["termijnen"].sort(key=lambda t: (t.vervaldatum, t.pk))
    return render(request, "toegang/melding.html", context)


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


# The aanbieder's order (and the entry point of notifications about a plan) ---------------------


def plan(request, pk: int):
    """``toegang:plan``: the aanbieder's page for its order; gemeente staff go to the case."""
    plan = queries.lees_plan(request.user, pk)
    organisatie = request.user.organisatie
    if plan.melding.gemeente_id == organisatie.pk:
        if not request.user.heeft_rol(*GEMEENTE):
            raise PermissionDenied("U hebt geen rol die deze pagina mag openen.")
        if plan.status == PlanStatus.AKKOORD and request.user.heeft_rol(Rol.BACKOFFICE):
            return redirect("toegang:aanvraag", pk=plan.pk)
        return redirect("toegang:melding", pk=plan.melding_id)
    if not request.user.heeft_rol(Rol.AANBIEDER):
        raise PermissionDenied("U hebt geen rol die deze pagina mag openen.")
    return _opdracht(request, plan)


def _opdracht(request, plan):
    open_ = plan.status in (PlanStatus.OPDRACHT_DEEL_2, PlanStatus.TERUGGESTUURD)
    gebieden = list(plan.resultaatgebieden.all())
    actie = request.POST.get("actie", "") if request.method == "POST" else ""
    data = request.POST if actie == "deel2" else None
    deel2 = [Deel2Form(data, resultaatgebied=r, aanbieder=plan.aanbieder) for r in gebieden]
    gereed = GereedForm(request.POST if actie == "gereed" else None, prefix="gereed")
    if actie and not open_:
        messages.error(request, "Deze opdracht staat niet meer open.")
        return redirect("toegang:plan", pk=plan.pk)
    if actie == "deel2" and all(f.is_valid() for f in deel2):
        try:
            services.vul_deel_2_in(
                plan, resultaatgebieden=[f.invoer() for f in deel2], acting_user=request.user
            )
        except FOUTEN as fout:
            _fout(deel2[0], fout)
        else:
            messages.success(request, "Deel 2 is opgeslagen.")
            return redirect("toegang:plan", pk=plan.pk)
    if actie == "gereed" and gereed.is_valid():
        try:
            services.deel_2_gereed(plan, acting_user=request.user, **gereed.cleaned_data)
        except FOUTEN as fout:
            _fout(gereed, fout)
        else:
            messages.success(request, "Deel 2 is gereed gemeld. De consulent beoordeelt het plan.")
            return redirect("toegang:plan", pk=plan.pk)
    termijn = plan.taak.termijn if plan.taak_id and plan.taak.termijn_id else None
    context = {
        "plan": plan,
        "melding": plan.melding,
        "client": plan.melding.client,
        "rijen": list(zip(gebieden, deel2, strict=True)),
        "gereed": gereed,
        "open": open_,
        "termijn": termijn,
        "deel_2_ingevuld": all(r.aard and r.activiteiten and r.startdatum for r in gebieden),
        "deel2_fouten": [e for f in deel2 for e in f.non_field_errors()],
    }
    return render(request, "toegang/opdracht.html", context)


@rol_vereist(Rol.AANBIEDER)
def opdrachten(request):
    organisatie = request.user.organisatie
    plannen = (
        queries.plannen_voor(organisatie)
        .filter(aanbieder_id=organisatie.pk)
        .select_related("melding__gemeente")
        .order_by("-opdracht_op", "-pk")
    )
    open_ = [
        p for p in plannen if p.status in (PlanStatus.OPDRACHT_DEEL_2, PlanStatus.TERUGGESTUURD)
    ]
    overig = [p for p in plannen if p not in open_]
    return render(request, "toegang/opdrachten.html", {"open": open_, "overig": overig})


# The backoffice ------------------------------------------------------------------------------


@rol_vereist(Rol.BACKOFFICE)
def aanvragen(request):
    organisatie = request.user.organisatie
    plannen = list(queries.aanvragen_te_beslissen(organisatie).order_by("aanvraag_op", "pk"))
    termijnen = queries.lopende_termijn_per_plan(organisatie, plannen)
    context = {
        "rijen": [(p, termijnen.get(p.pk)) for p in plannen],
        "beschikkingen": queries.beschikkingen_voor(organisatie)[:25],
        "afgekeurd": list(queries.afgekeurde_301(organisatie)[:25]),
    }
    return render(request, "toegang/aanvragen.html", context)


@rol_vereist(Rol.BACKOFFICE)
def aanvraag(request, pk: int):
    plan = queries.lees_plan(request.user, pk)
    organisatie = request.user.organisatie
    if plan.melding.gemeente_id != organisatie.pk:
        raise Http404
    if plan.status != PlanStatus.AKKOORD:
        beschikking = _beschikking_van(plan, organisatie)
        if beschikking:
            return redirect("toegang:beschikking", pk=beschikking.pk)
        messages.error(request, "Op dit plan is (nog) geen akkoord: er is geen aanvraag.")
        return redirect("toegang:melding", pk=plan.melding_id)
    producten = list(plan.producten.all())
    regels = contractregels(plan.melding.gemeente, plan.aanbieder, producten)
    form = BeschikkingForm(request.POST or None, plan=plan, regels=regels)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            beschikking = services.neem_beschikking(
                plan,
                producten=form.producten_invoer(),
                ingangsdatum=data["ingangsdatum"],
                duur=data["duur"],
                einddatum=data["einddatum"],
                motivering=data["motivering"],
                open_beschikking=data.get("open_beschikking", False),
                acting_user=request.user,
            )
        except FOUTEN as fout:
            _fout(form, fout)
        else:
            messages.success(
                request,
                f"Open beschikking {beschikking.nummer} is genomen; de aanbieder die de cliënt "
                "kiest, vraagt de toewijzing aan."
                if beschikking.open
                else f"Beschikking {beschikking.nummer} is genomen en de toewijzing is verstuurd.",
            )
            return redirect("toegang:beschikking", pk=beschikking.pk)
    termijnen = queries.termijnen_van(organisatie, plan.melding, plan)
    context = {
        "plan": plan,
        "melding": plan.melding,
        "form": form,
        "termijnen": termijnen,
        "gebieden": plan.resultaatgebieden.all(),
    }
    return render(request, "toegang/aanvraag.html", context)


@require_GET
@rol_vereist(Rol.BACKOFFICE)
def einddatum_berekenen(request):
    """htmx: the einddatum a duration gives, or why it cannot be."""
    datum = forms.DateField(required=False)
    try:
        einddatum = services.bereken_einddatum(
            datum.clean(request.GET.get("ingangsdatum")),
            request.GET.get("duur", ""),
            datum.clean(request.GET.get("einddatum")),
        )
    except ValidationError as fout:
        return render(request, "toegang/_einddatum.html", {"fout": " ".join(fout.messages)})
    return render(request, "toegang/_einddatum.html", {"einddatum": einddatum})


@rol_vereist(*GEMEENTE)
def beschikking(request, pk: int):
    beschikking = queries.lees_beschikking(request.user, pk)
    toewijzingen = _toewijzingen(request.user.organisatie, beschikking)
    berichten = []
    for t in toewijzingen:
        if t.bericht_id and t.bericht not in berichten:
            berichten.append(t.bericht)
    context = {
        "beschikking": beschikking,
        "plan": beschikking.plan,
        "toewijzingen": toewijzingen,
        "berichten": berichten,
        "mag_berichten_lezen": request.user.heeft_rol(*LEZERS),
        "vervolgmelding": beschikking.vervolgmeldingen.first(),
        "mag_herindicatie": request.user.heeft_rol(Rol.TOEGANGSMEDEWERKER)
        and vervolg.mag_vervolg_starten(beschikking, request.user),
    }
    return render(request, "toegang/beschikking.html", context)


@require_POST
@rol_vereist(Rol.TOEGANGSMEDEWERKER)
def herindicatie_starten(request, pk: int):
    """The consulent starts the herindicatie: a new melding on the same traject."""
    beschikking = queries.lees_beschikking(request.user, pk)
    try:
        melding = vervolg.start_herindicatie(beschikking, acting_user=request.user)
    except FOUTEN as fout:
        messages.error(request, " ".join(getattr(fout, "messages", [str(fout)])))
        return redirect("toegang:beschikking", pk=beschikking.pk)
    messages.success(
        request,
        f"Herindicatie gestart: de nieuwe melding loopt in hetzelfde traject; de nieuwe "
        f"beschikking sluit aan op {vervolg.aansluitende_ingangsdatum(beschikking):%d-%m-%Y}.",
    )
    return redirect("toegang:melding", pk=melding.pk)


@rol_vereist(*GEMEENTE)
def brief(request, pk: int):
    """The stored PDF letter, for gemeente staff only (never the aanbieder: 403/404)."""
    beschikking: Beschikking = queries.lees_beschikking(request.user, pk)
    if not beschikking.pdf:
        raise Http404("Er is geen brief bij deze beschikking.")
    antwoord = HttpResponse(bytes(beschikking.pdf), content_type="application/pdf")
    antwoord["Content-Disposition"] = f'inline; filename="beschikking-{beschikking.nummer}.pdf"'
    antwoord["X-Content-Type-Options"] = "nosniff"
    return antwoord
