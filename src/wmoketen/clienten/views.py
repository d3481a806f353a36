"""The client pages: search, register, the client page (the record and the case around it) and
the pages that complete and correct the record: the client's own data, his addresses, his
relaties. Views collect input and call ``services``; every read goes through ``queries``
(scoped to the user's organisation, 404 otherwise, audit-logged)."""

import copy
from datetime import timedelta

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone

from wmoketen.accounts.constants import Rol
from wmoketen.accounts.decorators import rol_vereist
from wmoketen.audit import services as audit
from wmoketen.gedeeld.weigering import Poging, op_formulier, teksten

from . import queries, services
from .dossier import dossier
from .forms import AdresForm, BeeindigForm, ClientForm, RelatieForm, ZoekForm

# Roles that register and maintain clients: the gemeente's intake and backoffice, the
# aanbieder's staff.
REGISTREREN = (Rol.TOEGANGSMEDEWERKER, Rol.BACKOFFICE, Rol.AANBIEDER)


def zoeken(request):
    form = ZoekForm(request.GET or None)
    resultaten = None
    if form.is_valid() and form.cleaned_data["q"]:
        term = form.cleaned_data["q"]
        resultaten = Paginator(queries.zoek(request.user, term), 25).get_page(request.GET.get("p"))
        # The results show name and BSN: one row for each client on the page shown.
        audit.log_clienten(
            request.user,
            "client.gezocht",
            request.user.organisatie,
            [c.pk for c in resultaten],
            omschrijving=f"{resultaten.paginator.count} resultaten",
        )
    template = "clienten/_resultaten.html" if request.htmx else "clienten/zoeken.html"
    mag_registreren = request.user.heeft_rol(*REGISTREREN)
    context = {"form": form, "resultaten": resultaten, "mag_registreren": mag_registreren}
    return render(request, template, context)


def detail(request, pk: int):
    client = queries.lees(request.user, pk)
    contacten, relaties = queries.adresboek(client)
    context = {
        "client": client,
        "contacten": contacten,
        "relaties": relaties,
        "secties": dossier(request.user, client),
        "mag_wijzigen": request.user.heeft_rol(*REGISTREREN),
    }
    return render(request, "clienten/detail.html", context)


@rol_vereist(*REGISTREREN)
def nieuw(request):
    form = ClientForm(request.POST or None, organisatie=request.user.organisatie)
    if request.method == "POST" and form.is_valid():
        with Poging(form, per_veld=True) as poging:
            client = services.registreer_client(acting_user=request.user, **form.gegevens())
        if poging.gelukt:
            messages.success(request, f"Cliënt {client} is geregistreerd.")
            return redirect("clienten:detail", pk=client.pk)
    return render(request, "clienten/nieuw.html", {"form": form})


@rol_vereist(*REGISTREREN)
def wijzigen(request, pk: int):
    client = queries.lees(request.user, pk)
    # The form works on a copy: the page keeps showing the record as stored.
    form = ClientForm(request.POST or None, instance=copy.copy(client))
    if request.method == "POST" and form.is_valid():
        with Poging(form, per_veld=True) as poging:
            services.wijzig_client(client, acting_user=request.user, **form.gegevens())
        if poging.gelukt:
            messages.success(request, "De gegevens van de cliënt zijn opgeslagen.")
            return redirect("clienten:detail", pk=client.pk)
    return render(request, "clienten/wijzigen.html", {"form": form, "client": client})


@rol_vereist(*REGISTREREN)
def adres_nieuw(request, pk: int):
    client = queries.lees(request.user, pk)
    form = AdresForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with Poging(form, per_veld=True) as poging:
            contact = services.voeg_contact_toe(client, acting_user=request.user, **form.gegevens())
        if poging.gelukt:
            messages.success(request, f"Het {contact.soort_in_zin} is toegevoegd.")
            return redirect("clienten:detail", pk=client.pk)
    return render(request, "clienten/adres.html", {"form": form, "client": client})


