"""Forms of the client pages: they collect input and give the Dutch errors on their fields;
the models (``clean``) and the services hold the rules a 301 puts on a client record."""

import re

from django import forms
from django.core.exceptions import ValidationError

from istandaarden.regels.cd import ADRESSOORT_MET_POSTCODE, ADRESSOORT_TIJDELIJK
from istandaarden.regels.cs import LANDCODE_NEDERLAND
from wmoketen.producten.codelijsten import choices, codes

from .models import Client, Contact, Relatie
from .validators import normaliseer_postcode, normaliseer_telefoon, normaliseer_voorletters

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
VEREIST = "Dit veld is vereist."


class ZoekForm(forms.Form):
    q = forms.CharField(
        label="Zoek op BSN, naam of geboortedatum (dd-mm-jjjj)", required=False, max_length=100
    )


def _keuze(lijst: str, leeg: bool = True, **kwargs) -> forms.ChoiceField:
    opties = ([("", "—")] if leeg else []) + choices(lijst)
    return forms.ChoiceField(choices=opties, required=not leeg, **kwargs)


class _PersoonForm(forms.ModelForm):
    """Name and birth data (CDT_VolledigeNaam, CDT_Geboortedatum) of a client or relatie. A
    birth date that cannot be is refused by the model (``Persoon.clean``), so by the services
    too."""

    geslacht = _keuze("COD046", leeg=False, label="Geslacht")
    naamgebruik = _keuze(
        "COD700",
        leeg=False,
        label="Naamgebruik",
        help_text="1 (eigen naam), tenzij een partnernaam is ingevuld.",
    )
    datumgebruik = _keuze(
        "COD170",
        label="Datumgebruik",
        help_text="Alleen als (een deel van) de geboortedatum onbekend is.",
    )

    # Longer than the 6 letters stored: "S. J. K." is typed with dots and spaces.
    voorletters = forms.CharField(
        label="Voorletters",
        max_length=20,
        required=False,
        help_text="Met of zonder punten: S.J. wordt SJ.",
    )

    GROEPEN: list[tuple[str, list[str]]] = []  # (legend, field names): the fieldsets

    def clean_voorletters(self) -> str:
        return normaliseer_voorletters(self.cleaned_data["voorletters"])

    def gegevens(self) -> dict:
        """The cleaned fields, as the service takes them."""
        return {veld: self.cleaned_data[veld] for veld in self._meta.fields}

    def groepen(self):
        return _groepen(self)


def _groepen(form):
    """(legend, bound fields) per group of ``form.GROEPEN``, for a form in fieldsets."""
    for legenda, namen in form.GROEPEN:
        velden = [form[naam] for naam in namen if naam in form.fields]
        if velden:
            yield legenda, velden


NAAMVELDEN = [
    "voorletters",
    "voornamen",
    "voorvoegsel",
    "geslachtsnaam",
    "partnervoorvoegsel",
    "partnernaam",
    "naamgebruik",
]
GEBOORTEVELDEN = ["geboortedatum", "datumgebruik", "geslacht"]
PERSOONSVELDEN = NAAMVELDEN + GEBOORTEVELDEN


class ClientForm(_PersoonForm):
    communicatievorm = _keuze(
        "COD747", label="Communicatievorm", help_text="Alleen als de cliënt een tolk nodig heeft."
    )
    communicatietaal = forms.CharField(
        label="Taal",
        max_length=25,
        required=False,
        help_text="De taal van de tolk, bij communicatievorm 1 (tolk taal).",
    )
    juridische_status = _keuze("WJ232", label="Juridische status (Jeugdwet)")
    wettelijke_vertegenwoordiging = _keuze("WJ003", label="Wettelijke vertegenwoordiging")

    GROEPEN = [
        ("Naam", ["bsn", *NAAMVELDEN]),
        ("Geboorte en geslacht", GEBOORTEVELDEN),
        ("Communicatie", ["communicatievorm", "communicatietaal"]),
        ("Jeugdwet en vertegenwoordiging", ["juridische_status", "wettelijke_vertegenwoordiging"]),
    ]

    class Meta:
        model = Client
        fields = [
            "bsn",
            *PERSOONSVELDEN,
            "communicatievorm",
            "communicatietaal",
            "juridische_status",
            "wettelijke_vertegenwoordiging",
        ]
        widgets = {"geboortedatum": DATUM}

    def __init__(self, *args, organisatie=None, **kwargs):
        super().__init__(*args, **kwargs)
        # The organisation is not a form field; set it so the unique BSN check can run.
        if organisatie is not None:
            self.instance.organisatie = organisatie

    def clean_bsn(self) -> str:
        return self.cleaned_data["bsn"].strip()


