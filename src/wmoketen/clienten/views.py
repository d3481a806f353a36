from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render

from wmoketen.accounts.constants import Rol
from wmoketen.accounts.decorators import rol_vereist
from wmoketen.audit import services as audit

from . import queries, services
from .forms import ClientForm, ZoekForm

# Roles that register clients: the gemeente's intake and backoffice, the aanbieder's staff.
REGISTREREN = (Rol.TOEGANGSMEDEWERKER, Rol.BACKOFFICE, Rol.AANBIEDER)


def zoeken(request):
    form = ZoekForm(request.GET or None)
    resultaten = None
    if form.is_valid() and form.cleaned_data["q"]:
        term = form.cleaned_data["q"]
        resultaten = Paginator(queries.zoek(request.user, term), 25).get_page(request.GET.get("p"))
        audit.log(
            request.user,
            "client.gezocht",
            request.user.organisatie,
            omschrijving=f"{resultaten.paginator.count} resultaten",
        )
    template = "clienten/_resultaten.html" if request.htmx else "clienten/zoeken.html"
    mag_registreren = request.user.heeft_rol(*REGISTREREN)
    context = {"form": form, "resultaten": resultaten, "mag_registreren": mag_registreren}
    return render(request, template, context)


def detail(request, pk: int):
    client = queries.lees(request.user, pk)
    return render(request, "clienten/detail.html", {"client": client})


@rol_vereist(*REGISTREREN)
def nieuw(request):
    form = ClientForm(request.POST or None, organisatie=request.user.organisatie)
    if request.method == "POST" and form.is_valid():
        gegevens = {veld: form.cleaned_data[veld] for veld in form.Meta.fields}
        try:
            client = services.registreer_client(acting_user=request.user, **gegevens)
        except ValidationError as fout:
            form.add_error(None, fout)
        else:
            messages.success(request, f"Cliënt {client} is geregistreerd.")
            return redirect("clienten:detail", pk=client.pk)
    return render(request, "clienten/nieuw.html", {"form": form})
