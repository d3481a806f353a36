"""Forms of the toegang pages: one per step. They only collect input; ``services`` decides."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from wmoketen.accounts.constants import Rol
from wmoketen.clienten.models import Client
from wmoketen.organisaties.models import Aanbieder, Onderaanneming
from wmoketen.organisaties.velden import OrganisatieKeuze, OrganisatieKeuzes
from wmoketen.producten.codelijsten import omschrijving
from wmoketen.producten.constants import Wet
from wmoketen.producten.plausibiliteit import MAX_VOLUME, volumefout

from . import controles, queries
from .constants import (
    Aanleiding,
    Aard,
    Categorie,
    Criterium,
    Duur,
    Intensiteit,
    Kanaal,
    Levensdomein,
    Score,
    Vervoer,
    Zelfredzaamheid,
)
from .plausibiliteit import huisbezoekwaarschuwingen, meldingdatumfout, meldingwaarschuwingen
from .services import (
    BeschiktProductInvoer,
    Deel2Invoer,
    DomeinInvoer,
    ResultaatgebiedInvoer,
    bereken_einddatum,
)
from .services.vervolg import aansluitende_ingangsdatum

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def datumveld(label: str, *, required: bool = True, vandaag: bool = False, **kwargs):
    """A date field with the browser's date picker; ``vandaag``: today as the default."""
    return forms.DateField(
        label=label,
        widget=DATUM,
        required=required,
        initial=timezone.localdate if vandaag else None,
        **kwargs,
    )


def tekstveld(label: str, rows: int = 3, *, required: bool = False, **kwargs):
    """A text area of ``rows`` lines, optional unless ``required``."""
    return forms.CharField(
        label=label, widget=forms.Textarea(attrs={"rows": rows}), required=required, **kwargs
    )


# Step 1 -----------------------------------------------------------------------------------


class MeldingForm(forms.Form):
    client = forms.ModelChoiceField(label="Cliënt", queryset=Client.objects.none())
    wet = forms.ChoiceField(label="Wet", choices=Wet.choices)
    ontvangen_op = datumveld("Ontvangen op", vandaag=True)
    kanaal = forms.ChoiceField(label="Binnengekomen via", choices=Kanaal.choices)
    consulent = forms.ModelChoiceField(
        label="Consulent",
        queryset=None,
        required=False,
        empty_label="Ikzelf",
        help_text="De toegangsmedewerker die de melding behandelt.",
    )
    toelichting = tekstveld("Toelichting", help_text="De hulpvraag in het kort.")

    def __init__(self, *args, gebruiker, **kwargs):
        super().__init__(*args, **kwargs)
        organisatie = gebruiker.organisatie
        self.fields["client"].queryset = Client.objects.voor_organisatie(organisatie)
        self.fields["consulent"].queryset = (
            organisatie.gebruikers.filter(is_active=True, groups__name=Rol.TOEGANGSMEDEWERKER)
            .exclude(pk=gebruiker.pk)
            .order_by("first_name", "username")
            .distinct()
        )
        self.fields["consulent"].label_from_instance = lambda g: g.get_full_name() or g.username

    def clean_ontvangen_op(self):
        datum = controles.dag(self.cleaned_data["ontvangen_op"], "De datum van ontvangst")
        if fout := meldingdatumfout(datum):
            raise forms.ValidationError(fout)
        return datum

    def waarschuwingen(self) -> list[str]:
        """What is unusual but possible in the valid input: shown, not refused."""
        data = self.cleaned_data
        return meldingwaarschuwingen(data["ontvangen_op"], data["kanaal"])


# Step 2 -----------------------------------------------------------------------------------


class HuisbezoekForm(forms.Form):
    datum = datumveld("Datum huisbezoek")
    op = datumveld("Afspraak gemaakt op", vandaag=True)

    def waarschuwingen(self) -> list[str]:
        return huisbezoekwaarschuwingen(self.cleaned_data["datum"])