class RelatieForm(_PersoonForm):
    soort = forms.ChoiceField(label="Soort relatie", choices=[("", "—"), *choices("COD472")])
    volgorde = forms.IntegerField(
        label="Volgorde",
        min_value=1,
        max_value=99,
        required=False,
        help_text="Wie het eerst benaderd wordt: 1 eerst, dan 2 …",
    )

    GROEPEN = [
        ("Relatie", ["soort", "volgorde"]),
        ("Naam", NAAMVELDEN),
        ("Geboorte en geslacht", GEBOORTEVELDEN),
    ]

    class Meta:
        model = Relatie
        fields = ["soort", "volgorde", *PERSOONSVELDEN]
        widgets = {"geboortedatum": DATUM}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        hulp = "1 (eigen naam), of 6 voor een organisatie; met een partnernaam 1 tot en met 4."
        self.fields["naamgebruik"].help_text = hulp


def _landen() -> list[tuple[str, str]]:
    landen = sorted(
        ((code, naam.title().replace(" En ", " en ")) for code, naam in codes("COD032").items()),
        key=lambda land: (land[0] != LANDCODE_NEDERLAND, land[1]),
    )
    return [(code, f"{naam} ({code})") for code, naam in landen]


# The address form's fieldsets; their fields are the form's fields.
ADRESGROEPEN = [
    (
        "Adres",
        [
            "soort",
            "straatnaam",
            "huisnummer",
            "huisletter",
            "huisnummertoevoeging",
            "aanduiding_woonadres",
            "postcode",
            "plaatsnaam",
            "landcode",
            "organisatienaam",
        ],
    ),
    (
        "Telefoon en e-mail",
        ["telefoonnummer", "telefoonnummer2", "telefoon_landnummer", "emailadres"],
    ),
    ("Geldigheid", ["begindatum", "einddatum"]),
]


