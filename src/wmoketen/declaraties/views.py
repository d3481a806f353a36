"""Pages of the declarations (323) and their answers (325).

* the aanbieder: its declarations, a new month's proposal (``voorstel``), the concept with
  the delivered volume per prestatie and *indienen* (``indienen``), a submitted declaration
  with the 325's verdict per prestatie, and its rejected prestaties;
* the gemeente's backoffice: the declarations to answer with their deadline, one with its
  prestaties and verdicts, *aanhouden*/*vrijgeven*, a prestatie rejected by hand and the
  answer (``beantwoorden``), and the rejected prestaties.

Views only collect input and call the services; every read is scoped to the user's
organisation (404 for anything else); a declaration's page is audit-logged per client shown.
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from wmoketen.accounts.constants import Rol
from wmoketen.accounts.decorators import rol_vereist
from wmoketen.berichten.rollen import LEZERS
from wmoketen.gedeeld.paginering import pagineer
from wmoketen.gedeeld.weigering import Poging

from . import beantwoorden, correcties, indienen, queries, voorstel
from .constants import BeoordelingStatus, DeclaratieStatus, Oordeel
from .forms import AfwijsForm, CorrectieForm, NieuweDeclaratieForm, VolumeForm, afwijscodes

PER_PAGINA = 50
OORDELEN = {"": "Alle", **dict(Oordeel.choices)}


def _terug(request, naam: str, pk: int, anker: str = ""):
    """Back to a declaration's page, on the page of prestaties the form was sent from."""
    query = request.GET.urlencode()
    return redirect(reverse(naam, args=[pk]) + (f"?{query}" if query else "") + anker)


def _oordeel(request) -> str:
    keuze = request.GET.get("oordeel", "")
    return keuze if keuze in Oordeel.values else ""


# The aanbieder --------------------------------------------------------------------------------


@rol_vereist(Rol.AANBIEDER)
def lijst(request):
    keuze = request.GET.get("status", "")
    declaraties = queries.declaratie_lijst(request.user.organisatie, status=keuze)
    context = {
        "pagina": pagineer(request, declaraties, per_pagina=PER_PAGINA),
        "filters": queries.DECLARATIE_FILTERS,
        "keuze": keuze if keuze in DeclaratieStatus.values else "",
    }
    return render(request, "declaraties/lijst.html", context)


@rol_vereist(Rol.AANBIEDER)
def nieuw(request):
    aanbieder = request.user.organisatie.specifiek
    form = NieuweDeclaratieForm(
        request.POST if request.method == "POST" else None,
        gemeenten=queries.gemeenten_voor(aanbieder),
    )
    if request.method == "POST" and form.is_valid():
        with Poging(form) as poging:
            declaratie = voorstel.stel_voor(
                aanbieder=aanbieder,
                gemeente=form.cleaned_data["gemeente"],
                wet=form.cleaned_data["wet"],
                maand=form.cleaned_data["maand"],
                acting_user=request.user,
            )
        if poging.gelukt:
            messages.success(
                request,
                f"Het voorstel voor {declaratie.periode_begin:%m-%Y} staat klaar: controleer "
                "het geleverde volume en dien de declaratie in.",
            )
            return redirect("declaraties:declaratie", pk=declaratie.pk)
    return render(request, "declaraties/nieuw.html", {"form": form})


def _toon_declaratie(request, declaratie, *, volume_form=None, fout_pk=None):
    oordeel = _oordeel(request)
    pagina = pagineer(
        request, queries.prestaties_van(declaratie, oordeel=oordeel), per_pagina=PER_PAGINA
    )
    queries.log_gelezen(request.user, declaratie, [p.toewijzing.client_id for p in pagina])
    correcties.markeer(declaratie, pagina)
    context = {
        "declaratie": declaratie,
        "pagina": pagina,
        "totalen": queries.totalen(declaratie),
        "concept": declaratie.status == DeclaratieStatus.CONCEPT,
        "beantwoord": declaratie.status == DeclaratieStatus.BEANTWOORD,
        "oordelen": OORDELEN,
        "oordeel": oordeel,
        "volume_form": volume_form,
        "fout_pk": fout_pk,
        "query": request.GET.urlencode(),
        "mag_berichten_lezen": request.user.heeft_rol(*LEZERS),
    }
    return render(request, "declaraties/declaratie.html", context)


