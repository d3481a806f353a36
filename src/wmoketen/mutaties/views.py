"""Pages of the mutations: the gemeente enters one from the traject page (*Mutatie
doorgeven*), the aanbieder reports from its received allocation that the client or it stops.

Each form takes two steps: the filled-in form shows a confirmation with, in Dutch, the messages
that will go out (a rolled-back trial of the service, ``gevolgen.proef``); only the confirmed
form runs the service. Views only collect input; ``services`` and ``aanbieder`` decide every
rule, and their refusals show in the form.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from wmoketen.accounts.constants import Rol
from wmoketen.accounts.decorators import rol_vereist
from wmoketen.berichten.regelteksten import toon_met
from wmoketen.gedeeld.weigering import Poging
from wmoketen.toewijzingen import queries as toewijzingen_queries
from wmoketen.trajecten import queries as trajecten_queries

from . import gevolgen, services
from .constants import Soort
from .forms import MutatieForm, StopForm
from .regelteksten import AANWIJZINGEN

# What the gemeente's roles may enter (the services check again).
SOORTEN_BACKOFFICE = [s for s in Soort if s != Soort.AANBIEDER_STOPT]
SOORTEN_TOEGANG = [Soort.PROFIEL]
SOORTEN_AANBIEDER = [Soort.CLIENT_STOPT, Soort.AANBIEDER_STOPT]

UITLEG = {
    Soort.VERHUIZING: "Alle lopende toewijzingen eindigen (reden 07); een 301 per aanbieder.",
    Soort.OVERLIJDEN: "Alle lopende toewijzingen eindigen op de overlijdensdatum (reden 02).",
    Soort.WLZ: "Alle lopende toewijzingen eindigen (reden 06, uitstroom naar ander domein).",
    Soort.INTENSITEIT: "Een ander volume van hetzelfde product.",
    Soort.PROFIEL: "Een herindicatie: een nieuw plan en een nieuwe beschikking.",
    Soort.AANBIEDERSWISSEL: "De toewijzing eindigt (reden 09) en gaat naar een andere aanbieder.",
    Soort.NAAR_PGB: "De toewijzing eindigt (reden 08); het pgb-budget wordt vastgelegd.",
    Soort.NAAR_ZIN: "Een nieuwe toewijzing in natura na een pgb.",
    Soort.CLIENT_STOPT: "De toewijzing eindigt (reden 05).",
}


def _soorten_gemeente(gebruiker) -> list[str]:
    if gebruiker.heeft_rol(Rol.BACKOFFICE):
        return SOORTEN_BACKOFFICE
    return SOORTEN_TOEGANG


def _uitvoerder(soort: str, data: dict, traject, gebruiker):
    """The service call of a gemeente mutation, as a function of no arguments."""
    velden = dict(datum=data["datum"], acting_user=gebruiker, toelichting=data["toelichting"])
    client = traject.client
    match soort:
        case Soort.VERHUIZING | Soort.OVERLIJDEN:
            return lambda: services.verhuizing_of_overlijden(client, soort=soort, **velden)
        case Soort.WLZ:
            return lambda: services.naar_wlz(client, **velden)
        case Soort.INTENSITEIT:
            return lambda: services.wijzig_intensiteit(
                data["toewijzing"], volume=data["volume"], **velden
            )
        case Soort.PROFIEL:
            return lambda: services.wijzig_profiel(data["beschikking"], **velden)
        case Soort.AANBIEDERSWISSEL:
            return lambda: services.wissel_aanbieder(
                data["toewijzing"], nieuwe_aanbieder=data["nieuwe_aanbieder"], **velden
            )
        case Soort.NAAR_PGB:
            return lambda: services.naar_pgb(
                data["toewijzing"], pgb_budget=data["pgb_budget"], **velden
            )
        case Soort.NAAR_ZIN:
            return lambda: services.naar_zin(
                client,
                product=data["product"],
                aanbieder=data["aanbieder"],
                volume=data["volume"],
                **velden,
            )
        case Soort.CLIENT_STOPT:
            return lambda: services.client_stopt(data["toewijzing"], **velden)
    raise ValidationError("Onbekende soort mutatie.")


def _twee_stappen(request, form, uitvoeren, *, organisatie, deelnemers):
    """Confirmation first, then the real run. Returns (mutatie, gevolgen): mutatie is set
    once stored; gevolgen (the confirmation) is set when the form still needs confirming."""
    if request.method != "POST" or not form.is_valid() or "terug" in request.POST:
        return None, None
    with Poging(form, eerst=toon_met(AANWIJZINGEN)):
        if "bevestigd" not in request.POST:
            return None, gevolgen.proef(uitvoeren, organisatie=organisatie, deelnemers=deelnemers)
        return uitvoeren(), None
    return None, None


def _samenvatting(mutatie, organisatie, deelnemers) -> str:
    zinnen = [
        g.tekst for g in gevolgen.beschrijf(mutatie, organisatie=organisatie, deelnemers=deelnemers)
    ]
    return f"{mutatie.get_soort_display()} is vastgelegd. " + " ".join(
        z if z.endswith(".") else f"{z}." for z in zinnen
    )


# The gemeente ---------------------------------------------------------------------------------


@rol_vereist(Rol.BACKOFFICE, Rol.TOEGANGSMEDEWERKER)
def nieuw(request, pk: int):
    """*Mutatie doorgeven* for the client of a traject the user's gemeente directs."""
    traject = trajecten_queries.lees_traject(request.user, pk)
    if traject.gemeente_id != request.user.organisatie_id:
        raise Http404("Alleen de gemeente van het traject geeft mutaties door.")
    toegestaan = _soorten_gemeente(request.user)
    soort = request.POST.get("soort") or request.GET.get("soort", "")
    if soort not in toegestaan:
        context = {
            "traject": traject,
            "keuzes": [(s, Soort(s).label, UITLEG.get(s, "")) for s in toegestaan],
        }
        return render(request, "mutaties/kies.html", context)
    data = request.POST if request.method == "POST" else None
    initial = {"toewijzing": request.GET.get("toewijzing")}
    form = MutatieForm(data, soort=soort, traject=traject, initial=initial)
    deelnemers = set(traject.deelnames.values_list("organisatie_id", flat=True))
    uitvoeren = (
        _uitvoerder(soort, form.cleaned_data, traject, request.user)
        if (data is not None and form.is_valid())
        else None
    )
    mutatie, bevestiging = _twee_stappen(
        request, form, uitvoeren, organisatie=request.user.organisatie, deelnemers=deelnemers
    )
    if mutatie is not None:
        messages.success(request, _samenvatting(mutatie, request.user.organisatie, deelnemers))
        return redirect(reverse("trajecten:detail", args=[traject.pk]) + "#mutaties")
    context = {
        "traject": traject,
        "soort": soort,
        "soort_label": Soort(soort).label,
        "form": form,
        "bevestiging": bevestiging,
        "alle_toewijzingen": not any(f in form.fields for f in ("toewijzing", "beschikking"))
        and soort != Soort.NAAR_ZIN,
        "lopend": list(
            toewijzingen_queries.lopende_toewijzingen(traject.gemeente_id, traject.client_id)
        ),
        "terug": reverse("trajecten:detail", args=[traject.pk]),
    }
    return render(request, "mutaties/formulier.html", context)


