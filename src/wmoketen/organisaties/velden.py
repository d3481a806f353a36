"""Form fields for choosing a gemeente or aanbieder.

Their primary key is the parent link to Organisatie, and lookups through a relation skip
Django's guard for integers out of range: on SQLite a posted id of 30 digits raised
OverflowError (a 500) instead of "not a valid choice". These fields refuse such an id first.
"""

from django import forms
from django.db import models

GROOTSTE_ID = 2**63 - 1  # BigAutoField's maximum on every database


def is_geldig_id(waarde) -> bool:
    if isinstance(waarde, models.Model):
        return True
    tekst = str(waarde)
    return tekst.isascii() and tekst.isdigit() and int(tekst) <= GROOTSTE_ID


class OrganisatieKeuze(forms.ModelChoiceField):
    def to_python(self, value):
        if value not in self.empty_values and not is_geldig_id(value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class OrganisatieKeuzes(forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        for waarde in value:
            if not is_geldig_id(waarde):
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": waarde},
                )
        return super()._check_values(value)
