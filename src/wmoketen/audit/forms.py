from django import forms

from wmoketen.clienten.validators import valideer_bsn_formaat


class ZoekForm(forms.Form):
    """The audit trail's search: a BSN of 9 digits and/or a user name. Checked before any
    query (a NUL byte or other odd input is an error on the page, never a database error)."""

    bsn = forms.CharField(label="BSN van de cliënt", required=False)
    gebruiker = forms.CharField(label="Gebruikersnaam", required=False, max_length=150)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One message for any BSN that is none (also one with a NUL byte).
        self.fields["bsn"].validators = [valideer_bsn_formaat]
        self.fields["bsn"].widget.attrs["inputmode"] = "numeric"
