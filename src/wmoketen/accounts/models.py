from django.contrib.auth.models import AbstractUser
from django.db import models

from .constants import Rol


class Gebruiker(AbstractUser):
    """A user of exactly one organisation (a gemeente or an aanbieder)."""

    organisatie = models.ForeignKey(
        "organisaties.Organisatie", models.PROTECT, related_name="gebruikers"
    )

    REQUIRED_FIELDS = ["email", "organisatie"]

    class Meta:
        verbose_name = "gebruiker"
        verbose_name_plural = "gebruikers"

    @property
    def rollen(self) -> set[str]:
        if not hasattr(self, "_rollen"):
            self._rollen = set(self.groups.values_list("name", flat=True))
        return self._rollen

    def heeft_rol(self, *rollen: Rol) -> bool:
        return bool(self.rollen & {str(r) for r in rollen})

    @property
    def is_functioneel_beheerder(self) -> bool:
        return self.heeft_rol(Rol.FUNCTIONEEL_BEHEERDER)