# The aanbieder --------------------------------------------------------------------------------


@rol_vereist(Rol.AANBIEDER)
def stoppen(request, pk: int):
    """*Cliënt wil stoppen* or *Wij willen stoppen* for a received allocation."""
    organisatie = request.user.organisatie
    toewijzing = toewijzingen_queries.lees_ontvangen(request.user, pk)
    soort = request.POST.get("soort") or request.GET.get("soort", "")
    if soort not in SOORTEN_AANBIEDER:
        soort = Soort.CLIENT_STOPT
    data = request.POST if request.method == "POST" else None
    form = StopForm(data, soort=soort)
    melden = services.aanbieder_stopt if soort == Soort.AANBIEDER_STOPT else services.client_stopt
    uitvoeren = None
    if data is not None and form.is_valid():
        velden = form.cleaned_data

        def uitvoeren():
            return melden(
                toewijzing,
                datum=velden["datum"],
                toelichting=velden["toelichting"],
                acting_user=request.user,
            )

    mutatie, bevestiging = _twee_stappen(
        request, form, uitvoeren, organisatie=organisatie, deelnemers=set()
    )
    if mutatie is not None:
        messages.success(request, _samenvatting(mutatie, organisatie, set()))
        return redirect("toewijzingen:ontvangen", pk=toewijzing.pk)
    context = {
        "toewijzing": toewijzing,
        "soort": soort,
        "soort_label": "Cliënt wil stoppen"
        if soort == Soort.CLIENT_STOPT
        else "Wij willen stoppen",
        "form": form,
        "bevestiging": bevestiging,
        "terug": reverse("toewijzingen:ontvangen", args=[toewijzing.pk]),
    }
    return render(request, "mutaties/stoppen.html", context)
