"""The permission checks the service modules share: a Dutch ``PermissionDenied`` when the acting
user lacks the role, or works for another organisation."""

from django.core.exceptions import PermissionDenied

GEEN_ROL = "U hebt geen rol waarmee u dit mag doen."


def eis_rol(gebruiker, *rollen, tekst: str = GEEN_ROL) -> None:
    if gebruiker is None or not gebruiker.heeft_rol(*rollen):
        raise PermissionDenied(tekst)


def eis_organisatie(gebruiker, organisatie_id: int, tekst: str) -> None:
    if gebruiker.organisatie_id != organisatie_id:
        raise PermissionDenied(tekst)
