"""Forms of the negative and administrative outcomes (``afhandeling``)."""

from django import forms

from .constants import BEZWAARCLAUSULE, MeldingStatus
from .forms import datumveld, tekstveld


class AfwijzingForm(forms.Form):
    motivering = tekstveld(
        "Motivering",
        8,
        required=True,
        help_text="Waarom de aanvraag wordt afgewezen, in begrijpelijke taal; komt in de brief.",
    )
    bezwaarclausule = tekstveld("Bezwaarclausule", 5, required=True, initial=BEZWAARCLAUSULE)
    dagtekening = datumveld("Dagtekening", vandaag=True)


class AanvraagTerugForm(forms.Form):
    reden = tekstveld(
        "Reden",
        4,
        required=True,
        help_text="Wat de consulent moet aanvullen of heroverwegen voordat u kunt beslissen.",
    )


class AfsluitenForm(forms.Form):
    soort = forms.ChoiceField(
        label="Hoe eindigt de melding?",
        widget=forms.RadioSelect,
        choices=[
            (MeldingStatus.INGETROKKEN, "De cliënt trekt de melding (of de aanvraag) in"),
            (
                MeldingStatus.BUITEN_BEHANDELING,
                "Buiten behandeling stellen (geen contact, geen medewerking of gegevens "
                "ontbreken na een herinnering)",
            ),
        ],
    )
    reden = tekstveld("Reden", 4, required=True)
    op = datumveld("Datum", vandaag=True)
