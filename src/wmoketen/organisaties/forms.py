from django import forms
from django.utils import timezone

from .models import Aanbieder

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class OnderaannemingAanvraagForm(forms.Form):
    """The hoofdaannemer's request for an onderaannemer under its contract."""

    onderaannemer = forms.ModelChoiceField(label="Onderaannemer", queryset=Aanbieder.objects.none())
    begindatum = forms.DateField(label="Begindatum", widget=DATUM, initial=timezone.localdate)
    einddatum = forms.DateField(label="Einddatum", widget=DATUM, required=False)
    omschrijving = forms.CharField(
        label="Ondersteuning door de onderaannemer",
        help_text="Welke ondersteuning de onderaannemer binnen het profiel biedt; de "
        "contractmanager toetst dit.",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def __init__(self, *args, contract, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["onderaannemer"].queryset = Aanbieder.objects.exclude(
            pk=contract.aanbieder_id
        ).order_by("naam")


class BeoordelingForm(forms.Form):
    """The contract manager's decision; a refusal needs a toelichting (checked by the service)."""

    besluit = forms.ChoiceField(
        label="Besluit",
        choices=[("goedkeuren", "Goedkeuren"), ("afwijzen", "Afwijzen")],
        widget=forms.RadioSelect,
    )
    toelichting = forms.CharField(
        label="Toelichting",
        help_text="Verplicht bij een afwijzing.",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
