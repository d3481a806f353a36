"""Forms of the request pages: they collect input and check what a form can see (the chosen
gemeente's contract, the verwijzer per wet); ``aanvragen`` and ``beslissen`` decide the rest."""

from django import forms
from django.db.models import Q

from wmoketen.clienten.models import Client
from wmoketen.clienten.plausibiliteit import geboortedatumfout
from wmoketen.clienten.validators import valideer_bsn
from wmoketen.organisaties.models import Gemeente
from wmoketen.organisaties.queries import contractregels
from wmoketen.organisaties.velden import OrganisatieKeuze
from wmoketen.producten.codelijsten import choices
from wmoketen.producten.constants import Wet
from wmoketen.producten.models import Product
from wmoketen.producten.plausibiliteit import volumefout

from .constants import ONDERHANDEN, REDEN_WOONPLAATSBEGINSEL, VERWIJZERS, VERWIJZERS_MET_AGB, Soort

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
LEEG = [("", "—")]


def _datum(label: str, *, required: bool = True, **kwargs):
    return forms.DateField(label=label, widget=DATUM, required=required, **kwargs)


def _tekst(label: str, rows: int = 2, *, max_length: int = 1000, **kwargs):
    return forms.CharField(
        label=label,
        widget=forms.Textarea(attrs={"rows": rows}),
        required=False,
        max_length=max_length,
        **kwargs,
    )


def _codes(lijst: str, label: str, **kwargs):
    return forms.ChoiceField(label=label, choices=LEEG + choices(lijst), required=False, **kwargs)


def gemeenten_met_contract(aanbieder):
    """The gemeenten the aanbieder holds a contract with, directly or through a regio."""
    return (
        Gemeente.objects.filter(
            Q(contracten__aanbieder_id=aanbieder.pk)
            | Q(regios__contracten__aanbieder_id=aanbieder.pk)
        )
        .distinct()
        .order_by("naam")
    )


def gecontracteerde_producten(aanbieder):
    """The products in any contract of the aanbieder; the chosen gemeente's is checked later."""
    return (
        Product.objects.filter(contractregels__contract__aanbieder_id=aanbieder.pk)
        .distinct()
        .order_by("wet", "naam")
    )


def _product_label(product) -> str:
    code = f"{product.productcategorie}/{product.productcode}"
    return f"{product.naam} ({code}, {product.get_wet_display()})"


# The aanbieder: verzoek om toewijzing (315) ---------------------------------------------------


class ToewijzingVerzoekForm(forms.Form):
    gemeente = OrganisatieKeuze(label="Gemeente", queryset=Gemeente.objects.none())
    wet = forms.ChoiceField(label="Wet", choices=Wet.choices)
    client = forms.ModelChoiceField(
        label="Cliënt",
        queryset=Client.objects.none(),
        required=False,
        empty_label="— nieuwe cliënt (vul hieronder in) —",
    )
    bsn = forms.CharField(label="BSN", max_length=9, required=False, validators=[valideer_bsn])
    geslachtsnaam = forms.CharField(label="Achternaam", max_length=200, required=False)
    voornamen = forms.CharField(label="Voornamen", max_length=200, required=False)
    geboortedatum = _datum("Geboortedatum", required=False)
    geslacht = _codes("COD046", "Geslacht")
    intakedatum = _datum(
        "Intakedatum",
        required=False,
        help_text="Bij een verwijzing: de aanbieder vraagt binnen 5 werkdagen na de intake aan.",
    )
    grondslag = forms.CharField(
        label="Grondslag",
        max_length=200,
        required=False,
        help_text="Bijvoorbeeld de bepaling jeugdhulp van de gecertificeerde instelling.",
    )
    commentaar = _tekst("Commentaar")

    NIEUW = ("bsn", "geslachtsnaam", "geboortedatum", "geslacht")

    def __init__(self, *args, aanbieder, **kwargs):
        super().__init__(*args, **kwargs)
        self.aanbieder = aanbieder
        self.fields["gemeente"].queryset = gemeenten_met_contract(aanbieder)
        self.fields["client"].queryset = Client.objects.voor_organisatie(aanbieder).order_by(
            "geslachtsnaam", "pk"
        )
        self.fields["client"].label_from_instance = lambda c: (
            f"{c.volledige_naam} ({c.bsn_gemaskeerd})"
        )

    def clean_geboortedatum(self):
        datum = self.cleaned_data["geboortedatum"]
        if fout := geboortedatumfout(datum):
            raise forms.ValidationError(fout)
        return datum

    def clean(self):
        data = super().clean()
        if data.get("client") is None and not self.errors:
            for veld in self.NIEUW:
                if not data.get(veld):
                    self.add_error(veld, "Vul dit in voor een nieuwe cliënt, of kies een cliënt.")
        return data

    def bestaande_client(self):
        """The aanbieder's record with the entered BSN, when the user typed a known one."""
        data = self.cleaned_data
        if data.get("client") is not None:
            return data["client"]
        return Client.objects.voor_organisatie(self.aanbieder).filter(bsn=data.get("bsn")).first()

    def nieuwe_client(self) -> dict:
        data = self.cleaned_data
        return {
            "bsn": data["bsn"],
            "geslachtsnaam": data["geslachtsnaam"],
            "voornamen": data["voornamen"],
            "geboortedatum": data["geboortedatum"],
            "geslacht": data["geslacht"],
        }


