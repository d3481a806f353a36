"""Demo data: the seeds' gemeenten, three aanbieders with contracts, users and 30 clients.

Idempotent: everything is looked up by its natural key first, so a second run changes nothing.
"""

import random
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from wmoketen.accounts.constants import ROLLEN_AANBIEDER, ROLLEN_GEMEENTE, Rol
from wmoketen.accounts.models import Gebruiker
from wmoketen.clienten import services as clienten
from wmoketen.clienten.models import Client
from wmoketen.organisaties import services as organisaties
from wmoketen.organisaties.constants import Declaratieregel, Uitvoeringsvariant
from wmoketen.organisaties.models import Aanbieder, Contract, Gemeente, Regio
from wmoketen.producten.models import Product
from wmoketen.termijnen.kalender import plus_werkdagen
from wmoketen.termijnen.services import laad_standaardregels
from wmoketen.trajecten import services as trajecten

WACHTWOORD = "Demo-wmoketen-2026"

GEMEENTEN = [("Leudal", "1640"), ("Nederweert", "0946"), ("Weert", "0988"), ("Almere", "0034")]
AANBIEDERS = [
    ("Zorggroep Maasland", "73730101", "14012345"),
    ("Begeleiding Op Maat", "73730202", "14023456"),
    ("Jeugd en Gezin Flevoland", "73730303", "39034567"),
]
ROL_NAAM = {
    Rol.TOEGANGSMEDEWERKER: "consulent",
    Rol.BACKOFFICE: "backoffice",
    Rol.AANBIEDER: "medewerker",
    Rol.CONTRACTMANAGER: "contractmanager",
    Rol.FUNCTIONEEL_BEHEERDER: "beheerder",
}
ACHTERNAMEN = [
    ("", "Jansen"),
    ("de", "Vries"),
    ("van den", "Berg"),
    ("", "Bakker"),
    ("", "Visser"),
    ("", "Smit"),
    ("", "Meijer"),
    ("de", "Boer"),
    ("", "Mulder"),
    ("de", "Groot"),
    ("", "Bos"),
    ("", "Peters"),
    ("", "Hendriks"),
    ("van", "Dijk"),
]
VOORNAMEN = [
    ("Maria", "2"),
    ("Johannes", "1"),
    ("Anna", "2"),
    ("Pieter", "1"),
    ("Sanne", "2"),
    ("Willem", "1"),
    ("Fatima", "2"),
    ("Mohamed", "1"),
    ("Lotte", "2"),
    ("Daan", "1"),
]
STRATEN = ["Markt", "Kerkstraat", "Molenweg", "Schoolstraat", "Dorpsstraat", "Stationsplein"]


@dataclass
class Login:
    organisatie: str
    rol: str
    gebruikersnaam: str


def bsn_reeks(rng: random.Random):
    """Valid BSNs (elfproef), deterministic for a given random generator."""
    while True:
        cijfers = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(7)]
        rest = sum(c * w for c, w in zip(cijfers, range(9, 1, -1), strict=True)) % 11
        if rest < 10:
            yield "".join(map(str, cijfers)) + str(rest)


def _gemeente(naam: str, code: str) -> Gemeente:
    return Gemeente.objects.filter(gemeentecode=code).first() or organisaties.registreer_gemeente(
        naam=naam, gemeentecode=code, acting_user=None
    )


def _aanbieder(naam: str, agb: str, kvk: str) -> Aanbieder:
    return Aanbieder.objects.filter(agb_code=agb).first() or organisaties.registreer_aanbieder(
        naam=naam, agb_code=agb, kvk_nummer=kvk, acting_user=None
    )


def _gebruikers(organisatie, rollen, prefix: str) -> list[Login]:
    logins = []
    for rol in rollen:
        naam = f"{prefix}.{ROL_NAAM[rol]}"
        if not Gebruiker.objects.filter(username=naam).exists():
            user = Gebruiker.objects.create_user(
                naam,
                f"{naam}@example.org",
                WACHTWOORD,
                organisatie=organisatie,
                first_name=ROL_NAAM[rol].capitalize(),
                last_name=organisatie.naam,
            )
            user.groups.add(Group.objects.get(name=rol.value))
        logins.append(Login(organisatie.naam, rol.label, naam))
    return logins


def _contract(kenmerk, aanbieder, producten, *, variant, regel, gemeente=None, regio=None):
    if Contract.objects.filter(kenmerk=kenmerk).exists():
        return
    contract = organisaties.sluit_contract(
        kenmerk=kenmerk,
        aanbieder=aanbieder,
        gemeente=gemeente,
        regio=regio,
        begindatum=date(2026, 1, 1),
        einddatum=date(2027, 12, 31),
        acting_user=None,
    )
    for product in producten:
        tarief = Decimal("68.50") if product.eenheid == "04" else Decimal("142.00")
        organisaties.voeg_contractregel_toe(
            contract,
            product=product,
            uitvoeringsvariant=variant,
            tarief=tarief,
            declaratieregel=regel,
            acting_user=None,
        )


