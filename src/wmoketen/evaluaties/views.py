from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render

from wmoketen.accounts.constants import Rol
from wmoketen.accounts.decorators import rol_vereist
from wmoketen.gedeeld.weigering import Poging

from . import queries, services
from .constants import Status
from .forms import EvaluatieForm


@rol_vereist(Rol.TOEGANGSMEDEWERKER, Rol.AANBIEDER)
def lijst(request):
    rijen = queries.evaluaties_voor(request.user.organisatie)
    context = {
        "te_doen": queries.te_doen(request.user),
        "gepland": rijen.filter(status=Status.GEPLAND).order_by("gepland_op", "pk")[:100],
        "uitgevoerd": rijen.filter(status=Status.UITGEVOERD).order_by("-gehouden_op", "-pk")[:50],
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
