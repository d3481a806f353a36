"""The consulent's steps on the case page, as a table: per step the form it shows and the
service it runs. ``formulieren`` picks the form(s) of the step the case waits for."""

from collections.abc import Callable
from dataclasses import dataclass

from .. import services
from ..forms import (
    HuisbezoekForm,
    OnderzoekForm,
    OpdrachtForm,
    ProfielForm,
    TerugForm,
    ToestemmingForm,
    resultaten_formset,
)
from .tijdlijn import deel_1_onderdeel, huidige_stap

# ``formulier(data, melding, plan, onderzoek)`` builds the form (bound when ``data``);
# ``actie(request, form, melding, plan)`` runs the service with the valid form and returns
# the success message.


@dataclass(frozen=True)
class Formulierstap:
    formulier: Callable
    actie: Callable[..., str]


def _huisbezoek_formulier(data, melding, plan, onderzoek):
    return HuisbezoekForm(data, prefix="huisbezoek")


def _plan_huisbezoek(request, form, melding, plan) -> str:
    services.plan_huisbezoek(melding, acting_user=request.user, **form.cleaned_data)
    return f"Het huisbezoek is gepland op {form.cleaned_data['datum']:%d-%m-%Y}."


def _onderzoek_formulier(data, melding, plan, onderzoek):
    return OnderzoekForm(data, onderzoek=onderzoek, prefix="onderzoek")


def _leg_onderzoek_vast(request, form, melding, plan) -> str:
    """Saves the onderzoek; with the button "afronden" also completes it."""
    data = form.cleaned_data
    services.leg_onderzoek_vast(
        melding,
        domeinen=form.domeinen(),
        netwerk=data["netwerk"],
        eigen_oplossingen=data["eigen_oplossingen"],
        verslag=data["verslag"],
        ondertekend_door_client_op=data["ondertekend_door_client_op"],
        acting_user=request.user,
    )
    if "afronden" not in request.POST:
        return "Het onderzoek is opgeslagen."
    services.onderzoek_afronden(
        melding,
        verslag=data["verslag"],
        ondertekend_door_client_op=data["ondertekend_door_client_op"],
        acting_user=request.user,
    )
    return "Het onderzoek is afgerond."


def _resultaten_formulier(data, melding, plan, onderzoek):
    return resultaten_formset(plan, data)


def _stel_deel_1_op(request, form, melding, plan) -> str:
    services.stel_plan_deel_1_op(
        melding, resultaatgebieden=form.resultaatgebieden(), acting_user=request.user
    )
    return "De resultaatgebieden van deel 1 zijn opgeslagen."


def _profiel_formulier(data, melding, plan, onderzoek):
    return ProfielForm(data, plan=plan, prefix="profiel")


def _beoordeel_profiel(request, form, melding, plan) -> str:
    data = form.cleaned_data
    plan = services.beoordeel_profiel(
        plan,
        scores=form.scores(),
        categorie=data["categorie"],
        intensiteit=data["intensiteit"],
        motivering=data["motivering"],
        vervoer=data["vervoer"],
        kortdurend_verblijf_etmalen=data["kortdurend_verblijf_etmalen"],
        acting_user=request.user,
    )
    return (
        f"Het profiel is vastgelegd: {plan.get_categorie_display()}, "
        f"{plan.get_intensiteit_display().lower()}."
    )


def _toestemming_formulier(data, melding, plan, onderzoek):
    initial = (
        {"toestemming": plan.toestemming_delen, "ondertekend_op": plan.deel_1_ondertekend_op}
        if plan and plan.deel_1_ondertekend_op
        else None
    )
    return ToestemmingForm(data, initial=initial, prefix="toestemming")


def _leg_toestemming_vast(request, form, melding, plan) -> str:
    services.leg_toestemming_vast(plan, acting_user=request.user, **form.cleaned_data)
    if form.cleaned_data["toestemming"]:
        return "De ondertekening en de toestemming om te delen zijn vastgelegd."
    return "De ondertekening is vastgelegd, zonder toestemming om te delen."


def _opdracht_formulier(data, melding, plan, onderzoek):
    return OpdrachtForm(data, melding=melding, prefix="opdracht")


def _geef_opdracht(request, form, melding, plan) -> str:
    services.geef_opdracht_deel_2(plan, acting_user=request.user, **form.cleaned_data)
    return f"{form.cleaned_data['aanbieder']} heeft de opdracht voor deel 2 gekregen."


def _terug_formulier(data, melding, plan, onderzoek):
    return TerugForm(data, prefix="terug")


def _stuur_terug(request, form, melding, plan) -> str:
    services.stuur_terug(plan, reden=form.cleaned_data["reden"], acting_user=request.user)
    return f"Het plan is teruggestuurd naar {plan.aanbieder}."


STAPPEN: dict[str, Formulierstap] = {
    "huisbezoek": Formulierstap(_huisbezoek_formulier, _plan_huisbezoek),
    "onderzoek": Formulierstap(_onderzoek_formulier, _leg_onderzoek_vast),
    "resultaten": Formulierstap(_resultaten_formulier, _stel_deel_1_op),
    "profiel": Formulierstap(_profiel_formulier, _beoordeel_profiel),
    "toestemming": Formulierstap(_toestemming_formulier, _leg_toestemming_vast),
    "opdracht": Formulierstap(_opdracht_formulier, _geef_opdracht),
    "terug": Formulierstap(_terug_formulier, _stuur_terug),
}

# The form of a step of the route (``tijdlijn.huidige_stap``); steps 4 and 5 (plan deel 1
# and the opdracht) show one of DEEL_1 at a time.
STAP_FORMULIER = {2: "huisbezoek", 3: "onderzoek", 7: "terug"}
DEEL_1 = ("resultaten", "profiel", "toestemming", "opdracht")


def formulieren(melding, plan, onderzoek, stap: str = "", data=None, bewerk: str = ""):
    """The form of the current step by name; the one named ``stap`` bound to ``data``. In
    deel 1 the consulent may go back to a part (``bewerk``)."""
    huidig = huidige_stap(melding, plan)
    if huidig in (4, 5):
        naam = stap if stap and data is not None else bewerk or deel_1_onderdeel(plan)
        naam = naam if naam in DEEL_1 else "opdracht"
    elif huidig in STAP_FORMULIER:
        naam = STAP_FORMULIER[huidig]
    else:
        return {}
    gebonden = data if stap == naam else None
    return {naam: STAPPEN[naam].formulier(gebonden, melding, plan, onderzoek)}


def voer_uit(request, stap: str, form, melding, plan) -> str:
    """Run the service of one step with a valid form; returns the success message."""
    return STAPPEN[stap].actie(request, form, melding, plan)
