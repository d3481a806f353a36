from django import forms

from .constants import Aanwezige, Soort, Uitkomst, Vervolgstap
from .services import ResultaatInvoer

JA_NEE = [("ja", "Ja"), ("nee", "Nee")]


def _ja_nee(label: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=JA_NEE,
        coerce=lambda w: w == "ja",
        widget=forms.RadioSelect,
        error_messages={"required": "Kies ja of nee."},
    )


class EvaluatieForm(forms.Form):
    """The triangle's form: date, who was there, the outcome per resultaatgebied (or the
    driemaandscheck's two questions), the next step."""

    gehouden_op = forms.DateField(
        label="Gehouden op",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": "Vul de datum in waarop de evaluatie is gehouden."},
    )
    aanwezig = forms.MultipleChoiceField(
        label="Aanwezig",
        choices=Aanwezige.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Kies wie aanwezig waren."},
    )
    vervolgstap = forms.ChoiceField(
        label="Vervolgstap",
        choices=Vervolgstap.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Kies de vervolgstap."},
    )
    toelichting = forms.CharField(
        label="Toelichting op de vervolgstap",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Verplicht bij elke andere stap dan voortzetten.",
    )

    def __init__(self, *args, evaluatie, **kwargs):
        super().__init__(*args, **kwargs)
        self.evaluatie = evaluatie
        self.gebieden = []
        if evaluatie.soort == Soort.DRIEMAANDSCHECK:
            self.fields["ondersteuning_gestart"] = _ja_nee("Is de ondersteuning gestart?")
            self.fields["volgens_afspraak"] = _ja_nee(
                "Levert de aanbieder volgens de beschikte afspraken?"
            )
            return
        for gebied in evaluatie.beschikking.plan.resultaatgebieden.all():
            self.fields[f"uitkomst_{gebied.pk}"] = forms.ChoiceField(
                label=gebied.get_domein_display(),
                choices=Uitkomst.choices,
                widget=forms.RadioSelect,
                error_messages={"required": "Kies behaald, deels behaald of niet behaald."},
            )
            self.fields[f"toelichting_{gebied.pk}"] = forms.CharField(
                label=f"Toelichting {gebied.get_domein_display().lower()}",
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.gebieden.append(
                (gebied, self[f"uitkomst_{gebied.pk}"], self[f"toelichting_{gebied.pk}"])
            )

    @property
    def check_velden(self):
        return [self[n] for n in ("ondersteuning_gestart", "volgens_afspraak") if n in self.fields]

    def invoer(self) -> dict:
        """The keyword arguments of ``services.voer_uit``."""
        data = self.cleaned_data
        return {
            "gehouden_op": data["gehouden_op"],
            "aanwezig": data["aanwezig"],
            "vervolgstap": data["vervolgstap"],
            "toelichting": data["toelichting"],
            "ondersteuning_gestart": data.get("ondersteuning_gestart"),
            "volgens_afspraak": data.get("volgens_afspraak"),
            "resultaten": [
                ResultaatInvoer(
                    gebied, data[f"uitkomst_{gebied.pk}"], data[f"toelichting_{gebied.pk}"]
                )
                for gebied, _, _ in self.gebieden
            ],
        }