SCORE_KEUZES = [("", "– nog niet gescoord –"), *Zelfredzaamheid.choices]


class OnderzoekForm(forms.Form):
    """The integrale vraaganalyse: per life domain a ZRM score, problems and strengths."""

    netwerk = tekstveld("Netwerk", help_text="Wie om de cliënt heen helpt of kan helpen.")
    eigen_oplossingen = tekstveld("Eigen oplossingen van de cliënt")
    verslag = tekstveld(
        "Onderzoeksverslag", rows=5, help_text="Nodig om het onderzoek af te ronden."
    )
    ondertekend_door_client_op = datumveld(
        "Verslag ondertekend door de cliënt op",
        required=False,
        help_text="Nodig om het onderzoek af te ronden.",
    )

    def __init__(self, *args, onderzoek=None, **kwargs):
        initial = kwargs.setdefault("initial", {})
        if onderzoek is not None:
            initial.update(
                netwerk=onderzoek.netwerk,
                eigen_oplossingen=onderzoek.eigen_oplossingen,
                verslag=onderzoek.verslag,
                ondertekend_door_client_op=onderzoek.ondertekend_door_client_op,
            )
            for score in onderzoek.domeinscores.all():
                initial[f"score_{score.domein}"] = score.score
                initial[f"problemen_{score.domein}"] = score.problemen
                initial[f"krachten_{score.domein}"] = score.krachten
        super().__init__(*args, **kwargs)
        for domein, label in Levensdomein.choices:
            self.fields[f"score_{domein}"] = forms.TypedChoiceField(
                label=f"Zelfredzaamheid {label.lower()}",
                choices=SCORE_KEUZES,
                coerce=int,
                empty_value=None,
                required=False,
            )
            self.fields[f"problemen_{domein}"] = tekstveld(f"Problemen {label.lower()}", rows=2)
            self.fields[f"krachten_{domein}"] = tekstveld(f"Krachten {label.lower()}", rows=2)

    def domeinrijen(self):
        """(domain label, score, problems, strengths) bound fields, for the template."""
        return [
            (label, self[f"score_{d}"], self[f"problemen_{d}"], self[f"krachten_{d}"])
            for d, label in Levensdomein.choices
        ]

    def domeinen(self) -> list[DomeinInvoer]:
        data = self.cleaned_data
        return [
            DomeinInvoer(d, data[f"score_{d}"], data[f"problemen_{d}"], data[f"krachten_{d}"])
            for d in Levensdomein.values
            if data.get(f"score_{d}") is not None
        ]


# Step 3: plan part 1, profile, consent -------------------------------------------------------


class ResultaatgebiedForm(forms.Form):
    domein = forms.ChoiceField(
        label="Levensdomein", choices=[("", "– kies –"), *Levensdomein.choices], required=False
    )
    beoogd_resultaat = tekstveld("Beoogd resultaat", rows=2)

    def clean(self):
        data = super().clean()
        if data.get("beoogd_resultaat", "").strip() and not data.get("domein"):
            self.add_error("domein", "Kies het levensdomein bij dit resultaat.")
        if data.get("domein") and not data.get("beoogd_resultaat", "").strip():
            self.add_error("beoogd_resultaat", "Beschrijf het beoogde resultaat.")
        return data


class BasisResultatenFormSet(forms.BaseFormSet):
    def add_error(self, veld, fout) -> None:
        """A refusal of the whole set (``gedeeld.weigering``): shown above the rows."""
        self.non_form_errors().extend(ValidationError(fout).messages)

    def resultaatgebieden(self) -> list[ResultaatgebiedInvoer]:
        return [
            ResultaatgebiedInvoer(f.cleaned_data["domein"], f.cleaned_data["beoogd_resultaat"])
            for f in self.forms
            if f.cleaned_data.get("domein")
        ]


