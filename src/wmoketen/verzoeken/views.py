"""Pages of the requests an aanbieder sends (315/317) and the gemeente answers (301/319).

* the aanbieder: its requests with their status, the form *Nieuw verzoek om toewijzing*, the
  form *Verzoek om wijziging* from a received allocation, and each request's history;
* the gemeente's backoffice: the queue of received requests with their deadline, the findings
  per product and the decision: per product (315) or for the whole request (317).

Views only collect input and call ``aanvragen`` / ``beslissen`` (every rule); every read is
scoped to the user's organisation and side (404 for anything else), a detail read is
audit-logged.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render

from wmoketen.accounts.constants import Rol
from wmoketen.accounts.decorators import rol_vereist
from wmoketen.audit import services as audit
from wmoketen.berichten.regelteksten import toon_met
from wmoketen.berichten.rollen import LEZERS
from wmoketen.clienten.forms import AdresForm
from wmoketen.clienten.services import registreer_client, voeg_contact_toe
from wmoketen.gedeeld.paginering import pagineer
from wmoketen.gedeeld.weigering import Poging
from wmoketen.termijnen.queries import termijnen_voor
from wmoketen.toewijzingen import queries as toewijzingen_queries
from wmoketen.toewijzingen.bericht301 import controleer_client
from wmoketen.toewijzingen.views import Verkeer

from . import aanvragen, beslissen, queries
from .constants import ONDERHANDEN, Kant, Soort, Status
from .forms import (
    AfwijzenForm,
    NieuwProductForm,
    OnderzoekForm,
    ToewijzenForm,
    ToewijzingVerzoekForm,
    ToewijzingWijzigenForm,
    WijzigingVerzoekForm,
    product_formset,
)
from .models import Verzoek
from .regelteksten import AANWIJZINGEN
from .werklijst import lopende_termijnen

BRP_ADRES = "01"  # COD757


def _wacht_op_beslissing(verzoek) -> bool:
    return (
        verzoek.status != Status.AFGEKEURD
        and verzoek.producten.filter(status__in=ONDERHANDEN).exists()
    )


def _verzoeken(organisatie, kant: str):
    return (
        Verzoek.objects.voor_organisatie(organisatie)
        .filter(kant=kant)
        .select_related("client", "gemeente", "aanbieder", "bericht")
    )


def _lees(request, pk: int, kant: str) -> Verzoek:
    """One request of the user's organisation on its side (404 otherwise); logs the read."""
    verzoek = get_object_or_404(_verzoeken(request.user.organisatie, kant), pk=pk)
    audit.log(request.user, "verzoek.gelezen", verzoek, client_id=verzoek.client_id)
    return verzoek


def _retour(bericht):
    # No retour (yet) raises RelatedObjectDoesNotExist, an AttributeError: getattr's default.
    return getattr(bericht, "retour", None)


def _verkeer(verzoek, producten, antwoorden) -> list[Verkeer]:
    """The request's messages in order: the 315/317, the 319s and the 301s that answered."""
    rijen = []
    if verzoek.bericht_id:
        rijen.append(
            Verkeer(verzoek.get_soort_display(), verzoek.bericht, _retour(verzoek.bericht))
        )
    berichten = []
    for antwoord in antwoorden:
        if antwoord.bericht_id:
            tekst = f"Antwoord: {antwoord.get_verzoek_antwoord_display().lower()}"
            berichten.append((antwoord.bericht, tekst))
    gezien = set()
    for product in producten:
        toewijzing = product.toewijzing or product.aanbieder_toewijzing
        if toewijzing and toewijzing.bericht_id and toewijzing.bericht_id not in gezien:
            gezien.add(toewijzing.bericht_id)
            berichten.append((toewijzing.bericht, "Toewijzing"))
    for bericht, tekst in sorted(berichten, key=lambda b: (b[0].ontvangen_op, b[0].pk)):
        rijen.append(Verkeer(tekst, bericht, _retour(bericht)))
    return rijen


def _details(verzoek):
    producten = list(
        verzoek.producten.select_related(
            "product", "toewijzing__bericht", "aanbieder_toewijzing__bericht"
        )
    )
    antwoorden = list(verzoek.antwoorden.select_related("bericht").order_by("aangemaakt", "pk"))
    return producten, antwoorden