class ProductRegelForm(forms.Form):
    """One requested product of a 315."""

    product = forms.ModelChoiceField(label="Product", queryset=Product.objects.none())
    ingangsdatum = _datum("Ingangsdatum")
    einddatum = _datum("Einddatum", required=False)
    volume = forms.IntegerField(label="Volume", min_value=1, max_value=99_999_999, required=False)
    eenheid = _codes("WJ756", "Eenheid", help_text="Leeg: de eenheid uit het contract.")
    frequentie = _codes("WMO757", "Frequentie", help_text="Leeg: de frequentie uit het contract.")
    verwijzer_type = forms.ChoiceField(label="Verwijzer", required=False)
    verwijzer_zorgverlenercode = forms.CharField(
        label="AGB-code verwijzer", max_length=8, required=False
    )
    verwijzer_naam = forms.CharField(label="Naam verwijzer", max_length=35, required=False)
    beschikkingnummer = forms.IntegerField(
        label="Beschikkingnummer",
        min_value=1,
        max_value=999_999_999,
        required=False,
        help_text="Wmo: het nummer van de open beschikking.",
    )
    beschikking_ingangsdatum = _datum("Ingangsdatum beschikking", required=False)
    commentaar = forms.CharField(label="Commentaar", max_length=1000, required=False)

    def __init__(self, *args, aanbieder, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product"].queryset = gecontracteerde_producten(aanbieder)
        self.fields["product"].label_from_instance = _product_label
        toegestaan = sorted({code for codes in VERWIJZERS.values() for code in codes})
        self.fields["verwijzer_type"].choices = LEEG + [
            (code, label) for code, label in choices("COD327") if code in toegestaan
        ]

    def clean(self):
        data = super().clean()
        begin, eind = data.get("ingangsdatum"), data.get("einddatum")
        if begin and eind and eind < begin:
            self.add_error("einddatum", "De einddatum ligt vóór de ingangsdatum.")
        if data.get("verwijzer_type") in VERWIJZERS_MET_AGB and not (
            data.get("verwijzer_zorgverlenercode") or data.get("verwijzer_naam")
        ):
            self.add_error(
                "verwijzer_zorgverlenercode", "Vul de AGB-code of de naam van de verwijzer in."
            )
        return data


def _controleer_volume(form, data: dict) -> bool:
    """The volume fits its eenheid and frequentie (and a total its period); False with the
    error on the volume field."""
    fout = volumefout(
        data.get("volume"),
        data.get("eenheid") or "",
        data.get("frequentie") or "",
        ingangsdatum=data.get("ingangsdatum"),
        einddatum=data.get("einddatum"),
    )
    if fout:
        form.add_error("volume", fout)
    return not fout


class BasisProductFormSet(forms.BaseFormSet):
    default_error_messages = {
        **forms.BaseFormSet.default_error_messages,
        "too_few_forms": "Vraag minstens één product aan.",
    }

    def controleer(self, *, aanbieder, gemeente, wet) -> bool:
        """Check each product against the chosen gemeente and wet; False with errors added."""
        goed = True
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or not data.get("product"):
                continue
            product = data["product"]
            if product.wet != wet:
                form.add_error("product", f"Dit product hoort niet bij de {Wet(wet).label}.")
                goed = False
                continue
            regels = contractregels(gemeente, aanbieder, [product], op=data["ingangsdatum"])
            if product.pk not in regels:
                form.add_error(
                    "product",
                    f"Uw contract met {gemeente} bevat dit product niet op "
                    f"{data['ingangsdatum']:%d-%m-%Y}.",
                )
                goed = False
                continue
            regel = regels[product.pk]
            data["eenheid"] = data.get("eenheid") or regel.eenheid
            data["frequentie"] = data.get("frequentie") or regel.frequentie
            goed &= _controleer_volume(form, data)
            goed &= self._controleer_verwijzer(form, data, wet)
        return goed

    @staticmethod
    def _controleer_verwijzer(form, data, wet) -> bool:
        type_ = data.get("verwijzer_type")
        if not type_:
            form.add_error("verwijzer_type", "Kies de verwijzer.")
            return False
        if type_ not in VERWIJZERS[wet]:
            form.add_error(
                "verwijzer_type", f"Deze verwijzer kan geen {Wet(wet).label}-verzoek dragen."
            )
            return False
        if wet == Wet.WMO and not data.get("beschikkingnummer"):
            form.add_error(
                "beschikkingnummer", "Een Wmo-verzoek noemt het nummer van de open beschikking."
            )
            return False
        return True

    def ingevuld(self) -> list[dict]:
        return [f.cleaned_data for f in self.forms if f.cleaned_data and f.has_changed()]


def product_formset(data=None, *, aanbieder, extra: int = 0):
    formset_class = forms.formset_factory(
        ProductRegelForm, formset=BasisProductFormSet, extra=extra, min_num=1, validate_min=True
    )
    return formset_class(data, prefix="product", form_kwargs={"aanbieder": aanbieder})


# The aanbieder: verzoek om wijziging (317) ----------------------------------------------------


class WijzigingVerzoekForm(forms.Form):
    reden_verzoek = forms.ChoiceField(
        label="Reden verzoek", choices=LEEG + choices("WJ758"), help_text="Codelijst WJ758."
    )
    grondslag = forms.CharField(
        label="Grondslag",
        max_length=200,
        required=False,
        help_text="Bijvoorbeeld de nieuwe bepaling jeugdhulp van de gecertificeerde instelling.",
    )
    commentaar = _tekst("Commentaar")


class ToewijzingWijzigenForm(forms.Form):
    """One current allocation in a 317: keep it or change volume and period."""

    keuze = forms.ChoiceField(
        label="Deze toewijzing",
        choices=[("ongewijzigd", "Ongewijzigd"), ("wijzigen", "Wijzigen")],
        widget=forms.RadioSelect,
        initial="ongewijzigd",
    )
    ingangsdatum = _datum("Ingangsdatum", required=False)
    einddatum = _datum("Einddatum", required=False)
    volume = forms.IntegerField(label="Volume", min_value=1, max_value=99_999_999, required=False)

    def __init__(self, *args, toewijzing, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "ingangsdatum": toewijzing.ingangsdatum,
                "einddatum": toewijzing.einddatum,
                "volume": toewijzing.volume,
            },
        )
        super().__init__(*args, prefix=f"t{toewijzing.pk}", **kwargs)
        self.toewijzing = toewijzing

    @property
    def wijzigen(self) -> bool:
        return self.is_valid() and self.cleaned_data["keuze"] == "wijzigen"

    def clean(self):
        data = super().clean()
        if data.get("keuze") != "wijzigen":
            return data
        t = self.toewijzing
        if not data.get("ingangsdatum"):
            self.add_error("ingangsdatum", "Vul de ingangsdatum van de gewijzigde toewijzing in.")
            return data
        if data.get("einddatum") and data["einddatum"] < data["ingangsdatum"]:
            self.add_error("einddatum", "De einddatum ligt vóór de ingangsdatum.")
        _controleer_volume(self, {"eenheid": t.eenheid, "frequentie": t.frequentie, **data})
        nieuw = (data["ingangsdatum"], data.get("einddatum"), data.get("volume"))
        if nieuw == (t.ingangsdatum, t.einddatum, t.volume):
            self.add_error(None, f"Er verandert niets aan {t}: kies ‘ongewijzigd’.")
        return data