@rol_vereist(Rol.AANBIEDER)
def declaratie(request, pk: int):
    return _toon_declaratie(request, queries.lees_declaratie(request.user, pk))


@require_POST
@rol_vereist(Rol.AANBIEDER)
def volume(request, pk: int):
    prestatie = queries.eigen_prestatie(request.user, pk)
    form = VolumeForm(request.POST)
    if form.is_valid():
        with Poging(form) as poging:
            indienen.wijzig_volume(
                prestatie, volume=form.cleaned_data["volume"], acting_user=request.user
            )
        if poging.gelukt:
            messages.success(request, f"Het geleverde volume is nu {form.cleaned_data['volume']}.")
            return _terug(request, "declaraties:declaratie", prestatie.declaratie_id)
    declaratie = queries.lees_declaratie(request.user, prestatie.declaratie_id)
    return _toon_declaratie(request, declaratie, volume_form=form, fout_pk=prestatie.pk)


@require_POST
@rol_vereist(Rol.AANBIEDER)
def verwijderen(request, pk: int):
    prestatie = queries.eigen_prestatie(request.user, pk)
    if correcties.intrekbaar(prestatie):  # a correction's line: the whole correction (OP366)
        return _trek_in(request, prestatie.correctie, prestatie.declaratie_id)
    with Poging(request=request) as poging:
        indienen.verwijder_prestatie(prestatie, acting_user=request.user)
    if poging.gelukt:
        messages.success(request, "De prestatie is uit de declaratie gehaald.")
    return _terug(request, "declaraties:declaratie", prestatie.declaratie_id)


@require_POST
@rol_vereist(Rol.AANBIEDER)
def indienen_view(request, pk: int):
    declaratie = queries.lees_declaratie(request.user, pk)
    with Poging(request=request, per_regel=True) as poging:
        bericht = indienen.dien_in(declaratie, acting_user=request.user)
    if poging.gelukt:
        messages.success(
            request,
            f"De declaratie is ingediend: het declaratiebericht (323) {bericht.identificatie} "
            f"is verstuurd naar {declaratie.gemeente}.",
        )
    return redirect("declaraties:declaratie", pk=declaratie.pk)


@rol_vereist(Rol.AANBIEDER)
def afgewezen(request):
    prestaties = queries.afgewezen_prestaties(request.user.organisatie)
    pagina = pagineer(request, prestaties, per_pagina=PER_PAGINA)
    queries.log_lijst(request.user, [p.toewijzing.client_id for p in pagina])
    return render(request, "declaraties/afgewezen.html", {"pagina": pagina})


# Corrections (the aanbieder) -----------------------------------------------------------------


@rol_vereist(Rol.AANBIEDER)
def corrigeren(request, pk: int):
    """Start a correction of an approved prestatie: the right volume and a reason."""
    prestatie = queries.eigen_prestatie(request.user, pk)
    form = CorrectieForm(
        request.POST if request.method == "POST" else None,
        initial={"volume": prestatie.geleverd_volume},
    )
    if request.method == "POST" and form.is_valid():
        with Poging(form) as poging:
            correctie = correcties.vraag_correctie_aan(
                prestatie,
                volume=form.cleaned_data["volume"],
                reden=form.cleaned_data["reden"],
                acting_user=request.user,
            )
        if poging.gelukt:
            return _gecorrigeerd(request, correctie, prestatie)
    queries.log_gelezen(request.user, prestatie.declaratie, [prestatie.toewijzing.client_id])
    context = {
        "prestatie": prestatie,
        "declaratie": prestatie.declaratie,
        "form": form,
        "corrigeerbaar": correcties.te_corrigeren(prestatie),
        "concept": correcties.concept_voor(prestatie),
    }
    return render(request, "declaraties/correctie.html", context)


