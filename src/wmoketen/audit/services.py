"""Writing the audit trail. Services call :func:`log` inside their own transaction."""

from django.db import models

from .models import AuditRegel

VERBORGEN = "«verborgen»"


def masker(veld: str, waarde, gevoelig: frozenset[str]) -> str | None:
    """The value as it may appear in the log: BSN shortened, health text hidden."""
    if waarde is None or waarde == "":
        return waarde
    if veld == "bsn":
        return "*****" + str(waarde)[-4:]
    if veld in gevoelig:
        return VERBORGEN
    return str(waarde)


def wijzigingen(oud: dict, nieuw: dict, gevoelig: frozenset[str] = frozenset()) -> dict:
    """Changed fields as {veld: [oud, nieuw]}, masked."""
    return {
        veld: [masker(veld, oud.get(veld), gevoelig), masker(veld, waarde, gevoelig)]
        for veld, waarde in nieuw.items()
        if oud.get(veld) != waarde
    }


def log(
    acting_user,
    actie: str,
    obj: models.Model,
    *,
    client_id: int | None = None,
    omschrijving: str = "",
    wijzigingen: dict | None = None,
    organisatie=None,
    gebruikersnaam: str | None = None,
) -> AuditRegel:
    """Append one row: who (and for which organisation) did ``actie`` on ``obj``.

    Without a user (the API's token, the system) pass ``organisatie`` and ``gebruikersnaam``.
    """
    if gebruikersnaam is None:
        gebruikersnaam = acting_user.get_username() if acting_user else "systeem"
    return AuditRegel.objects.create(
        gebruiker=acting_user,
        gebruikersnaam=gebruikersnaam,
        organisatie_id=organisatie.pk
        if organisatie
        else getattr(acting_user, "organisatie_id", None),
        actie=actie,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        client_id=client_id,
        omschrijving=omschrijving[:300],
        wijzigingen=wijzigingen or {},
    )
