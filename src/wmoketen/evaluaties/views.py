from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render

from wmoketen.accounts.constants import Rol
from wmoketen.accounts.decorators import rol_vereist
from wmoketen.gedeeld.paginering import pagineer
from wmoketen.gedeeld.weigering import Poging

from . import queries, services
from .constants import Status
from .forms import EvaluatieForm


@rol_vereist(Rol.TOEGANGSMEDEWERKER, Rol.AANBIEDER)
def lijst(request):
    rijen = queries.evaluaties_voor(request.user.organisatie)
    gepland = rijen.filter(status=Status.GEPLAND).order_by("gepland_op", "pk")
    uitgevoerd = rijen.filter(status=Status.UITGEVOERD).order_by("-gehouden_op", "-pk")
    # Three lists, each cut in SQL with a page parameter of its own.
    context = {
        "te_doen": pagineer(request, queries.te_doen(request.user)),
        "gepland": pagineer(request, gepland, per_pagina=100, parameter="p_gepland"),
        "uitgevoerd": pagineer(request, uitgevoerd, per_pagina=50, parameter="p_uitgevoerd"),
    }
    return render(request, "evaluaties/lijst.html", context)


def detail(request, pk: int):
    evaluatie = queries.lees_evaluatie(request.user, pk)
    mag = evaluatie.status == Status.GEPLAND and services.mag_uitvoeren(evaluatie, request.user)
    if request.method == "POST" and not mag:
        raise PermissionDenied("U legt deze evaluatie niet vast.")
    form = EvaluatieForm(request.POST or None, evaluatie=evaluatie) if mag else None
    if form is not None and request.method == "POST" and form.is_valid():
        with Poging(form) as poging:
            services.voer_uit(evaluatie, acting_user=request.user, **form.invoer())
        if poging.gelukt:
            messages.success(request, f"De {evaluatie.get_soort_display().lower()} is vastgelegd.")
            return redirect("evaluaties:detail", pk=evaluatie.pk)
    context = {
        "evaluatie": evaluatie,
        "form": form,
        "resultaten": evaluatie.resultaten.select_related("resultaatgebied"),
        "is_gemeente": request.user.organisatie_id == evaluatie.gemeente_id,
    }
    return render(request, "evaluaties/detail.html", context)
