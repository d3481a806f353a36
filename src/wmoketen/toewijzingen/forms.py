"""Forms of the allocation pages: they collect input only; the services decide."""

from django import forms

from wmoketen.producten.codelijsten import choices

from .constants import REDEN_BEEINDIGING_LIJST, REDEN_PAUZE


class DatumInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class StartForm(forms.Form):
    startdatum = forms.DateField(label="Startdatum van de zorg", widget=DatumInput())


class PauzeForm(forms.Form):
    einddatum = forms.DateField(
        label="Laatste dag van levering vóór de pauze",
        widget=DatumInput(),
        help_text="De toewijzing blijft bestaan; met een nieuwe start hervat u de zorg.",
    )


class StopForm(forms.Form):
    einddatum = forms.DateField(label="Laatste dag van levering", widget=DatumInput())
    reden = forms.ChoiceField(label="Reden beëindiging")

    def __init__(self, *args, wet: str, **kwargs):
        super().__init__(*args, **kwargs)
        lijst = REDEN_BEEINDIGING_LIJST[wet]
        self.fields["reden"].choices = [("", "— kies een reden —")] + [
            (code, label) for code, label in choices(lijst) if code != REDEN_PAUZE
        ]
        self.fields["reden"].help_text = f"Codelijst {lijst}; pauzeren doet u hierboven (reden 20)."


class WachtlijstFilter(forms.Form):
    aanbieder = forms.TypedChoiceField(label="Aanbieder", coerce=int, required=False)
    product = forms.TypedChoiceField(label="Product", coerce=int, required=False)
    gemeente = forms.TypedChoiceField(label="Gemeente", coerce=int, required=False)
    per = forms.ChoiceField(
        label="Groeperen per",
        required=False,
        choices=[("aanbieder", "Aanbieder"), ("product", "Product"), ("gemeente", "Gemeente")],
    )

    def __init__(self, *args, aanbieders, producten, gemeenten, **kwargs):
        super().__init__(*args, **kwargs)
        for naam, objecten in (
            ("aanbieder", aanbieders),
            ("product", producten),
            ("gemeente", gemeenten),
        ):
            self.fields[naam].choices = [("", "Alle")] + [(o.pk, str(o)) for o in objecten]