def _gecorrigeerd(request, correctie, prestatie):
    regel = correctie.prestaties.select_related("declaratie").first()
    if regel is not None:
        messages.success(
            request,
            f"De correctie van prestatie {prestatie.referentienummer} staat in "
            f"conceptdeclaratie {regel.declaratie.declaratienummer}: een creditprestatie"
            + (" en de gecorrigeerde prestatie." if correctie.volume else "."),
        )
        return redirect("declaraties:declaratie", pk=regel.declaratie_id)
    messages.success(
        request,
        f"De correctie van prestatie {prestatie.referentienummer} is aangevraagd: het voorstel "
        f"van uw volgende declaratie bij {prestatie.declaratie.gemeente} neemt haar mee.",
    )
    return redirect("declaraties:correcties")


@rol_vereist(Rol.AANBIEDER)
def correcties_lijst(request):
    pagina = pagineer(
        request, correcties.eigen_correcties(request.user.organisatie), per_pagina=PER_PAGINA
    )
    correcties.log_gelezen(request.user, pagina)
    rijen = correcties.met_toestand(pagina)
    return render(request, "declaraties/correcties.html", {"pagina": pagina, "rijen": rijen})


def _trek_in(request, correctie, declaratie_id):
    with Poging(request=request) as poging:
        correcties.trek_in(correctie, acting_user=request.user)
    if poging.gelukt:
        messages.success(
            request,
            f"De correctie van prestatie {correctie.prestatie.referentienummer} is ingetrokken; "
            "de oorspronkelijke prestatie blijft staan.",
        )
    if declaratie_id is None:
        return redirect("declaraties:correcties")
    return _terug(request, "declaraties:declaratie", declaratie_id)


@require_POST
@rol_vereist(Rol.AANBIEDER)
def correctie_intrekken(request, pk: int):
    correctie = correcties.eigen_correctie(request.user, pk)
    regel = correctie.prestaties.first()
    return _trek_in(request, correctie, regel.declaratie_id if regel else None)


# The gemeente's backoffice ------------------------------------------------------------------


@rol_vereist(Rol.BACKOFFICE)
def ontvangen_lijst(request):
    keuze = request.GET.get("status", "")
    keuze = keuze if keuze in queries.ONTVANGEN_FILTERS else ""
    declaraties = queries.ontvangen_lijst(request.user.organisatie, keuze=keuze)
    context = {
        "pagina": pagineer(request, declaraties, per_pagina=PER_PAGINA),
        "filters": queries.ONTVANGEN_FILTERS,
        "keuze": keuze,
    }
    return render(request, "declaraties/ontvangen_lijst.html", context)


def _toon_ontvangen(request, declaratie, *, afwijs_form=None, fout_pk=None):
    oordeel = _oordeel(request)
    pagina = pagineer(
        request,
        queries.ontvangen_prestaties_van(declaratie, oordeel=oordeel),
        per_pagina=PER_PAGINA,
    )
    queries.log_gelezen(request.user, declaratie, [p.client_id for p in pagina])
    open_ = declaratie.status != BeoordelingStatus.BEANTWOORD
    context = {
        "declaratie": declaratie,
        "pagina": pagina,
        "totalen": queries.ontvangen_totalen(declaratie),
        "open": open_,
        "aangehouden": declaratie.status == BeoordelingStatus.AANGEHOUDEN,
        "geweigerd": bool(declaratie.retourcodes or declaratie.header_retourcodes),
        "afwijscodes": afwijscodes() if open_ else [],
        "afwijs_form": afwijs_form,
        "fout_pk": fout_pk,
        "oordelen": OORDELEN,
        "oordeel": oordeel,
        "query": request.GET.urlencode(),
        "mag_berichten_lezen": request.user.heeft_rol(*LEZERS),
    }
    return render(request, "declaraties/ontvangen.html", context)