def _context(request, verzoek) -> dict:
    producten, antwoorden = _details(verzoek)
    return {
        "verzoek": verzoek,
        "producten": producten,
        "antwoorden": antwoorden,
        "verkeer": _verkeer(verzoek, producten, antwoorden),
        "uitleg": Verkeer("", verzoek.bericht).uitleg if verzoek.bericht_id else [],
        "mag_berichten_lezen": request.user.heeft_rol(*LEZERS),
    }


# The aanbieder --------------------------------------------------------------------------------


@rol_vereist(Rol.AANBIEDER)
def lijst(request):
    verzoeken = queries.verzoeken_voor(request.user.organisatie, Kant.AANBIEDER)
    # Two lists, each cut in SQL with a page parameter of its own.
    context = {
        "onderhanden": pagineer(request, verzoeken.filter(status__in=ONDERHANDEN)),
        "afgehandeld": pagineer(
            request, verzoeken.exclude(status__in=ONDERHANDEN), parameter="p_beantwoord"
        ),
    }
    return render(request, "verzoeken/lijst.html", context)


def _client_voor(request, form):
    """The aanbieder's client record: the chosen one, a known BSN, or a new registration."""
    client = form.bestaande_client()
    if client is None:
        client = registreer_client(acting_user=request.user, **form.nieuwe_client())
    return client


def _product_invoer(data: dict) -> aanvragen.AangevraagdProductInvoer:
    return aanvragen.AangevraagdProductInvoer(
        product=data["product"],
        ingangsdatum=data["ingangsdatum"],
        einddatum=data.get("einddatum"),
        volume=data.get("volume"),
        eenheid=data.get("eenheid") or None,
        frequentie=data.get("frequentie") or None,
        verwijzer_type=data.get("verwijzer_type", ""),
        verwijzer_zorgverlenercode=data.get("verwijzer_zorgverlenercode", ""),
        verwijzer_naam=data.get("verwijzer_naam", ""),
        beschikkingnummer=data.get("beschikkingnummer"),
        beschikking_ingangsdatum=data.get("beschikking_ingangsdatum"),
        commentaar=data.get("commentaar", ""),
    )


@rol_vereist(Rol.AANBIEDER)
def nieuw(request):
    aanbieder = request.user.organisatie.specifiek
    data = request.POST if request.method == "POST" else None
    form = ToewijzingVerzoekForm(data, aanbieder=aanbieder)
    formset = product_formset(data, aanbieder=aanbieder, extra=0 if data else 2)
    if data is not None and form.is_valid() and formset.is_valid():
        kop = form.cleaned_data
        if formset.controleer(aanbieder=aanbieder, gemeente=kop["gemeente"], wet=kop["wet"]):
            with Poging(form, eerst=toon_met(AANWIJZINGEN)) as poging:
                # The client's registration and the request stand or fall together.
                with transaction.atomic():
                    verzoek = aanvragen.vraag_toewijzing_aan(
                        aanbieder=aanbieder,
                        gemeente=kop["gemeente"],
                        client=_client_voor(request, form),
                        wet=kop["wet"],
                        producten=[_product_invoer(d) for d in formset.ingevuld()],
                        intakedatum=kop["intakedatum"],
                        commentaar=kop["commentaar"],
                        grondslag=kop["grondslag"],
                        acting_user=request.user,
                    )
            if poging.gelukt:
                messages.success(
                    request,
                    f"Het verzoek om toewijzing is verstuurd aan {verzoek.gemeente} "
                    f"({verzoek.bericht.naam if verzoek.bericht_id else '315'}).",
                )
                return redirect("verzoeken:detail", pk=verzoek.pk)
    context = {"form": form, "formset": formset}
    return render(request, "verzoeken/nieuw.html", context)


def _huidige_toewijzingen(toewijzing):
    """The client's current allocations at the same gemeente under the same wet."""
    return toewijzingen_queries.actueel_ontvangen(
        toewijzing.aanbieder_id,
        toewijzing.gemeente_id,
        bsn=toewijzing.client.bsn,
        wet=toewijzing.wet,
    ).order_by("ingangsdatum", "toewijzingnummer")


