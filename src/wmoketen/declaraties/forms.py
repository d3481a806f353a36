"""Forms of the declaration pages: they collect input only; the services decide."""

from datetime import date

from django import forms
from django.utils import timezone

from istandaarden.retourcodes import alle as alle_retourcodes
from wmoketen.producten.constants import Wet

from .constants import NIET_VOOR_EEN_PRESTATIE


def afwijscodes() -> list[tuple[str, str]]:
    """(code, "code: explanation") of the WJ001 codes a clerk may reject a prestatie with:
    those the standard lists for the 323, except the Header's and the declaration's."""
    return [
        (r.code, f"{r.code}: {r.omschrijving}")
        for r in alle_retourcodes().values()
        if ("WMO323" in r.iwmo or "JW323" in r.ijw) and r.code not in NIET_VOOR_EEN_PRESTATIE
    ]


EERSTE_MAAND = date(2015, 1, 1)
# GeleverdVolume is at most eight digits (LDT_Volume).
MAX_VOLUME = 99_999_999


class MaandInput(forms.DateInput):
    input_type = "month"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m", **kwargs)


def vorige_maand(vandaag: date) -> date:
    """The first day of the month before ``vandaag``'s (the usual month to declare)."""
    eerste = vandaag.replace(day=1)
    return (
        eerste.replace(year=eerste.year - 1, month=12)
        if eerste.month == 1
        else eerste.replace(month=eerste.month - 1)
    )


class NieuweDeclaratieForm(forms.Form):
    gemeente = forms.ModelChoiceField(
        label="Gemeente",
        queryset=None,
        empty_label="— kies een gemeente —",
        help_text="De gemeente die de toewijzingen gaf (uit uw contracten).",
        error_messages={"required": "Kies een gemeente.", "invalid_choice": "Kies een gemeente."},
    )
    wet = forms.ChoiceField(
        label="Wet",
        choices=Wet.choices,
        error_messages={"required": "Kies een wet.", "invalid_choice": "Kies een wet."},
    )
    maand = forms.DateField(
        label="Declaratiemaand",
        input_formats=["%Y-%m", "%Y-%m-%d"],
        widget=MaandInput(),
        help_text="Een kalendermaand (CS340): de huidige of een eerdere.",
        error_messages={
            "required": "Kies een maand.",
            "invalid": "Geef een maand als jjjj-mm, bijvoorbeeld 2026-03.",
        },
    )

    def __init__(self, *args, gemeenten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = gemeenten
        if not self.is_bound:
            self.initial.setdefault("maand", vorige_maand(timezone.localdate()))

    def clean_maand(self) -> date:
        maand = self.cleaned_data["maand"].replace(day=1)
        if maand < EERSTE_MAAND:
            raise forms.ValidationError("Declaraties gaan over 2015 of later (Wmo 2015, Jeugdwet).")
        if maand > timezone.localdate().replace(day=1):
            raise forms.ValidationError(
                "U declareert de huidige of een eerdere maand, geen maand in de toekomst (TR319)."
            )
        return maand


class VolumeForm(forms.Form):
    volume = forms.IntegerField(
        label="Geleverd volume",
        min_value=0,
        max_value=MAX_VOLUME,
        error_messages={
            "max_value": "Het volume heeft ten hoogste acht cijfers.",
            "required": "Geef het geleverde volume.",
            "invalid": "Geef het volume als een heel getal.",
            "min_value": "Het volume kan niet negatief zijn.",
        },
    )


class AfwijsForm(forms.Form):
    retourcode = forms.ChoiceField(
        label="Retourcode",
        error_messages={
            "required": "Kies een retourcode.",
            "invalid_choice": "Kies een retourcode uit de lijst van de standaard (WJ001).",
        },
    )
    reden = forms.CharField(
        label="Reden van afwijzing",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Voor de aanbieder en het dossier; de 325 draagt alleen de retourcode.",
        error_messages={"required": "Geef de reden van afwijzing."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["retourcode"].choices = [("", "— kies een retourcode —"), *afwijscodes()]


class CorrectieForm(forms.Form):
    """A correction of an approved prestatie: the right volume and why (the service decides)."""

    volume = forms.IntegerField(
        label="Juist volume",
        min_value=0,
        max_value=MAX_VOLUME,
        help_text="0 crediteert de prestatie alleen; een ander volume geeft ook een nieuwe "
        "debetprestatie.",
        error_messages={
            "max_value": "Het volume heeft ten hoogste acht cijfers.",
            "required": "Geef het juiste volume.",
            "invalid": "Geef het volume als een heel getal.",
            "min_value": "Het volume kan niet negatief zijn.",
        },
    )
    reden = forms.CharField(
        label="Reden van de correctie",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Voor uw eigen dossier; de 323 draagt alleen de credit- en debetprestatie.",
        error_messages={"required": "Geef de reden van de correctie."},
    )