class NieuwProductForm(forms.Form):
    """An optional new product in a 317."""

    product = forms.ModelChoiceField(
        label="Nieuw product", queryset=Product.objects.none(), required=False
    )
    ingangsdatum = _datum("Ingangsdatum", required=False)
    einddatum = _datum("Einddatum", required=False)
    volume = forms.IntegerField(label="Volume", min_value=1, max_value=99_999_999, required=False)
    eenheid = _codes("WJ756", "Eenheid", help_text="Leeg: de eenheid uit het contract.")
    frequentie = _codes("WMO757", "Frequentie", help_text="Leeg: de frequentie uit het contract.")

    def __init__(self, *args, aanbieder, gemeente, wet, **kwargs):
        super().__init__(*args, prefix="nieuw", **kwargs)
        self.aanbieder, self.gemeente, self.wet = aanbieder, gemeente, wet
        self.fields["product"].queryset = gecontracteerde_producten(aanbieder).filter(wet=wet)
        self.fields["product"].label_from_instance = _product_label

    def clean(self):
        data = super().clean()
        product = data.get("product")
        if product is None:
            return data
        if not data.get("ingangsdatum"):
            self.add_error("ingangsdatum", "Vul de ingangsdatum van het nieuwe product in.")
            return data
        if data.get("einddatum") and data["einddatum"] < data["ingangsdatum"]:
            self.add_error("einddatum", "De einddatum ligt vóór de ingangsdatum.")
        regels = contractregels(self.gemeente, self.aanbieder, [product], op=data["ingangsdatum"])
        if product.pk not in regels:
            self.add_error("product", f"Uw contract met {self.gemeente} bevat dit product niet.")
            return data
        data["eenheid"] = data.get("eenheid") or regels[product.pk].eenheid
        data["frequentie"] = data.get("frequentie") or regels[product.pk].frequentie
        _controleer_volume(self, data)
        return data


