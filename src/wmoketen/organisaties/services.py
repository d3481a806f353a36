"""State changes of organisations and contracts. Each is one transaction with an audit row.

Contract management itself (contracts, lines, tariffs) lives in ``contracten``.
"""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from wmoketen.accounts.constants import Rol
from wmoketen.accounts.rechten import eis_organisatie, eis_rol
from wmoketen.audit import services as audit
from wmoketen.meldingen.services import meld

from .constants import OnderaannemingStatus
from .contracten import sluit_contract, voeg_contractregel_toe  # noqa: F401 (the public API)
from .models import Aanbieder, Contract, Gemeente, Onderaanneming, Regio


def _opslaan(obj, actie: str, acting_user):
    obj.full_clean()
    obj.save()
    audit.log(acting_user, actie, obj, omschrijving=str(obj))
    return obj


@transaction.atomic
def registreer_gemeente(*, naam: str, gemeentecode: str, acting_user) -> Gemeente:
    return _opslaan(
        Gemeente(naam=naam, gemeentecode=gemeentecode), "gemeente.geregistreerd", acting_user
    )


@transaction.atomic
def stel_open_beschikkingen_in(
    gemeente: Gemeente, *, open_beschikkingen: bool, acting_user
) -> Gemeente:
    """Whether the gemeente issues open beschikkingen (the aanbieder then files a 315)."""
    gemeente = Gemeente.objects.select_for_update().get(pk=gemeente.pk)
    oud = gemeente.open_beschikkingen
    if oud == open_beschikkingen:
        return gemeente  # nothing changes, nothing to log (the demo runs twice)
    gemeente.open_beschikkingen = open_beschikkingen
    gemeente.save(update_fields=["open_beschikkingen"])
    audit.log(
        acting_user,
        "gemeente.open_beschikkingen",
        gemeente,
        wijzigingen={"open_beschikkingen": [oud, open_beschikkingen]},
    )
    return gemeente


@transaction.atomic
def registreer_aanbieder(
    *, naam: str, agb_code: str, kvk_nummer: str = "", acting_user
) -> Aanbieder:
    aanbieder = Aanbieder(naam=naam, agb_code=agb_code, kvk_nummer=kvk_nummer)
    return _opslaan(aanbieder, "aanbieder.geregistreerd", acting_user)


@transaction.atomic
def registreer_regio(*, naam: str, gemeenten: list[Gemeente], acting_user) -> Regio:
    regio = _opslaan(Regio(naam=naam), "regio.geregistreerd", acting_user)
    regio.gemeenten.set(gemeenten)
    return regio


# Onderaanneming: the hoofdaannemer requests, the gemeente's contract manager decides (004).


def _eis_hoofdaannemer(contract: Contract, acting_user) -> None:
    if acting_user is None:  # the system itself (demo, data load)
        return
    eis_rol(acting_user, Rol.AANBIEDER, Rol.FUNCTIONEEL_BEHEERDER)
    eis_organisatie(
        acting_user,
        contract.aanbieder_id,
        "Alleen de hoofdaannemer van het contract vraagt een onderaanneming aan.",
    )


def _eis_contractmanager(contract: Contract, acting_user) -> None:
    if acting_user is None:
        return
    tekst = "Alleen de contractmanager van de gemeente beoordeelt een onderaanneming."
    eis_rol(acting_user, Rol.CONTRACTMANAGER, tekst=tekst)
    if acting_user.organisatie_id is None:
        raise PermissionDenied(tekst)
    if acting_user.organisatie_id not in contract.gemeente_ids():
        raise PermissionDenied("Dit contract hoort niet bij uw gemeente.")


def _binnen_looptijd(contract: Contract, begindatum: date, einddatum: date | None) -> None:
    if begindatum < contract.begindatum or (contract.einddatum and begindatum > contract.einddatum):
        raise ValidationError("De begindatum ligt buiten de looptijd van het contract.")
    if contract.einddatum and einddatum and einddatum > contract.einddatum:
        raise ValidationError("De einddatum ligt na het einde van het contract.")


@transaction.atomic
def vraag_onderaanneming_aan(
    contract: Contract,
    *,
    onderaannemer: Aanbieder,
    begindatum: date,
    acting_user,
    einddatum: date | None = None,
    omschrijving: str = "",
) -> Onderaanneming:
    """The hoofdaannemer asks consent for an onderaannemer; it counts once approved."""
    _eis_hoofdaannemer(contract, acting_user)
    # Locked: two requests for the same onderaannemer never cross.
    contract = Contract.objects.select_for_update().get(pk=contract.pk)
    if onderaannemer.pk == contract.aanbieder_id:
        raise ValidationError("De hoofdaannemer kan niet zijn eigen onderaannemer zijn.")
    if begindatum is None:
        raise ValidationError("Vul de begindatum van de onderaanneming in.")
    _binnen_looptijd(contract, begindatum, einddatum)
    lopend = contract.onderaannemingen.filter(onderaannemer_id=onderaannemer.pk).exclude(
        status=OnderaannemingStatus.AFGEWEZEN
    )
    if lopend.exists():
        raise ValidationError(
            f"{onderaannemer} is al aangevraagd of goedgekeurd als onderaannemer onder dit "
            "contract."
        )
    onderaanneming = Onderaanneming(
        contract=contract,
        onderaannemer=onderaannemer,
        begindatum=begindatum,
        einddatum=einddatum,
        omschrijving=(omschrijving or "").strip(),
        aangevraagd_door=acting_user,
        aangevraagd_op=timezone.now(),
    )
    return _opslaan(onderaanneming, "onderaanneming.aangevraagd", acting_user)


@transaction.atomic
def beoordeel_onderaanneming(
    onderaanneming: Onderaanneming, *, goedgekeurd: bool, acting_user, toelichting: str = ""
) -> Onderaanneming:
    """The contract manager approves or refuses the request, once; a refusal says why."""
    _eis_contractmanager(onderaanneming.contract, acting_user)
    onderaanneming = (
        Onderaanneming.objects.select_for_update()
        .select_related("contract", "onderaannemer")
        .get(pk=onderaanneming.pk)
    )
    if onderaanneming.status != OnderaannemingStatus.AANGEVRAAGD:
        raise ValidationError("Op deze aanvraag is al beslist.")
    toelichting = toelichting.strip()
    if not goedgekeurd and not toelichting:
        raise ValidationError("Geef een toelichting bij een afwijzing.")
    oud = onderaanneming.status
    onderaanneming.status = (
        OnderaannemingStatus.GOEDGEKEURD if goedgekeurd else OnderaannemingStatus.AFGEWEZEN
    )
    onderaanneming.beoordeeld_door = acting_user
    onderaanneming.beoordeeld_op = timezone.now()
    onderaanneming.toelichting = toelichting
    onderaanneming.save(update_fields=["status", "beoordeeld_door", "beoordeeld_op", "toelichting"])
    audit.log(
        acting_user,
        f"onderaanneming.{onderaanneming.status}",
        onderaanneming,
        omschrijving=str(onderaanneming),
        wijzigingen={"status": [oud, onderaanneming.status]},
    )
    if onderaanneming.aangevraagd_door_id:
        meld(
            [onderaanneming.aangevraagd_door],
            titel=f"Onderaanneming {onderaanneming.get_status_display().lower()}: {onderaanneming}",
            url=reverse("organisaties:contract", args=[onderaanneming.contract_id]),
        )
    return onderaanneming
