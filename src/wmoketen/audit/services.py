"""Writing the audit trail. Services call :func:`log` inside their own transaction."""

from collections.abc import Iterable

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


def _wie(acting_user, organisatie, gebruikersnaam: str | None) -> dict:
    """Who acted, for which organisation, as values that outlive the user and organisation."""
    if organisatie is None:
        organisatie = getattr(acting_user, "organisatie", None)
    if gebruikersnaam is None:
        gebruikersnaam = acting_user.get_username() if acting_user else "systeem"
    return {
        "gebruiker_id": getattr(acting_user, "pk", None),
        "gebruikersnaam": gebruikersnaam,
        "organisatie_id": getattr(organisatie, "pk", None),
        "organisatienaam": getattr(organisatie, "naam", ""),
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
    return AuditRegel.objects.create(
        **_wie(acting_user, organisatie, gebruikersnaam),
        actie=actie,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        client_id=client_id,
        omschrijving=omschrijving[:300],
        wijzigingen=wijzigingen or {},
    )


def log_clienten(
    acting_user,
    actie: str,
    obj: models.Model,
    client_ids: Iterable[int],
    *,
    omschrijving: str = "",
    organisatie=None,
    gebruikersnaam: str | None = None,
) -> list[AuditRegel]:
    """Append one row per client whose data one read showed (a search, an export, a message
    about several clients), so a search of the trail by any of them finds it. Without clients
    one row without ``client_id``: the read itself is still on record."""
    wie = _wie(acting_user, organisatie, gebruikersnaam)
    regels = [
        AuditRegel(
            **wie,
            actie=actie,
            object_type=obj._meta.label_lower,
            object_id=str(obj.pk),
            client_id=client_id,
            omschrijving=omschrijving[:300],
        )
        for client_id in sorted(set(client_ids)) or [None]
    ]
    return AuditRegel.objects.bulk_create(regels, batch_size=500)
