from django import forms
from django.core.validators import RegexValidator

bsn_validator = RegexValidator(r"^[0-9]{9}$", "Een BSN bestaat uit precies 9 cijfers.")


class ZoekForm(forms.Form):
    """The audit trail's search: a BSN of 9 digits and/or a user name. Checked before any
    query (a NUL byte or other odd input is an error on the page, never a database error)."""

    bsn = forms.CharField(label="BSN van de cliënt", required=False)
    gebruiker = forms.CharField(label="Gebruikersnaam", required=False, max_length=150)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One message for any BSN that is none (also one with a NUL byte).
        self.fields["bsn"].validators = [bsn_validator]
        self.fields["bsn"].widget.attrs["inputmode"] = "numeric"
