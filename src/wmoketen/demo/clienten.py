"""The demo's clients: six per gemeente and two per aanbieder, with valid BSNs drawn from one
seeded random generator (so a second run draws the same clients and adds none)."""

import random
from datetime import date

from wmoketen.accounts.constants import Rol
from wmoketen.clienten import services as clienten
from wmoketen.clienten.models import Client

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


def bsn_reeks(rng: random.Random):
    """Valid BSNs (elfproef), deterministic for a given random generator."""
    while True:
        cijfers = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(7)]
        rest = sum(c * w for c, w in zip(cijfers, range(9, 1, -1), strict=True)) % 11
        if rest < 10:
            yield "".join(map(str, cijfers)) + str(rest)


def client_gegevens(rng: random.Random, bsn: str, plaats: str) -> tuple[dict, dict]:
    """A client's personal details and address, drawn from ``rng``."""
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


def laad_clienten(organisaties, rng: random.Random, bsns) -> None:
    for organisatie in organisaties:
        consulent = organisatie.gebruikers.filter(
            groups__name__in=[Rol.TOEGANGSMEDEWERKER, Rol.AANBIEDER]
        ).first()
        _clienten(organisatie, 6 if organisatie.is_gemeente else 2, rng, bsns, consulent)


def _clienten(organisatie, aantal: int, rng: random.Random, bsns, acting_user) -> None:
    plaats = organisatie.naam if organisatie.is_gemeente else "Weert"
    for _ in range(aantal):
        # Draw every random value first, so a second run walks the same sequence.
        persoon, adres = client_gegevens(rng, next(bsns), plaats)
        if Client.objects.filter(organisatie=organisatie, bsn=persoon["bsn"]).exists():
            continue
        client = clienten.registreer_client(acting_user=acting_user, **persoon)
        clienten.voeg_contact_toe(client, acting_user=acting_user, **adres)