@rol_vereist(*REGISTREREN)
def adres(request, pk: int):
    """Change, end or remove one address of the client (``actie``: opslaan, beeindigen,
    verwijderen)."""
    contact = queries.lees_contact(request.user, pk)
    if contact.relatie_id:  # a relatie's contact is kept on the relatie's page
        return redirect("clienten:relatie", pk=contact.relatie_id)
    client = contact.client
    actie = request.POST.get("actie", "") if request.method == "POST" else ""
    form = AdresForm(request.POST if actie == "opslaan" else None, instance=copy.copy(contact))
    einde = BeeindigForm(
        request.POST if actie == "beeindigen" else None,
        initial={"einddatum": timezone.localdate() - timedelta(days=1)},
    )
    with Poging(einde if actie == "beeindigen" else form, per_veld=True) as poging:
        if actie == "opslaan" and form.is_valid():
            services.wijzig_contact(contact, acting_user=request.user, **form.gegevens())
            messages.success(request, f"Het {contact.soort_in_zin} is opgeslagen.")
            return redirect("clienten:detail", pk=client.pk)
        if actie == "beeindigen" and einde.is_valid():
            einddatum = einde.cleaned_data["einddatum"]
            services.beeindig_contact(contact, einddatum=einddatum, acting_user=request.user)
            messages.success(
                request,
                f"Het {contact.soort_in_zin} is beëindigd per {einddatum:%d-%m-%Y}.",
            )
            return redirect("clienten:detail", pk=client.pk)
        if actie == "verwijderen":
            services.verwijder_contact(contact, acting_user=request.user)
            messages.success(request, f"Het {contact.soort_in_zin} is verwijderd.")
            return redirect("clienten:detail", pk=client.pk)
    if actie == "verwijderen" and not poging.gelukt:  # also above the address form, as before
        messages.error(request, " ".join(teksten(poging.fout)))
    context = {"form": form, "einde": einde, "client": client, "contact": contact}
    return render(request, "clienten/adres.html", context)


def _relatie_pagina(request, client, relatie=None):
    """The relatie form with its contact (the 301 gives each relatie one)."""
    actie = request.POST.get("actie", "opslaan") if request.method == "POST" else ""
    contact = relatie.contacten.order_by("pk").first() if relatie else None
    data = request.POST if actie == "opslaan" else None
    form = RelatieForm(data, instance=copy.copy(relatie))
    adres = AdresForm(
        data,
        instance=copy.copy(contact),
        prefix="contact",
        met_periode=False,
        initial=None if contact else {"soort": "02"},
    )
    # Removing shows a refusal as a message; saving on the relatie form and its contact's.
    with Poging(form if actie != "verwijderen" else None, request=request, per_veld=True) as poging:
        if actie == "verwijderen" and relatie is not None:
            services.verwijder_relatie(relatie, acting_user=request.user)
            messages.success(request, f"De relatie {relatie.volledige_naam} is verwijderd.")
            return redirect("clienten:detail", pk=client.pk)
        if actie == "opslaan" and all([form.is_valid(), adres.is_valid()]):
            gegevens = form.gegevens()
            if relatie is None:
                relatie = services.voeg_relatie_toe(
                    client, acting_user=request.user, contact=adres.gegevens(), **gegevens
                )
                messages.success(request, f"De relatie {relatie.volledige_naam} is toegevoegd.")
            else:
                services.wijzig_relatie(
                    relatie, acting_user=request.user, contact=adres.gegevens(), **gegevens
                )
                messages.success(request, f"De relatie {relatie.volledige_naam} is opgeslagen.")
            return redirect("clienten:detail", pk=client.pk)
    if actie != "verwijderen" and not poging.gelukt:
        op_formulier(adres, poging.fout, per_veld=True, prefix="contact")
    context = {"form": form, "adres": adres, "client": client, "relatie": relatie}
    return render(request, "clienten/relatie.html", context)


@rol_vereist(*REGISTREREN)
def relatie_nieuw(request, pk: int):
    return _relatie_pagina(request, queries.lees(request.user, pk))


@rol_vereist(*REGISTREREN)
def relatie(request, pk: int):
    relatie = queries.lees_relatie(request.user, pk)
    return _relatie_pagina(request, relatie.client, relatie)
