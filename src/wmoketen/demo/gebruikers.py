"""The demo's users: one per role in every organisation, all with the same password."""

from dataclasses import dataclass

from django.contrib.auth.models import Group

from wmoketen.accounts.constants import Rol
from wmoketen.accounts.models import Gebruiker

WACHTWOORD = "Demo-wmoketen-2026"

ROL_NAAM = {
    Rol.TOEGANGSMEDEWERKER: "consulent",
    Rol.BACKOFFICE: "backoffice",
    Rol.AANBIEDER: "medewerker",
    Rol.CONTRACTMANAGER: "contractmanager",
    Rol.FUNCTIONEEL_BEHEERDER: "beheerder",
}


@dataclass
class Login:
    organisatie: str
    rol: str
    gebruikersnaam: str


def laad_gebruikers(organisatie, rollen, prefix: str) -> list[Login]:
    logins = []
    for rol in rollen:
        naam = f"{prefix}.{ROL_NAAM[rol]}"
        if not Gebruiker.objects.filter(username=naam).exists():
            user = Gebruiker.objects.create_user(
                naam,
                f"{naam}@example.org",
                WACHTWOORD,
                organisatie=organisatie,
                first_name=ROL_NAAM[rol].capitalize(),
                last_name=organisatie.naam,
            )
            user.groups.add(Group.objects.get(name=rol.value))
        logins.append(Login(organisatie.naam, rol.label, naam))
    return logins


def gebruiker(organisatie, rol: Rol) -> Gebruiker:
    """The organisation's demo user with ``rol``."""
    prefix = (
        organisatie.naam.lower()
        if organisatie.is_gemeente
        else f"agb{organisatie.aanbieder.agb_code}"
    )
    return Gebruiker.objects.get(username=f"{prefix}.{ROL_NAAM[rol]}")