class AdresForm(forms.ModelForm):
    """One contact: an address (BRP, correspondentie, verblijf, tijdelijk verblijf: COD757)
    with phone and e-mail, as the 301 carries it. Shared by the client pages and the 315
    route (``verzoeken``), which records the BRP address with a fixed ``soort``.

    A Dutch postcode is stored as the 301 needs it (1234AB); a foreign address (land other
    than NL) has no Dutch postcode check. Phone numbers keep only their digits."""

    soort = _keuze("COD757", leeg=False, label="Soort adres")
    straatnaam = forms.CharField(label="Straat", max_length=24, required=False)
    huisnummer = forms.IntegerField(label="Huisnummer", min_value=1, required=False)
    huisletter = forms.CharField(label="Huisletter", max_length=1, required=False)
    huisnummertoevoeging = forms.CharField(label="Toevoeging", max_length=4, required=False)
    aanduiding_woonadres = _keuze(
        "NUM061",
        label="Aanduiding bij huisnummer",
        help_text="Bijvoorbeeld 'tegenover' of 'woonwagen'.",
    )
    postcode = forms.CharField(
        label="Postcode", max_length=8, required=False, help_text="Nederlands: 1234 AB."
    )
    plaatsnaam = forms.CharField(label="Plaats", max_length=80, required=False)
    landcode = forms.ChoiceField(label="Land", choices=_landen, required=False)
    organisatienaam = forms.CharField(
        label="Organisatie",
        max_length=35,
        required=False,
        help_text="Bijvoorbeeld het kantoor van een bewindvoerder of een instelling.",
    )
    telefoonnummer = forms.CharField(label="Telefoon", max_length=20, required=False)
    telefoonnummer2 = forms.CharField(label="Telefoon 2", max_length=20, required=False)
    telefoon_landnummer = forms.CharField(
        label="Landnummer telefoon",
        max_length=4,
        required=False,
        help_text="0031 voor Nederland.",
    )
    emailadres = forms.EmailField(label="E-mailadres", max_length=80, required=False)
    begindatum = forms.DateField(
        label="Geldig van",
        required=False,
        widget=DATUM,
        help_text="Alleen bij een tijdelijk verblijfadres (04).",
    )
    einddatum = forms.DateField(
        label="Geldig tot en met",
        required=False,
        widget=DATUM,
        help_text="Bij een tijdelijk verblijfadres (04); een ander adres beëindigt u met een "
        "datum vóór vandaag.",
    )

    GROEPEN = ADRESGROEPEN

    class Meta:
        model = Contact
        fields = [veld for _, velden in ADRESGROEPEN for veld in velden]

    # The address as the BRP gives it (the 315 route asks only this).
    BRP_VELDEN = (
        "straatnaam",
        "huisnummer",
        "huisletter",
        "huisnummertoevoeging",
        "aanduiding_woonadres",
        "postcode",
        "plaatsnaam",
    )

    def __init__(
        self,
        *args,
        soort: str | None = None,
        met_periode: bool = True,
        velden: tuple[str, ...] | None = None,
        **kwargs,
    ):
        """``soort``: a fixed soort (no choice); ``met_periode``: with the validity dates;
        ``velden``: only these fields (the others keep their stored or default value)."""
        super().__init__(*args, **kwargs)
        self.vaste_soort = soort
        weg = {"soort"} if soort is not None else set()
        if not met_periode or (soort is not None and soort != ADRESSOORT_TIJDELIJK):
            weg |= {"begindatum", "einddatum"}
        if velden is not None:
            weg |= set(self.fields) - set(velden)
        for veld in weg:
            del self.fields[veld]
        if soort is not None:  # e.g. the 315 route: the BRP address
            self.instance.soort = soort
        if soort in ADRESSOORT_MET_POSTCODE:
            for veld in self._verplicht(LANDCODE_NEDERLAND):
                if veld in self.fields:
                    self.fields[veld].required = True
        if self.instance.pk is None:
            self.initial.setdefault("landcode", LANDCODE_NEDERLAND)
            self.initial.setdefault("telefoon_landnummer", "0031")

    def _post_clean(self):
        # The model's rules (Contact.clean) run after the form's; a field the form already
        # refused keeps only the form's error, not a second one about the same input.
        eigen = {veld: list(fouten) for veld, fouten in self.errors.items()}
        super()._post_clean()
        for veld, fouten in eigen.items():
            self._errors[veld] = self.error_class(fouten)

    def clean_landcode(self) -> str:
        return self.cleaned_data["landcode"] or LANDCODE_NEDERLAND

    def clean_huisletter(self) -> str:
        letter = self.cleaned_data["huisletter"].strip()
        if letter and not (letter.isascii() and letter.isalpha()):
            raise ValidationError("De huisletter is één letter, zoals A.")
        return letter

    def clean_huisnummertoevoeging(self) -> str:
        toevoeging = self.cleaned_data["huisnummertoevoeging"].strip()
        if toevoeging and not re.fullmatch(r"[A-Za-z0-9]{1,4}", toevoeging):
            raise ValidationError("De toevoeging bestaat uit ten hoogste 4 letters of cijfers.")
        return toevoeging

    def _telefoon(self, veld: str) -> str:
        nummer = normaliseer_telefoon(self.cleaned_data[veld])
        if nummer and not re.fullmatch(r"[0-9]{1,15}", nummer):
            raise ValidationError(
                "Een telefoonnummer bestaat uit ten hoogste 15 cijfers (spaties en streepjes "
                "mogen); het landnummer vult u apart in."
            )
        return nummer

    def clean_telefoonnummer(self) -> str:
        return self._telefoon("telefoonnummer")

    def clean_telefoonnummer2(self) -> str:
        return self._telefoon("telefoonnummer2")

    def clean_telefoon_landnummer(self) -> str:
        nummer = normaliseer_telefoon(self.cleaned_data["telefoon_landnummer"]).replace("+", "00")
        if nummer and not re.fullmatch(r"[0-9]{1,4}", nummer):
            raise ValidationError("Een landnummer bestaat uit cijfers, zoals 0031.")
        return nummer or "0031"

    def clean(self):
        data = super().clean()
        soort = self.vaste_soort or data.get("soort")
        land = data.get("landcode") or LANDCODE_NEDERLAND
        if data.get("postcode"):
            try:
                data["postcode"] = normaliseer_postcode(data["postcode"], land)
            except ValidationError as fout:
                self.add_error("postcode", fout)
        if soort in ADRESSOORT_MET_POSTCODE:
            for veld in self._verplicht(land):
                if veld in self.fields and veld not in self.errors and not data.get(veld):
                    self.add_error(veld, VEREIST)
        if data.get("telefoonnummer2") and not data.get("telefoonnummer"):
            self.add_error("telefoonnummer", "Vul eerst het eerste telefoonnummer in.")
        return data

    def groepen(self):
        return _groepen(self)

    @staticmethod
    def _verplicht(land: str) -> list[str]:
        """A BRP or verblijfadres is a whole address (abroad perhaps without a number)."""
        nodig = ["straatnaam", "postcode", "plaatsnaam"]
        return nodig + (["huisnummer"] if land == LANDCODE_NEDERLAND else [])

    def gegevens(self) -> dict:
        """The cleaned fields, as ``voeg_contact_toe`` / ``wijzig_contact`` take them."""
        velden = {veld: self.cleaned_data[veld] for veld in self.fields}
        if self.vaste_soort is not None:
            velden["soort"] = self.vaste_soort
        return velden


class BeeindigForm(forms.Form):
    einddatum = forms.DateField(
        label="Geldig tot en met",
        widget=DATUM,
        help_text="De laatste dag dat het adres gold; bij een verhuizing de dag vóór de "
        "verhuisdatum.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, prefix="einde", **kwargs)