@rol_vereist(Rol.BACKOFFICE)
def ontvangen(request, pk: int):
    return _toon_ontvangen(request, queries.lees_ontvangen(request.user, pk))


def _beoordeel(request, pk: int, actie, gelukt: str):
    declaratie = queries.lees_ontvangen(request.user, pk)
    with Poging(request=request, per_regel=True) as poging:
        actie(declaratie, acting_user=request.user)
    if poging.gelukt:
        messages.success(request, gelukt)
    return redirect("declaraties:ontvangen", pk=declaratie.pk)


@require_POST
@rol_vereist(Rol.BACKOFFICE)
def aanhouden(request, pk: int):
    return _beoordeel(
        request,
        pk,
        beantwoorden.houd_aan,
        "De declaratie is aangehouden voor controle: het antwoord (325) gaat pas na vrijgeven.",
    )


@require_POST
@rol_vereist(Rol.BACKOFFICE)
def vrijgeven(request, pk: int):
    return _beoordeel(
        request,
        pk,
        beantwoorden.vrijgeven,
        "De declaratie is vrijgegeven: zij wordt beantwoord met het declaratie-antwoord (325).",
    )


@require_POST
@rol_vereist(Rol.BACKOFFICE)
def beantwoord(request, pk: int):
    declaratie = queries.lees_ontvangen(request.user, pk)
    with Poging(request=request, per_regel=True) as poging:
        bericht = beantwoorden.beantwoord(declaratie, acting_user=request.user)
    if poging.gelukt:
        messages.success(
            request,
            f"Het declaratie-antwoord (325) {bericht.identificatie} is verstuurd naar "
            f"{declaratie.aanbieder}.",
        )
    return redirect("declaraties:ontvangen", pk=declaratie.pk)


@require_POST
@rol_vereist(Rol.BACKOFFICE)
def afwijzen(request, pk: int):
    prestatie = queries.ontvangen_prestatie(request.user, pk)
    form = AfwijsForm(request.POST)
    if form.is_valid():
        with Poging(form) as poging:
            beantwoorden.wijs_prestatie_af(
                prestatie,
                retourcode=form.cleaned_data["retourcode"],
                reden=form.cleaned_data["reden"],
                acting_user=request.user,
            )
        if poging.gelukt:
            messages.success(
                request,
                f"Prestatie {prestatie.referentienummer} is afgewezen met retourcode "
                f"{form.cleaned_data['retourcode']}.",
            )
            return _terug(request, "declaraties:ontvangen", prestatie.declaratie_id)
    declaratie = queries.lees_ontvangen(request.user, prestatie.declaratie_id)
    return _toon_ontvangen(request, declaratie, afwijs_form=form, fout_pk=prestatie.pk)


@require_POST
@rol_vereist(Rol.BACKOFFICE)
def afwijzing_intrekken(request, pk: int):
    prestatie = queries.ontvangen_prestatie(request.user, pk)
    with Poging(request=request) as poging:
        beantwoorden.trek_afwijzing_in(prestatie, acting_user=request.user)
    if poging.gelukt:
        messages.success(
            request, f"De afwijzing van prestatie {prestatie.referentienummer} is ingetrokken."
        )
    return _terug(request, "declaraties:ontvangen", prestatie.declaratie_id)


@rol_vereist(Rol.BACKOFFICE)
def ontvangen_afgewezen(request):
    prestaties = queries.ontvangen_afgewezen(request.user.organisatie)
    pagina = pagineer(request, prestaties, per_pagina=PER_PAGINA)
    queries.log_lijst(request.user, [p.client_id for p in pagina])
    return render(request, "declaraties/ontvangen_afgewezen.html", {"pagina": pagina})