ResultatenFormSet = forms.formset_factory(
    ResultaatgebiedForm, formset=BasisResultatenFormSet, extra=2, max_num=13
)


def resultaten_formset(plan, data=None) -> BasisResultatenFormSet:
    initial = (
        [
            {"domein": r.domein, "beoogd_resultaat": r.beoogd_resultaat}
            for r in plan.resultaatgebieden.all()
        ]
        if plan
        else []
    )
    return ResultatenFormSet(data, initial=initial, prefix="rg")


class ProfielForm(forms.Form):
    categorie = forms.TypedChoiceField(
        label="Categorie",
        choices=[("", "Volg de berekening"), *Categorie.choices],
        coerce=int,
        empty_value=None,
        required=False,
    )
    intensiteit = forms.ChoiceField(
        label="Intensiteit",
        choices=[("", "Volg de berekening"), *Intensiteit.choices],
        required=False,
    )
    motivering = tekstveld(
        "Motivering afwijking",
        help_text="Verplicht als u een andere categorie of intensiteit kiest dan de berekening.",
    )
    vervoer = forms.ChoiceField(label="Vervoer", choices=Vervoer.choices, initial=Vervoer.GEEN)
    kortdurend_verblijf_etmalen = forms.IntegerField(
        label="Kortdurend verblijf (etmalen per 4 weken)", min_value=0, max_value=28, initial=0
    )

    def __init__(self, *args, plan=None, **kwargs):
        if plan is not None and plan.categorie:
            initial = kwargs.setdefault("initial", {})
            initial.update({f"score_{c}": s for c, s in plan.scores.items()})
            initial.update(
                vervoer=plan.vervoer,
                kortdurend_verblijf_etmalen=plan.kortdurend_verblijf_etmalen,
                motivering=plan.afwijking_motivering,
            )
            if plan.wijkt_af:
                initial.update(categorie=plan.categorie, intensiteit=plan.intensiteit)
        super().__init__(*args, **kwargs)
        criteria = {}
        for criterium, label in Criterium.choices:
            criteria[f"score_{criterium}"] = forms.ChoiceField(
                label=label, choices=Score.choices, widget=forms.RadioSelect
            )
        # The five criteria first, then the outcome and the extras.
        self.fields = {**criteria, **self.fields}

    def clean(self):
        data = super().clean()
        if (data.get("motivering") or "").strip() and not (
            data.get("categorie") or data.get("intensiteit")
        ):
            self.add_error(
                "motivering",
                "Een motivering hoort bij een afwijking: kies de andere categorie of "
                "intensiteit, of maak de motivering leeg.",
            )
        return data

    def criteriumvelden(self):
        return [self[f"score_{c}"] for c in Criterium.values]

    def scores(self) -> dict[str, str]:
        return {c: self.cleaned_data[f"score_{c}"] for c in Criterium.values}


class ToestemmingForm(forms.Form):
    toestemming = forms.BooleanField(
        label="De cliënt geeft toestemming om het plan met de aanbieder te delen",
        required=False,
        help_text="Zonder toestemming wordt niets gedeeld en kan de opdracht voor deel 2 niet "
        "worden gegeven.",
    )
    ondertekend_op = datumveld("Deel 1 ondertekend door de cliënt op", vandaag=True)


# Step 4: provider choice --------------------------------------------------------------------


