"""Forms of the mutation pages: one form per kind of mutation, with only the fields that kind
needs. A form offers what the user may choose (the client's current allocations at this
gemeente, contracted aanbieders); ``services`` decides every rule."""

from django import forms
from django.db.models import Q
from django.utils import timezone

from wmoketen.organisaties.models import Aanbieder
from wmoketen.organisaties.velden import OrganisatieKeuze
from wmoketen.producten.codelijsten import codes
from wmoketen.toegang import queries as toegang_queries
from wmoketen.toegang.plausibiliteit import datumfout
from wmoketen.toewijzingen import queries as toewijzingen_queries

from .constants import Soort

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

# The fields each kind of mutation asks for, besides datum and toelichting.
VELDEN = {
    Soort.VERHUIZING: (),
    Soort.OVERLIJDEN: (),
    Soort.WLZ: (),
    Soort.INTENSITEIT: ("toewijzing", "volume"),
    Soort.PROFIEL: ("beschikking",),
    Soort.AANBIEDERSWISSEL: ("toewijzing", "nieuwe_aanbieder"),
    Soort.NAAR_PGB: ("toewijzing", "pgb_budget"),
    Soort.NAAR_ZIN: ("product", "aanbieder", "volume"),
    Soort.CLIENT_STOPT: ("toewijzing",),
    Soort.AANBIEDER_STOPT: (),
}

DATUM_LABEL = {
    Soort.OVERLIJDEN: ("Overlijdensdatum", "De toewijzingen eindigen op deze dag."),
    Soort.VERHUIZING: (
        "Eerste dag in de nieuwe gemeente",
        "De toewijzingen eindigen de dag ervoor.",
    ),
    Soort.WLZ: ("Eerste dag in de Wlz", "De toewijzingen eindigen de dag ervoor."),
    Soort.CLIENT_STOPT: (
        "Eerste dag zonder ondersteuning",
        "De toewijzing eindigt de dag ervoor.",
    ),
    Soort.AANBIEDER_STOPT: (
        "Eerste dag zonder ondersteuning",
        "De levering en de toewijzing eindigen de dag ervoor.",
    ),
}
STANDAARD_DATUM = ("Ingangsdatum", "De eerste dag van de nieuwe situatie.")


def omvang(t) -> str:
    """An allocation's volume or budget in words: "3 uur per week" or "€ 1200.00"."""
    if t.budget is not None:
        return f"€ {t.budget}"
    if not t.volume:
        return ""
    eenheid = codes("WJ756").get(t.eenheid, "").lower()
    frequentie = codes("WMO757").get(t.frequentie, "").lower()
    return " ".join(d for d in (str(t.volume), eenheid, frequentie) if d)


def toewijzing_label(t) -> str:
    einde = f"{t.einddatum:%d-%m-%Y}" if t.einddatum else "…"
    tekst = f"{t.toewijzingnummer} {t.product.naam} bij {t.aanbieder}"
    return f"{tekst} ({t.ingangsdatum:%d-%m-%Y} t/m {einde}, {omvang(t) or 'geen omvang'})"


def _aanbieders_voor_een_van(gemeente, producten):
    """Aanbieders with a valid contract for at least one of ``producten`` (one query)."""
    een_van = Q(pk__in=[])
    for product in producten:
        een_van |= Q(pk__in=toegang_queries.aanbieders_voor(gemeente, [product]).values("pk"))
    return Aanbieder.objects.filter(een_van).order_by("naam")


class DatumForm(forms.Form):
    """A mutation's date: a typo such as year 1 is refused on the field, before the service."""

    datum = forms.DateField(widget=DATUM)

    def clean_datum(self):
        datum = self.cleaned_data["datum"]
        if fout := datumfout(datum):
            raise forms.ValidationError(fout)
        return datum