def _wijziging(form) -> aanvragen.WijzigingInvoer:
    t, data = form.toewijzing, form.cleaned_data
    return aanvragen.WijzigingInvoer(
        toewijzing=t,
        ingangsdatum=data["ingangsdatum"],
        einddatum=data.get("einddatum"),
        volume=data.get("volume") or t.volume,
        eenheid=t.eenheid or None,
        frequentie=t.frequentie or None,
        budget=None if data.get("volume") else t.budget,
    )


def _nieuw_product(form) -> list[aanvragen.NieuwProductInvoer]:
    data = form.cleaned_data
    if not data.get("product"):
        return []
    return [
        aanvragen.NieuwProductInvoer(
            product=data["product"],
            ingangsdatum=data["ingangsdatum"],
            einddatum=data.get("einddatum"),
            volume=data.get("volume"),
            eenheid=data.get("eenheid") or None,
            frequentie=data.get("frequentie") or None,
        )
    ]


@rol_vereist(Rol.AANBIEDER)
def wijziging(request, pk: int):
    """A 317 from a received allocation: the client's complete desired situation."""
    toewijzing = toewijzingen_queries.lees_ontvangen(request.user, pk)
    huidige = list(_huidige_toewijzingen(toewijzing))
    data = request.POST if request.method == "POST" else None
    form = WijzigingVerzoekForm(data)
    per_toewijzing = [ToewijzingWijzigenForm(data, toewijzing=t) for t in huidige]
    nieuw_form = NieuwProductForm(
        data, aanbieder=toewijzing.aanbieder, gemeente=toewijzing.gemeente, wet=toewijzing.wet
    )
    alle = [form, nieuw_form, *per_toewijzing]
    if data is not None and all([f.is_valid() for f in alle]):
        kop = form.cleaned_data
        with Poging(form, eerst=toon_met(AANWIJZINGEN)) as poging:
            verzoek = aanvragen.vraag_wijziging_aan(
                aanbieder=toewijzing.aanbieder,
                gemeente=toewijzing.gemeente,
                client=toewijzing.client,
                wet=toewijzing.wet,
                reden_verzoek=kop["reden_verzoek"],
                ongewijzigd=[f.toewijzing for f in per_toewijzing if not f.wijzigen],
                te_wijzigen=[_wijziging(f) for f in per_toewijzing if f.wijzigen],
                nieuw=_nieuw_product(nieuw_form),
                commentaar=kop["commentaar"],
                grondslag=kop["grondslag"],
                acting_user=request.user,
            )
        if poging.gelukt:
            messages.success(
                request, f"Het verzoek om wijziging is verstuurd aan {verzoek.gemeente}."
            )
            return redirect("verzoeken:detail", pk=verzoek.pk)
    context = {
        "toewijzing": toewijzing,
        "form": form,
        "rijen": per_toewijzing,
        "nieuw": nieuw_form,
        "fouten": [e for f in per_toewijzing for e in f.non_field_errors()],
    }
    return render(request, "verzoeken/wijziging.html", context)


@rol_vereist(Rol.AANBIEDER)
def detail(request, pk: int):
    verzoek = _lees(request, pk, Kant.AANBIEDER)
    return render(request, "verzoeken/detail.html", _context(request, verzoek))


# The gemeente's backoffice ------------------------------------------------------------------


@rol_vereist(Rol.BACKOFFICE)
def werkvoorraad(request):
    organisatie = request.user.organisatie
    open_ = queries.werkvoorraad(organisatie, Kant.GEMEENTE)
    # One page in SQL, the first deadline first; the deadlines of that page's requests only.
    pagina = pagineer(request, open_)
    termijnen = lopende_termijnen(organisatie, list(pagina))
    context = {
        "pagina": pagina,
        "rijen": [(v, termijnen.get(v.pk)) for v in pagina],
        "te_laat": queries.te_laat(open_),
        "afgehandeld": queries.verzoeken_voor(organisatie, Kant.GEMEENTE).exclude(
            pk__in=open_.values("pk")
        )[:25],
    }
    return render(request, "verzoeken/werkvoorraad.html", context)


