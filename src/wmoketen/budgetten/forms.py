"""Forms of the budget pages: they collect input only; the services decide."""

from decimal import Decimal

from django import forms

from wmoketen.gedeeld.bedragen import in_cent
from wmoketen.gedeeld.maanden import maand_van

MAX_BEDRAG = Decimal("99999999999.99")


class MaandInput(forms.DateInput):
    input_type = "month"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m", **kwargs)


def maandveld(label: str, help_text: str) -> forms.DateField:
    return forms.DateField(
        label=label,
        input_formats=["%Y-%m", "%Y-%m-%d"],
        widget=MaandInput(),
        help_text=help_text,
        error_messages={
            "required": "Kies een maand.",
            "invalid": "Geef een maand als jjjj-mm, bijvoorbeeld 2026-03.",
        },
    )


def bedragveld(label: str, help_text: str = "") -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        max_digits=13,
        decimal_places=2,
        min_value=0,
        max_value=MAX_BEDRAG,
        help_text=help_text,
        error_messages={
            "required": "Vul een bedrag in.",
            "invalid": "Geef een bedrag in euro's, bijvoorbeeld 12500.00.",
            "min_value": "Het bedrag is € 0,00 of meer.",
            "max_digits": "Dit bedrag is te groot.",
            "max_value": "Dit bedrag is te groot.",
            "max_decimal_places": "Geef het bedrag in hele centen (twee decimalen).",
        },
    )


class RegelKeuze(forms.ModelChoiceField):
    def label_from_instance(self, regel) -> str:
        return f"{regel.contract.aanbieder}: {regel.product} (contract {regel.contract.kenmerk})"


class BudgetForm(forms.Form):
    contractregel = RegelKeuze(
        label="Taakgerichte contractregel",
        queryset=None,
        empty_label="— kies een contractregel —",
        help_text="De aanbieder en het product waarvoor het budget geldt.",
        error_messages={
            "required": "Kies een contractregel.",
            "invalid_choice": "Kies een contractregel.",
        },
    )
    eerste_maand = maandveld("Eerste maand", "Het budget geldt vanaf de eerste dag.")
    laatste_maand = maandveld("Laatste maand", "Het budget geldt tot en met de laatste dag.")
    bedrag = bedragveld("Budget (€)", "Het budget voor de hele periode.")
    omschrijving = forms.CharField(label="Omschrijving", max_length=200, required=False)

    def __init__(self, *args, regels, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contractregel"].queryset = regels

    def service_argumenten(self) -> dict:
        gegevens = self.cleaned_data
        return {
            "contractregel": gegevens["contractregel"],
            "begindatum": maand_van(gegevens["eerste_maand"])[0],
            "einddatum": maand_van(gegevens["laatste_maand"])[1],
            "bedrag": in_cent(gegevens["bedrag"]),
            "omschrijving": gegevens["omschrijving"],
        }


class VerantwoordingForm(forms.Form):
    gerealiseerd = bedragveld(
        "Gerealiseerde levering (€)",
        "De waarde van wat u in de hele budgetperiode leverde.",
    )

    def gerealiseerd_cent(self) -> int:
        return in_cent(self.cleaned_data["gerealiseerd"])
