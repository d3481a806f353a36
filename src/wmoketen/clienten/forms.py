from django import forms

from wmoketen.producten.codelijsten import choices

from .models import Client


class ZoekForm(forms.Form):
    q = forms.CharField(
        label="Zoek op BSN, naam of geboortedatum (dd-mm-jjjj)", required=False, max_length=100
    )


def _keuze(lijst: str, leeg: bool = True) -> forms.ChoiceField:
    opties = ([("", "—")] if leeg else []) + choices(lijst)
    return forms.ChoiceField(choices=opties, required=False)


class ClientForm(forms.ModelForm):
    geslacht = _keuze("COD046", leeg=False)
    naamgebruik = _keuze("COD700", leeg=False)
    datumgebruik = _keuze("COD170")
    communicatievorm = _keuze("COD747")
    juridische_status = _keuze("WJ232")
    wettelijke_vertegenwoordiging = _keuze("WJ003")

    class Meta:
        model = Client
        fields = [
            "bsn",
            "voorletters",
            "voornamen",
            "voorvoegsel",
            "geslachtsnaam",
            "partnervoorvoegsel",
            "partnernaam",
            "naamgebruik",
            "geboortedatum",
            "datumgebruik",
            "geslacht",
            "communicatievorm",
            "communicatietaal",
            "juridische_status",
            "wettelijke_vertegenwoordiging",
        ]
        widgets = {"geboortedatum": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, organisatie=None, **kwargs):
        super().__init__(*args, **kwargs)
        # The organisation is not a form field; set it so the unique BSN check can run.
        self.instance.organisatie = organisatie

    def clean_bsn(self) -> str:
        return self.cleaned_data["bsn"].strip()