class ToewijzingKeuze(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return toewijzing_label(obj)


class MutatieForm(DatumForm):
    """A mutation of ``soort`` for the client of ``traject``, entered by the gemeente."""

    toewijzing = ToewijzingKeuze(
        label="Toewijzing",
        queryset=None,  # the client's current allocations: set per form
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Kies een lopende toewijzing van deze cliënt."},
    )
    beschikking = forms.ModelChoiceField(
        label="Lopende beschikking",
        queryset=None,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Kies een lopende beschikking van deze cliënt."},
    )
    volume = forms.IntegerField(label="Nieuw volume", min_value=1, max_value=99_999_999)
    nieuwe_aanbieder = OrganisatieKeuze(
        label="Nieuwe aanbieder",
        queryset=Aanbieder.objects.none(),
        help_text="Aanbieders met een geldig contract voor het product van de toewijzing.",
        error_messages={
            "invalid_choice": "Deze aanbieder heeft geen contract voor het product van de "
            "gekozen toewijzing."
        },
    )
    pgb_budget = forms.DecimalField(
        label="Pgb-budget (€)", min_value=0.01, max_digits=10, decimal_places=2
    )
    product = forms.ModelChoiceField(label="Product", queryset=None)
    aanbieder = OrganisatieKeuze(
        label="Aanbieder",
        queryset=Aanbieder.objects.none(),
        help_text="Aanbieders met een geldig contract voor het product.",
        error_messages={"invalid_choice": "Deze aanbieder heeft geen contract voor het product."},
    )
    toelichting = forms.CharField(
        label="Toelichting",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )

    def __init__(self, *args, soort: str, traject, **kwargs):
        super().__init__(*args, **kwargs)
        self.soort, self.traject = soort, traject
        self.gemeente = traject.gemeente
        gebruikt = {"datum", "toelichting", *VELDEN[soort]}
        for naam in [n for n in self.fields if n not in gebruikt]:
            del self.fields[naam]
        label, hulp = DATUM_LABEL.get(soort, STANDAARD_DATUM)
        self.fields["datum"].label, self.fields["datum"].help_text = label, hulp
        if "toewijzing" in self.fields:
            lopend = toewijzingen_queries.lopende_toewijzingen(self.gemeente.pk, traject.client_id)
            self.fields["toewijzing"].queryset = lopend
            if not self.initial.get("toewijzing") and len(lopend) == 1:
                self.initial["toewijzing"] = lopend[0].pk
        if "nieuwe_aanbieder" in self.fields:
            self.fields["nieuwe_aanbieder"].queryset = self._nieuwe_aanbieders()
        if "beschikking" in self.fields:
            self.fields["beschikking"].queryset = self._beschikkingen()
        if "product" in self.fields:
            producten = toegang_queries.gecontracteerde_producten(self.gemeente, wet=traject.wet)
            self.fields["product"].queryset = producten
            self.fields["aanbieder"].queryset = _aanbieders_voor_een_van(self.gemeente, producten)

    # The page shows the choice of allocation or beschikking first, the toelichting last.
    KEUZES = ("toewijzing", "beschikking")

    def keuzevelden(self):
        return [self[n] for n in self.KEUZES if n in self.fields]

    def gegevensvelden(self):
        return [self[n] for n in self.fields if n not in (*self.KEUZES, "toelichting")]

    def _gekozen_toewijzing(self):
        waarde = (self.data.get(self.add_prefix("toewijzing")) if self.is_bound else None) or (
            self.initial.get("toewijzing")
        )
        if not str(waarde or "").isdigit():
            return None
        return self.fields["toewijzing"].queryset.filter(pk=int(waarde)).first()

    def _nieuwe_aanbieders(self):
        """Contracted for the chosen allocation's product (any current one when none is
        chosen yet), without the aanbieder that delivers it now."""
        gekozen = self._gekozen_toewijzing()
        if gekozen is not None:
            return toegang_queries.aanbieders_voor(self.gemeente, [gekozen.product]).exclude(
                pk=gekozen.aanbieder_id
            )
        producten = {t.product for t in self.fields["toewijzing"].queryset}
        return _aanbieders_voor_een_van(self.gemeente, producten)

    def _beschikkingen(self):
        return toegang_queries.niet_verlopen_beschikkingen(
            self.gemeente.pk, self.traject.client_id, op=timezone.localdate()
        )

    def clean(self):
        data = super().clean()
        product, aanbieder = data.get("product"), data.get("aanbieder")
        if product and aanbieder:
            if not toegang_queries.aanbieders_voor(self.gemeente, [product]).filter(
                pk=aanbieder.pk
            ):
                self.add_error("aanbieder", f"{aanbieder} heeft geen contract voor {product}.")
        return data


class StopForm(DatumForm):
    """The aanbieder reports that the client or the aanbieder itself stops."""

    toelichting = forms.CharField(
        label="Toelichting",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
        help_text="Voor de consulent van de gemeente: waarom, en wat de cliënt nu nodig heeft.",
    )

    def __init__(self, *args, soort: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.soort = soort
        label, hulp = DATUM_LABEL[soort]
        self.fields["datum"].label, self.fields["datum"].help_text = label, hulp