def _formulieren(verzoek, actie: str = "", data=None) -> dict:
    def b(naam):
        return data if actie == naam else None

    formulieren = {"afwijzen": AfwijzenForm(b("afwijzen"), verzoek=verzoek)}
    if verzoek.soort == Soort.TOEWIJZING:
        formulieren["toewijzen"] = ToewijzenForm(b("toewijzen"), verzoek=verzoek)
    if verzoek.producten.filter(status=Status.OPEN).exists():
        formulieren["onderzoek"] = OnderzoekForm(b("onderzoek"))
    return formulieren


def _adres(request, verzoek, actie: str) -> AdresForm | None:
    """A 315 carries no address and a 301 needs one: the backoffice records the BRP address of
    a client the gemeente did not know, with the client pages' address form. None: recorded
    just now."""
    form = AdresForm(
        request.POST if actie == "adres" else None,
        soort=BRP_ADRES,
        velden=AdresForm.BRP_VELDEN,
        prefix="adres",
    )
    if actie == "adres" and form.is_valid():
        with Poging(form, eerst=toon_met(AANWIJZINGEN)) as poging:
            voeg_contact_toe(verzoek.client, acting_user=request.user, **form.gegevens())
        if poging.gelukt:
            return None
    return form


def _beslis(request, verzoek, actie: str, form) -> str:
    """Run the decision of one valid form; returns the success message."""
    gebruiker = request.user
    data = form.cleaned_data if form is not None else {}
    match actie:
        case "toewijzen":
            beslissen.wijs_producten_toe(verzoek, list(data["producten"]), acting_user=gebruiker)
            return "De producten zijn toegewezen; het toewijzingsbericht (301) is verstuurd."
        case "honoreren":
            beslissen.honoreer_wijziging(verzoek, acting_user=gebruiker)
            return "Het verzoek om wijziging is gehonoreerd; de toewijzing (301) is verstuurd."
        case "afwijzen":
            beslissen.wijs_af(
                verzoek,
                reden=data["reden"],
                producten=list(data["producten"]) if "producten" in data else None,
                toelichting=data["toelichting"],
                woonplaatsbeginsel=data.get("woonplaatsbeginsel", ""),
                acting_user=gebruiker,
            )
            return "Het verzoek is afgewezen; het antwoordbericht (319) is verstuurd."
        case "onderzoek":
            beslissen.zet_in_onderzoek(
                verzoek, toelichting=data["toelichting"], acting_user=gebruiker
            )
            return "Het verzoek is in onderzoek; het antwoordbericht (319) is verstuurd."
    raise ValidationError("Onbekende beslissing.")


@rol_vereist(Rol.BACKOFFICE)
def beoordelen(request, pk: int):
    verzoek = _lees(request, pk, Kant.GEMEENTE)
    actie = request.POST.get("actie", "") if request.method == "POST" else ""
    onderhanden = _wacht_op_beslissing(verzoek)
    formulieren = _formulieren(verzoek, actie, request.POST if actie else None)
    if actie and actie != "adres":
        if not onderhanden:
            messages.error(request, "Op dit verzoek is al beslist.")
            return redirect("verzoeken:beoordelen", pk=verzoek.pk)
        form = formulieren.get(actie)
        honoreren = actie == "honoreren" and verzoek.soort == Soort.WIJZIGING
        if form is None and not honoreren:
            messages.error(request, "Deze beslissing past niet bij dit verzoek.")
            return redirect("verzoeken:beoordelen", pk=verzoek.pk)
        if honoreren or form.is_valid():
            # Without a form (honoreren) a refusal goes into the messages, line by line.
            with Poging(
                form, request=request, per_regel=True, eerst=toon_met(AANWIJZINGEN)
            ) as poging:
                messages.success(request, _beslis(request, verzoek, actie, form))
            if poging.gelukt or form is None:
                return redirect("verzoeken:beoordelen", pk=verzoek.pk)
    adres = _adres(request, verzoek, actie)
    if adres is None:
        messages.success(request, "Het adres van de cliënt is vastgelegd.")
        return redirect("verzoeken:beoordelen", pk=verzoek.pk)
    context = _context(request, verzoek)
    context.update(
        adres=adres,
        clientproblemen=controleer_client(verzoek.client),
        formulieren=formulieren if onderhanden else {},
        actie=actie,
        termijnen=list(termijnen_voor(verzoek, request.user.organisatie)),
        is_wijziging=verzoek.soort == Soort.WIJZIGING,
    )
    return render(request, "verzoeken/beoordelen.html", context)
