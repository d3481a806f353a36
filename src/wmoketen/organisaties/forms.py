from django import forms
from django.utils import timezone

from wmoketen.producten.codelijsten import choices
from wmoketen.producten.models import Product

from .constants import Declaratieregel, Uitvoeringsvariant
from .models import Aanbieder, Regio
from .regimes import weigerreden
from .velden import OrganisatieKeuze

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class OnderaannemingAanvraagForm(forms.Form):
    """The hoofdaannemer's request for an onderaannemer under its contract."""

    onderaannemer = OrganisatieKeuze(label="Onderaannemer", queryset=Aanbieder.objects.none())
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


# Contract management (the contract manager's forms; the rules are in ``contracten``).

LEEG = [("", "—")]


class ContractForm(forms.Form):
    kenmerk = forms.CharField(label="Kenmerk", max_length=50)
    begindatum = forms.DateField(label="Begindatum", widget=DATUM)
    einddatum = forms.DateField(
        label="Einddatum", widget=DATUM, required=False, help_text="Leeg: onbepaalde tijd."
    )


class NieuwContractForm(ContractForm):
    """A contract of the manager's own gemeente, or of one of its regio's."""

    aanbieder = OrganisatieKeuze(label="Hoofdaannemer", queryset=Aanbieder.objects.none())
    regio = forms.ModelChoiceField(
        label="Regio",
        queryset=Regio.objects.none(),
        required=False,
        help_text="Leeg: een contract van uw eigen gemeente.",
    )
    field_order = ["kenmerk", "aanbieder", "regio", "begindatum", "einddatum"]

    def __init__(self, *args, gemeente, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["aanbieder"].queryset = Aanbieder.objects.order_by("naam")
        self.fields["regio"].queryset = Regio.objects.filter(gemeenten__pk=gemeente.pk)


class EinddatumForm(forms.Form):
    einddatum = forms.DateField(label="Einddatum", widget=DATUM)


def _codeveld(label: str, lijst: str, *, required: bool) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, choices=LEEG + choices(lijst), required=required)


class ContractregelForm(forms.Form):
    uitvoeringsvariant = forms.ChoiceField(
        label="Uitvoeringsvariant", choices=LEEG + Uitvoeringsvariant.choices
    )
    eenheid = _codeveld("Eenheid", "WJ756", required=True)
    frequentie = _codeveld("Frequentie", "WMO757", required=False)
    declaratieregel = forms.ChoiceField(
        label="Declaratieregel", choices=Declaratieregel.choices, initial=Declaratieregel.LANDELIJK
    )
    begindatum = forms.DateField(label="Begindatum", widget=DATUM)
    einddatum = forms.DateField(
        label="Einddatum",
        widget=DATUM,
        required=False,
        help_text="Leeg: zo lang als het contract loopt.",
    )

    def clean(self):
        """The regime matrix on the field ``declaratieregel`` (the service checks it too)."""
        data = super().clean()
        variant, regel = data.get("uitvoeringsvariant"), data.get("declaratieregel")
        frequentie = self.frequentie_van(data) if "frequentie" in data else None
        if variant and regel and frequentie is not None:
            reden = weigerreden(
                uitvoeringsvariant=variant, declaratieregel=regel, frequentie=frequentie
            )
            if reden:
                self.add_error("declaratieregel", reden)
        return data

    def frequentie_van(self, data) -> str | None:
        return data["frequentie"]


class NieuweContractregelForm(ContractregelForm):
    product = forms.ModelChoiceField(label="Product", queryset=Product.objects.none())
    tarief = forms.DecimalField(
        label="Tarief per eenheid (€)", max_digits=10, decimal_places=2, min_value=0
    )
    field_order = ["product", "uitvoeringsvariant", "eenheid", "frequentie", "tarief"]

    def __init__(self, *args, contract, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product"].queryset = Product.objects.exclude(
            contractregels__contract=contract
        ).order_by("wet", "productcategorie", "productcode")
        self.fields["eenheid"].required = False
        self.fields["eenheid"].help_text = "Leeg: de eenheid van het product."
        self.fields["frequentie"].help_text = "Leeg: de frequentie van het product."
        self.fields["begindatum"].initial = contract.begindatum

    def frequentie_van(self, data) -> str | None:
        """Empty: the product's (as ``contracten.voeg_contractregel_toe`` does); None while
        the product is not chosen."""
        product = data.get("product")
        return data["frequentie"] or (product.frequentie if product else None)


class TariefForm(forms.Form):
    bedrag = forms.DecimalField(
        label="Nieuw tarief per eenheid (€)", max_digits=10, decimal_places=2, min_value=0
    )
    ingangsdatum = forms.DateField(
        label="Ingangsdatum",
        widget=DATUM,
        help_text="Het huidige tarief geldt tot en met de dag ervoor.",
    )


class BetaalgegevensForm(forms.Form):
    """The bank account of an aanbieder or of the gemeente itself (``betaalgegevens``)."""

    iban = forms.CharField(label="IBAN", max_length=42, required=False)
    bic = forms.CharField(
        label="BIC",
        max_length=14,
        required=False,
        help_text="Leeg: afgeleid van het IBAN waar de bank bekend is.",
    )
    rekeninghouder = forms.CharField(label="Ten name van", max_length=70, required=False)
