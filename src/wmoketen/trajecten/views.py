from django.contrib import messages
from django.shortcuts import redirect, render

from wmoketen.accounts.constants import Rol
from wmoketen.accounts.decorators import rol_vereist
from wmoketen.gedeeld.paginering import pagineer
from wmoketen.gedeeld.weigering import Poging

from . import queries, services
from .forms import DeelnemerForm, StatusForm, TaakForm, TrajectForm


def lijst(request):
    trajecten = pagineer(request, queries.trajecten_voor(request.user.organisatie))
    return render(request, "trajecten/lijst.html", {"trajecten": trajecten})


@rol_vereist(Rol.TOEGANGSMEDEWERKER, Rol.BACKOFFICE)
def nieuw(request):
    form = TrajectForm(request.POST or None, organisatie=request.user.organisatie)
    if request.method == "POST" and form.is_valid():
        with Poging(form) as poging:
            traject = services.start_traject(acting_user=request.user, **form.cleaned_data)
        if poging.gelukt:
            messages.success(request, f"Traject {traject.nummer} is gestart.")
            return redirect("trajecten:detail", pk=traject.pk)
    return render(request, "trajecten/nieuw.html", {"form": form})


def detail(request, pk: int):
    traject = queries.lees_traject(request.user, pk)
    taakform = TaakForm(request.POST or None, traject=traject, prefix="taak")
    deelnemerform = DeelnemerForm(prefix="deelnemer")
    if request.method == "POST" and taakform.is_valid():
        with Poging(taakform) as poging:
            taak = services.maak_taak(traject, acting_user=request.user, **taakform.cleaned_data)
        if poging.gelukt:
            messages.success(request, f"Taak '{taak.naam}' is aangemaakt.")
            return redirect("trajecten:detail", pk=traject.pk)
    context = {
        "traject": traject,
        "taken": traject.taken.select_related(
            "termijn", "toegewezen_aan_organisatie", "toegewezen_aan_gebruiker"
        ),
        "taakform": taakform,
        "deelnemerform": deelnemerform,
        "is_regie": request.user.organisatie_id == traject.gemeente_id,
    }
    return render(request, "trajecten/detail.html", context)


def deelnemer_toevoegen(request, pk: int):
    traject = queries.lees_traject(request.user, pk)
    form = DeelnemerForm(request.POST or None, prefix="deelnemer")
    if request.method == "POST" and form.is_valid():
        with Poging(request=request) as poging:
            services.voeg_aanbieder_toe(
                traject, aanbieder=form.cleaned_data["aanbieder"], acting_user=request.user
            )
        if poging.gelukt:
            messages.success(request, f"{form.cleaned_data['aanbieder']} neemt nu deel.")
    return redirect("trajecten:detail", pk=traject.pk)


def taak(request, pk: int):
    taak = queries.lees_taak(request.user, pk)
    form = StatusForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with Poging(form) as poging:
            services.wijzig_taakstatus(taak, acting_user=request.user, **form.cleaned_data)
        if poging.gelukt:
            messages.success(request, "De status is gewijzigd.")
            return redirect("trajecten:taak", pk=taak.pk)
    context = {
        "taak": taak,
        "form": form,
        "geschiedenis": taak.geschiedenis.all(),
        "mag_wijzigen": services.mag_status_wijzigen(taak, request.user) and not taak.is_afgesloten,
    }
    return render(request, "trajecten/taak.html", context)
