"""The bank account of an organisation (IBAN, BIC, ten name van), kept by the contract manager.

* an **aanbieder**'s account: by the contract manager of a gemeente that contracts it as
  hoofdaannemer (a contract of the gemeente itself or of one of its regio's);
* the **gemeente**'s own account (the debtor of its payments): by its contract manager or
  functioneel beheerder.

Every change is one transaction with one audit row; the IBAN appears in the trail masked
("NL91…4300"), the BIC and the name in full.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q

from wmoketen.accounts.constants import Rol
from wmoketen.audit import services as audit

from .models import Aanbieder, Contract, Gemeente, Organisatie
from .rekening import bic_bij, maskeer, normaliseer_bic, normaliseer_iban

GEEN_RECHT = (
    "Alleen de contractmanager van een gemeente met een contract met deze aanbieder beheert "
    "haar betaalgegevens."
)
EIGEN_GEMEENTE = (
    "Alleen de contractmanager of de functioneel beheerder van de gemeente beheert haar eigen "
    "betaalgegevens."
)


def beheerbare_organisaties(gebruiker):
    """The organisations whose account the user keeps: the aanbieders his gemeente contracts
    as hoofdaannemer (contract manager), and his gemeente itself (contract manager or
    functioneel beheerder). Nothing for an aanbieder's user."""
    if gebruiker is None or not getattr(gebruiker, "organisatie_id", None):
        return Organisatie.objects.none()
    organisatie = gebruiker.organisatie
    if not organisatie.is_gemeente:
        return Organisatie.objects.none()
    filter = Q(pk__in=[])
    if gebruiker.heeft_rol(Rol.CONTRACTMANAGER):
        contracten = Contract.objects.filter(
            Q(gemeente_id=organisatie.pk) | Q(regio__gemeenten__pk=organisatie.pk)
        )
        filter |= Q(pk__in=contracten.values("aanbieder_id"))
    if gebruiker.heeft_rol(Rol.CONTRACTMANAGER, Rol.FUNCTIONEEL_BEHEERDER):
        filter |= Q(pk=organisatie.pk)
    return Organisatie.objects.filter(filter).select_related("gemeente", "aanbieder")


def mag_beheren(gebruiker, organisatie) -> bool:
    return beheerbare_organisaties(gebruiker).filter(pk=organisatie.pk).exists()


def _eis_beheerder(organisatie, acting_user) -> None:
    if acting_user is None:  # the system (demo, data load)
        return
    if not mag_beheren(acting_user, organisatie):
        raise PermissionDenied(EIGEN_GEMEENTE if organisatie.is_gemeente else GEEN_RECHT)


def _schoon(iban: str, bic: str, rekeninghouder: str) -> dict:
    """The values to store, or a ValidationError per field (Dutch)."""
    fouten, velden = {}, {"rekeninghouder": (rekeninghouder or "").strip()[:70]}
    try:
        velden["iban"] = normaliseer_iban(iban)
    except ValidationError as fout:
        fouten["iban"] = fout.messages
    try:
        velden["bic"] = normaliseer_bic(bic)
    except ValidationError as fout:
        fouten["bic"] = fout.messages
    if fouten:
        raise ValidationError(fouten)
    if velden["iban"] and not velden["bic"]:
        velden["bic"] = bic_bij(velden["iban"])
    if velden["iban"] and not velden["rekeninghouder"]:
        raise ValidationError({"rekeninghouder": ["Vul in op wiens naam de rekening staat."]})
    if not velden["iban"] and velden["bic"]:
        raise ValidationError({"iban": ["Vul het IBAN in bij de BIC."]})
    return velden


def _audit_waarde(veld: str, waarde: str) -> str:
    return maskeer(waarde) if veld == "iban" else waarde


@transaction.atomic
def wijzig_betaalgegevens(
    organisatie: Organisatie, *, iban: str, bic: str = "", rekeninghouder: str = "", acting_user
) -> Gemeente | Aanbieder:
    """Store the organisation's account; an empty BIC is derived from the IBAN where
    schwifty knows the bank. Refused (Dutch) for an invalid IBAN or BIC, a missing name, or a
    user who does not keep this account."""
    specifiek = organisatie.specifiek
    _eis_beheerder(organisatie, acting_user)
    velden = _schoon(iban, bic, rekeninghouder)
    model = type(specifiek)
    rij = model.objects.select_for_update().get(pk=specifiek.pk)
    oud = {veld: getattr(rij, veld) for veld in velden}
    gewijzigd = {veld: waarde for veld, waarde in velden.items() if oud[veld] != waarde}
    if not gewijzigd:
        return rij
    for veld, waarde in gewijzigd.items():
        setattr(rij, veld, waarde)
    rij.save(update_fields=list(gewijzigd))
    audit.log(
        acting_user,
        "organisatie.betaalgegevens_gewijzigd",
        rij,
        omschrijving=f"Betaalgegevens van {rij}: IBAN {maskeer(rij.iban) or '(geen)'}",
        wijzigingen={
            veld: [_audit_waarde(veld, oud[veld]), _audit_waarde(veld, waarde)]
            for veld, waarde in gewijzigd.items()
        },
    )
    return rij