def _client_gegevens(rng: random.Random, bsn: str, plaats: str) -> tuple[dict, dict]:
    voorvoegsel, achternaam = rng.choice(ACHTERNAMEN)
    voornaam, geslacht = rng.choice(VOORNAMEN)
    persoon = dict(
        bsn=bsn,
        geslachtsnaam=achternaam,
        voorvoegsel=voorvoegsel,
        voornamen=voornaam,
        voorletters=voornaam[0],
        geslacht=geslacht,
        geboortedatum=date(rng.randint(1935, 2015), rng.randint(1, 12), rng.randint(1, 28)),
    )
    adres = dict(
        soort="01",
        straatnaam=rng.choice(STRATEN),
        huisnummer=rng.randint(1, 120),
        postcode=f"{rng.randint(1000, 9999)}AB",
        plaatsnaam=plaats,
        telefoonnummer=f"06{rng.randint(10000000, 99999999)}",
    )
    return persoon, adres


def _clienten(organisatie, aantal: int, rng: random.Random, bsns, acting_user) -> None:
    plaats = organisatie.naam if organisatie.is_gemeente else "Weert"
    for _ in range(aantal):
        # Draw every random value first, so a second run walks the same sequence.
        persoon, adres = _client_gegevens(rng, next(bsns), plaats)
        if Client.objects.filter(organisatie=organisatie, bsn=persoon["bsn"]).exists():
            continue
        client = clienten.registreer_client(acting_user=acting_user, **persoon)
        clienten.voeg_contact_toe(client, acting_user=acting_user, **adres)


def _traject(gemeente, aanbieder) -> None:
    """One samenwerkingstraject with a task for the aanbieder: plan part 2 (seed 004)."""
    consulent = gemeente.gebruikers.get(username=f"{gemeente.naam.lower()}.consulent")
    client = Client.objects.voor_organisatie(gemeente).order_by("pk").first()
    if client.trajecten.exists():
        return
    traject = trajecten.start_traject(
        client=client,
        onderwerp="Ondersteuning bij zelfstandig wonen",
        wet="wmo",
        startdatum=timezone.localdate(),
        doelen="Zelfstandig blijven wonen; dagstructuur.",
        acting_user=consulent,
    )
    trajecten.voeg_aanbieder_toe(traject, aanbieder=aanbieder, acting_user=consulent)
    trajecten.maak_taak(
        traject,
        naam="Ondersteuningsplan deel 2 opstellen",
        soort="plan_deel_2",
        toegewezen_aan_organisatie=aanbieder,
        prioriteit="hoog",
        acting_user=consulent,
        vervaldatum=plus_werkdagen(timezone.localdate(), 10, gemeente=gemeente),
    )


@transaction.atomic
def laad_demo() -> list[Login]:
    call_command("loaddata", "producten", verbosity=0)
    gemeenten = [_gemeente(naam, code) for naam, code in GEMEENTEN]
    aanbieders = [_aanbieder(*a) for a in AANBIEDERS]
    mlw = Regio.objects.filter(naam="Midden-Limburg West").first() or organisaties.registreer_regio(
        naam="Midden-Limburg West", gemeenten=gemeenten[:3], acting_user=None
    )
    laad_standaardregels(acting_user=None)  # regional deadline rules for MLW and Almere
    wmo = Product.objects.filter(wet="wmo")
    _contract(
        "MLW-2026-001",
        aanbieders[0],
        wmo,
        regio=mlw,
        variant=Uitvoeringsvariant.INSPANNINGSGERICHT,
        regel=Declaratieregel.MIDDEN_LIMBURG_WEST,
    )
    _contract(
        "MLW-2026-002",
        aanbieders[1],
        wmo.filter(productcategorie="02"),
        regio=mlw,
        variant=Uitvoeringsvariant.INSPANNINGSGERICHT,
        regel=Declaratieregel.MIDDEN_LIMBURG_WEST,
    )
    _contract(
        "ALM-2026-001",
        aanbieders[1],
        wmo.exclude(productcategorie="04"),
        gemeente=gemeenten[3],
        variant=Uitvoeringsvariant.INSPANNINGSGERICHT,
        regel=Declaratieregel.ALMERE,
    )
    _contract(
        "ALM-2026-J01",
        aanbieders[2],
        Product.objects.filter(wet="jeugdwet"),
        gemeente=gemeenten[3],
        variant=Uitvoeringsvariant.INSPANNINGSGERICHT,
        regel=Declaratieregel.LANDELIJK,
    )

    logins = []
    for gemeente in gemeenten:
        logins += _gebruikers(gemeente, ROLLEN_GEMEENTE, gemeente.naam.lower())
    for aanbieder in aanbieders:
        logins += _gebruikers(aanbieder, ROLLEN_AANBIEDER, f"agb{aanbieder.agb_code}")

    rng = random.Random(1640)
    bsns = bsn_reeks(rng)
    for organisatie in [*gemeenten, *aanbieders]:
        consulent = organisatie.gebruikers.filter(
            groups__name__in=[Rol.TOEGANGSMEDEWERKER, Rol.AANBIEDER]
        ).first()
        _clienten(organisatie, 6 if organisatie.is_gemeente else 2, rng, bsns, consulent)
    _traject(gemeenten[0], aanbieders[0])
    return logins
