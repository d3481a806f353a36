from django import forms
from django.contrib.auth import authenticate
from django.contrib.auth.forms import AuthenticationForm

from wmoketen.organisaties.models import Organisatie


class InlogForm(AuthenticationForm):
    """Login for one organisation: a user of another organisation is refused."""

    organisatie = forms.ModelChoiceField(
        label="Organisatie", queryset=Organisatie.objects.order_by("naam"), empty_label=None
    )
    field_order = ["organisatie", "username", "password"]

    error_messages = {
        "invalid_login": (
            "Deze combinatie van organisatie, gebruikersnaam en wachtwoord is onbekend. "
            "Controleer of u de juiste organisatie hebt gekozen."
        ),
        "inactive": "Dit account is niet actief. Neem contact op met uw functioneel beheerder.",
    }

    def clean(self):
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        organisatie = self.cleaned_data.get("organisatie")
        if username and password and organisatie:
            self.user_cache = authenticate(
                self.request, username=username, password=password, organisatie=organisatie
            )
            if self.user_cache is None:
                raise self.get_invalid_login_error()
            self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data


class TokenForm(forms.Form):
    token = forms.CharField(
        label="Code uit uw authenticator-app",
        min_length=6,
        max_length=6,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )
