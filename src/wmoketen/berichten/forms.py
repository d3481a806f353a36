from datetime import date

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator

from istandaarden.berichten import berichten_van

from . import queries
from .constants import Status

STANDAARDEN = [("", "Alle"), ("iwmo", "iWmo"), ("ijw", "iJw")]
RICHTINGEN = [("", "Beide"), ("in", "Ontvangen"), ("uit", "Verzonden")]
# A day as a moment in time must fit Python's datetime in every time zone (0001-01-01 does not).
DAG_GRENZEN = [
    MinValueValidator(date(1900, 1, 1), "Kies een datum vanaf 01-01-1900."),
    MaxValueValidator(date(9998, 12, 31), "Kies een datum tot en met 31-12-9998."),
]


def _berichtkeuzes() -> list[tuple]:
    # The same numbers in iWmo and iJw (301 Toewijzing …): one choice per number.
    return [("", "Alle")] + [(b.nummer, f"{b.nummer} {b.naam_nl}") for b in berichten_van("iwmo")]


class FilterForm(forms.Form):
    """The list page's filters; every field optional, an invalid one is ignored."""

    standaard = forms.ChoiceField(label="Standaard", choices=STANDAARDEN, required=False)
    bericht = forms.TypedChoiceField(
        label="Bericht", choices=_berichtkeuzes, coerce=int, empty_value=None, required=False
    )
    status = forms.ChoiceField(
        label="Status", choices=[("", "Alle")] + Status.choices, required=False
    )
    richting = forms.ChoiceField(label="Richting", choices=RICHTINGEN, required=False)
    van = forms.DateField(
        label="Ontvangen vanaf",
        required=False,
        validators=DAG_GRENZEN,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    tot = forms.DateField(
        label="Ontvangen tot en met",
        required=False,
        validators=DAG_GRENZEN,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    tegenpartij = forms.ModelChoiceField(
        label="Tegenpartij", queryset=None, required=False, empty_label="Alle"
    )

    def __init__(self, *args, organisatie, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tegenpartij"].queryset = queries.tegenpartijen(organisatie)

    def clean(self):
        gegevens = super().clean()
        van, tot = gegevens.get("van"), gegevens.get("tot")
        if van and tot and van > tot:
            self.add_error("tot", "Deze datum ligt voor de datum 'Ontvangen vanaf'.")
        return gegevens

    def filters(self) -> dict:
        """The valid filters (an invalid field is left out and shows its error)."""
        self.is_valid()
        return {veld: waarde for veld, waarde in self.cleaned_data.items() if waarde}
