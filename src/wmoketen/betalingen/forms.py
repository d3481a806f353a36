from django import forms
from django.utils import timezone

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class BetaaldForm(forms.Form):
    betaald_op = forms.DateField(
        label="Betaald op",
        widget=DATUM,
        initial=timezone.localdate,
        help_text="De datum waarop de bank het bedrag afschreef.",
    )