# The gemeente's backoffice --------------------------------------------------------------------


def _te_beslissen(verzoek):
    return verzoek.producten.filter(status__in=ONDERHANDEN).select_related("product")


class ToewijzenForm(forms.Form):
    producten = forms.ModelMultipleChoiceField(
        label="Toe te wijzen producten",
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Kies de producten die u toewijst."},
    )

    def __init__(self, *args, verzoek, **kwargs):
        super().__init__(*args, prefix="toewijzen", **kwargs)
        self.fields["producten"].queryset = _te_beslissen(verzoek)


class AfwijzenForm(forms.Form):
    producten = forms.ModelMultipleChoiceField(
        label="Af te wijzen producten",
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Kies de producten die u afwijst."},
    )
    reden = forms.ChoiceField(label="Reden afwijzing", choices=LEEG + choices("WJ759"))
    woonplaatsbeginsel = forms.CharField(
        label="Gemeente woonplaatsbeginsel",
        max_length=4,
        min_length=4,
        required=False,
        help_text="Gemeentecode (4 cijfers) van de gemeente die volgens het woonplaatsbeginsel "
        "verantwoordelijk is; alleen bij reden 8.",
    )
    toelichting = _tekst("Toelichting", rows=3)

    def __init__(self, *args, verzoek, **kwargs):
        super().__init__(*args, prefix="afwijzen", **kwargs)
        if verzoek.soort == Soort.TOEWIJZING:
            self.fields["producten"].queryset = _te_beslissen(verzoek)
        else:
            del self.fields["producten"]  # a 317 is refused as a whole
        if verzoek.wet != Wet.JEUGDWET:
            del self.fields["woonplaatsbeginsel"]
        self.wet = verzoek.wet

    def clean(self):
        data = super().clean()
        code = data.get("woonplaatsbeginsel", "")
        if code and not code.isdigit():
            self.add_error("woonplaatsbeginsel", "Een gemeentecode bestaat uit 4 cijfers.")
        if data.get("reden") == REDEN_WOONPLAATSBEGINSEL and self.wet == Wet.JEUGDWET and not code:
            self.add_error(
                "woonplaatsbeginsel", "Bij reden 8 noemt u de gemeente van het woonplaatsbeginsel."
            )
        return data


class OnderzoekForm(forms.Form):
    toelichting = _tekst("Toelichting", rows=3)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, prefix="onderzoek", **kwargs)