class OpdrachtForm(forms.Form):
    producten = forms.ModelMultipleChoiceField(
        label="Producten",
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text="Alleen producten waarvoor de gemeente een contract heeft.",
    )
    aanbieder = OrganisatieKeuze(
        label="Aanbieder",
        queryset=None,
        error_messages={
            "invalid_choice": "Deze aanbieder heeft geen contract voor de gekozen producten."
        },
        help_text="Aanbieders met een geldig contract voor alle gekozen producten.",
    )

    def __init__(self, *args, melding, **kwargs):
        super().__init__(*args, **kwargs)
        producten = queries.gecontracteerde_producten(melding.gemeente, wet=melding.wet)
        self.fields["producten"].queryset = producten
        gekozen = producten.filter(pk__in=self._gekozen_pks()) if self.is_bound else None
        self.fields["aanbieder"].queryset = aanbieders_keuze(melding.gemeente, producten, gekozen)
        vorige = melding.vorige_beschikking
        if vorige is not None:
            # A follow-up continues with the same aanbieder and products unless changed.
            self.initial.setdefault("aanbieder", vorige.aanbieder_id)
            self.initial.setdefault("producten", [bp.product_id for bp in vorige.producten.all()])

    def _gekozen_pks(self) -> list[int]:
        waarden = self.data.getlist(self.add_prefix("producten"))
        return [int(w) for w in waarden if str(w).isdigit()]


def aanbieders_keuze(gemeente, producten, gekozen=None):
    """The aanbieders to choose from: contracted for every chosen product, or (nothing chosen
    yet) for at least one of the products on offer."""
    if gekozen:
        return queries.aanbieders_voor(gemeente, gekozen)
    pks = set()
    for product in producten:
        pks |= set(queries.aanbieders_voor(gemeente, [product]).values_list("pk", flat=True))
    return Aanbieder.objects.filter(pk__in=pks).order_by("naam")


# Step 5: part 2 by the aanbieder ------------------------------------------------------------


class Deel2Form(forms.Form):
    """Part 2 for one result area (prefixed with the result area's pk)."""

    aard = forms.ChoiceField(label="Aard", choices=Aard.choices, widget=forms.RadioSelect)
    activiteiten = tekstveld("Activiteiten", required=True)
    frequentie = forms.CharField(
        label="Frequentie", max_length=100, help_text="Bijvoorbeeld: 2 keer per week 1 uur."
    )
    startdatum = datumveld("Startdatum")
    onderaannemers = OrganisatieKeuzes(
        label="Onderaannemers",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, resultaatgebied, aanbieder, **kwargs):
        self.resultaatgebied = resultaatgebied
        r = resultaatgebied
        kwargs.setdefault(
            "initial",
            {
                "aard": r.aard,
                "activiteiten": r.activiteiten,
                "frequentie": r.frequentie,
                "startdatum": r.startdatum,
                "onderaannemers": list(r.onderaannemers.all()),
            },
        )
        super().__init__(*args, prefix=f"rg{r.pk}", **kwargs)
        self.fields["onderaannemers"].queryset = Aanbieder.objects.filter(
            pk__in=Onderaanneming.objects.goedgekeurd()
            .filter(contract__aanbieder_id=aanbieder.pk)
            .values("onderaannemer_id")
        ).order_by("naam")
        if not self.fields["onderaannemers"].queryset.exists():
            del self.fields["onderaannemers"]

    def invoer(self) -> Deel2Invoer:
        data = self.cleaned_data
        return Deel2Invoer(
            resultaatgebied=self.resultaatgebied,
            aard=data["aard"],
            activiteiten=data["activiteiten"],
            frequentie=data["frequentie"],
            startdatum=data["startdatum"],
            onderaannemers=tuple(data.get("onderaannemers") or ()),
        )


class GereedForm(forms.Form):
    client_ondertekend_op = datumveld("Ondertekend door de cliënt op", vandaag=True)
    aanbieder_ondertekend_op = datumveld("Ondertekend door de aanbieder op", vandaag=True)


# Step 6: akkoord or back ------------------------------------------------------------------


class TerugForm(forms.Form):
    reden = tekstveld(
        "Reden",
        required=True,
        help_text="Waarover gaat het gesprek? Over de resultaten, niet over het tarief.",
    )


# Step 8: beschikking ----------------------------------------------------------------------


