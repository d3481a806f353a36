from django import forms

from wmoketen.clienten.models import Client
from wmoketen.organisaties.models import Aanbieder, Organisatie
from wmoketen.organisaties.velden import OrganisatieKeuze
from wmoketen.producten.constants import Wet

from .constants import Prioriteit, TaakSoort, TaakStatus

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class TrajectForm(forms.Form):
    client = forms.ModelChoiceField(label="Cliënt", queryset=Client.objects.none())
    wet = forms.ChoiceField(label="Wet", choices=Wet.choices)
    onderwerp = forms.CharField(label="Onderwerp", max_length=200)
    startdatum = forms.DateField(label="Startdatum", widget=DATUM)
    doelen = forms.CharField(
        label="Doelen", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    acties = forms.CharField(
        label="Acties", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, organisatie, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["client"].queryset = Client.objects.voor_organisatie(organisatie)


class DeelnemerForm(forms.Form):
    aanbieder = OrganisatieKeuze(label="Aanbieder", queryset=Aanbieder.objects.all())


class TaakForm(forms.Form):
    naam = forms.CharField(label="Naam", max_length=200)
    soort = forms.ChoiceField(label="Soort", choices=TaakSoort.choices)
    toegewezen_aan_organisatie = forms.ModelChoiceField(
        label="Toewijzen aan organisatie", queryset=Organisatie.objects.none()
    )
    vervaldatum = forms.DateField(label="Uiterste datum", widget=DATUM)
    prioriteit = forms.ChoiceField(
        label="Prioriteit", choices=Prioriteit.choices, initial=Prioriteit.MIDDEN
    )
    omschrijving = forms.CharField(
        label="Omschrijving", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, traject, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["toegewezen_aan_organisatie"].queryset = Organisatie.objects.filter(
            deelnames__traject=traject
        )


class StatusForm(forms.Form):
    status = forms.ChoiceField(label="Nieuwe status", choices=TaakStatus.choices)
    toelichting = forms.CharField(
        label="Toelichting", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