class BeschikkingForm(forms.Form):
    ingangsdatum = datumveld("Ingangsdatum", vandaag=True)
    duur = forms.ChoiceField(
        label="Duur van de indicatie",
        choices=Duur.choices,
        widget=forms.RadioSelect,
        initial=Duur.EEN_JAAR,
    )
    einddatum = datumveld(
        "Einddatum", required=False, help_text="Alleen bij 'Andere einddatum'; ten hoogste 5 jaar."
    )
    motivering = tekstveld("Motivering", rows=4, required=True)
    open_beschikking = forms.BooleanField(
        label="Open beschikking",
        required=False,
        help_text="De cliënt kiest zelf een gecontracteerde aanbieder; die vraagt de toewijzing "
        "aan met een verzoek om toewijzing (WMO315) met het beschikkingnummer. Er gaat nu geen "
        "WMO301 uit.",
    )

    def __init__(self, *args, plan, regels=None, **kwargs):
        super().__init__(*args, **kwargs)
        melding = plan.melding
        if melding.wet != Wet.WMO or not melding.gemeente.open_beschikkingen:
            del self.fields["open_beschikking"]  # only where the gemeente works with them
        self.producten = list(plan.producten.order_by("productcode"))
        regels = regels or {}
        volumes = {}
        self.omvang = {}  # product pk -> (eenheid, frequentie), for the volume's check
        for product in self.producten:
            regel = regels.get(product.pk)
            omvang = (
                ((regel and regel.eenheid) or product.eenheid),
                ((regel and regel.frequentie) or product.frequentie),
            )
            self.omvang[product.pk] = omvang
            tekst = (omschrijving("WJ756", omvang[0]), omschrijving("WMO757", omvang[1]))
            volumes[f"volume_{product.pk}"] = forms.IntegerField(
                label=f"Volume {product}",
                min_value=1,
                max_value=MAX_VOLUME,
                help_text=" ".join(p for p in tekst if p).lower(),
            )
        self.fields = {**volumes, **self.fields}
        vorige = melding.vorige_beschikking
        if vorige is not None:
            self._vervolg(melding, vorige)

    def _vervolg(self, melding, vorige):
        """A follow-up: the previous volumes, and for a herindicatie the day after the
        previous einddatum (no gap)."""
        for bp in vorige.producten.all():
            self.initial.setdefault(f"volume_{bp.product_id}", bp.volume)
        if melding.aanleiding == Aanleiding.HERINDICATIE:
            self.initial.setdefault("ingangsdatum", aansluitende_ingangsdatum(vorige))

    def clean(self):
        data = super().clean()
        if data.get("einddatum") and data.get("duur") and data["duur"] != Duur.ANDERS:
            self.add_error(
                "einddatum",
                "Een eigen einddatum geldt alleen bij 'Andere einddatum': kies die duur of maak "
                "de einddatum leeg.",
            )
        self._controleer_volumes(data)
        return data

    def _controleer_volumes(self, data) -> None:
        """Each volume fits its eenheid and frequentie (a total: the indication's period)."""
        try:
            ingang = data.get("ingangsdatum")
            eind = bereken_einddatum(ingang, data.get("duur"), data.get("einddatum"))
        except ValidationError:
            ingang = eind = None  # the period's own error comes from the service
        for product in self.producten:
            veld = f"volume_{product.pk}"
            eenheid, frequentie = self.omvang[product.pk]
            fout = volumefout(
                data.get(veld), eenheid, frequentie, ingangsdatum=ingang, einddatum=eind
            )
            if fout:
                self.add_error(veld, fout)

    def volumevelden(self):
        return [self[f"volume_{p.pk}"] for p in self.producten]

    @property
    def met_open_beschikking(self) -> bool:
        return "open_beschikking" in self.fields

    def producten_invoer(self) -> list[BeschiktProductInvoer]:
        return [
            BeschiktProductInvoer(product=p, volume=self.cleaned_data[f"volume_{p.pk}"])
            for p in self.producten
        ]
