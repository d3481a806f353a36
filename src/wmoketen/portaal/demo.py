"""Demo data: the seeds' gemeenten, three aanbieders with contracts, users and 30 clients, and
the gemeenten's clients walked through the toegang route (``_toegang``), so that every step
has cases waiting (some overdue) and WMO301 and JW301 messages have been sent; then the
aanbieders start, pause, restart and stop some of those allocations (``_leveringen``), so the
demo holds 301/302/305/306/307/308 for both the Wmo and the Jeugdwet, all exchanged through
the real pipeline (internal transport), and the waiting list has started, paused, stopped and
waiting allocations. Then the aanbieders' requests (``verzoeken.demo``: 315/316, 317/318,
319/320 for both laws) and one mutation (an aanbieder switch in Leudal); every beschikking
has its evaluations planned (``evaluaties``). Two clients get huishoudelijke ondersteuning,
one per uitvoeringsvariant (``HUISHOUDELIJK``).

Idempotent: everything is looked up by its natural key first, so a second run changes nothing.
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import partial

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from wmoketen.accounts.constants import ROLLEN_AANBIEDER, ROLLEN_GEMEENTE, Rol
from wmoketen.accounts.models import Gebruiker
from wmoketen.berichten.constants import Status as BerichtStatus
from wmoketen.berichten.constants import Transport
from wmoketen.berichten.models import Bericht
from wmoketen.berichten.services import verwerk
from wmoketen.clienten import services as clienten
from wmoketen.clienten.models import Client
from wmoketen.mutaties import services as mutaties
from wmoketen.mutaties.models import Mutatie
from wmoketen.organisaties import services as organisaties
from wmoketen.organisaties.constants import Declaratieregel, Uitvoeringsvariant
from wmoketen.organisaties.models import Aanbieder, Contract, Gemeente, Regio
from wmoketen.producten.models import Product
from wmoketen.termijnen.kalender import plus_werkdagen
from wmoketen.termijnen.services import laad_standaardregels
from wmoketen.toegang import afhandeling
from wmoketen.toegang import services as toegang
from wmoketen.toegang.constants import GESTOPT, Levensdomein, MeldingStatus
from wmoketen.toegang.models import Melding
from wmoketen.toewijzingen import levering as leveringen
from wmoketen.toewijzingen.models import AanbiederToewijzing, Toewijzing
from wmoketen.trajecten import services as trajecten
from wmoketen.verzoeken.demo import laad_verzoeken

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


# Huishoudelijke ondersteuning (productcategorie 01) comes in two variants: Midden-Limburg West
# contracts the outputgericht one (a result per month), Almere the inspanningsgericht one
# (hours per week).
HO_INSPANNING, HO_OUTPUT = "01A01", "01A02"
# A line in stuks (output) or euro's is outputgericht (iWmo 3.2, uitvoeringsvarianten).
OUTPUT_EENHEDEN = {"82", "83"}
TARIEVEN = {HO_INSPANNING: Decimal("36.80"), HO_OUTPUT: Decimal("168.00")}


def _tarief(product) -> Decimal:
    if product.productcode in TARIEVEN:
        return TARIEVEN[product.productcode]
    return Decimal("68.50") if product.eenheid == "04" else Decimal("142.00")


def _contract(kenmerk, aanbieder, producten, *, regel, gemeente=None, regio=None):
    """The contract with a line per product; a line missing from an earlier run is added, so
    a database loaded before a product joined the catalogue gets it too."""
    contract = Contract.objects.filter(kenmerk=kenmerk).first() or organisaties.sluit_contract(
        kenmerk=kenmerk,
        aanbieder=aanbieder,
        gemeente=gemeente,
        regio=regio,
        # Around the demo's own dates, which run up to today: from 1 January of last year
        # to 31 December of next year.
        begindatum=date(timezone.localdate().year - 1, 1, 1),
        einddatum=date(timezone.localdate().year + 1, 12, 31),
        acting_user=None,
    )
    for product in producten.exclude(contractregels__contract=contract):
        organisaties.voeg_contractregel_toe(
            contract,
            product=product,
            uitvoeringsvariant=(
                Uitvoeringsvariant.OUTPUTGERICHT
                if product.eenheid in OUTPUT_EENHEDEN
                else Uitvoeringsvariant.INSPANNINGSGERICHT
            ),
            tarief=_tarief(product),
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


# The toegang route per gemeente: for each of its six clients (by pk) the step the case
# reached and how many days ago the melding came in (long ago: its deadlines are overdue).
# Stages: 0 melding, 1 huisbezoek gepland, 2 plan deel 1, 3 opdracht deel 2 (at the aanbieder),
# 4 deel 2 gereed (akkoord waits), 5 aanvraag (beschikking waits), 6 beschikt with the 301.
ROUTE = {
    "1640": [(0, 14), (1, 3), (2, 10), (3, 30), (4, 20), (6, 30)],
    "0946": [(5, 40), (6, 35), (6, 28), (3, 12), (0, 1), (2, 8)],
    "0988": [(6, 45), (6, 25), (5, 18), (4, 16), (1, 35), (3, 9)],
    "0034": [(6, 40), (6, 30), (3, 27), (6, 24), (5, 60), (0, 9)],  # first three: Jeugdwet
}
JEUGD = {"0034": 3}
# Beschikte clients whose beschikking is open (Weert works with open beschikkingen): their
# aanbieder asks for the allocation with a WMO315 (verzoeken.demo).
OPEN_BESCHIKKING = {("0988", 1)}
AANBIEDER_VOOR = {"1640": "73730101", "0946": "73730202", "0988": "73730101", "0034": "73730202"}
JEUGDAANBIEDER = "73730303"
# Clients decided for huishoudelijke ondersteuning: (gemeentecode, index in ROUTE) →
# (productcode, volume, AGB-code of the aanbieder). Nederweert's client gets one result a month
# from Zorggroep Maasland (waiting for the start), Almere's three hours a week (started).
HUISHOUDELIJK = {
    ("0946", 2): (HO_OUTPUT, 1, "73730101"),
    ("0034", 3): (HO_INSPANNING, 3, "73730202"),
}
# Plan part 2 per productcategorie: (aard, activiteiten, frequentie); begeleiding otherwise.
DEEL_2 = {"01": ("ondersteuning", "Schoonmaken van de woning en de was.", "1x per week")}
DEEL_2_BEGELEIDING = ("activering", "Begeleiding bij dagstructuur.", "2x per week")
PROFIEL = {
    "veiligheid": "B",
    "balans": "C",
    "afstand": "C",
    "zelfredzaamheid": "B",
    "cooperatie": "B",
}


def _gebruiker(organisatie, rol: Rol) -> Gebruiker:
    prefix = (
        organisatie.naam.lower()
        if organisatie.is_gemeente
        else f"agb{organisatie.aanbieder.agb_code}"
    )
    return Gebruiker.objects.get(username=f"{prefix}.{ROL_NAAM[rol]}")


def _voorziening(gemeente, index: int, wet: str) -> tuple[Aanbieder, Product, int]:
    """The aanbieder, product and volume a route client is decided for."""
    if ho := HUISHOUDELIJK.get((gemeente.gemeentecode, index)):
        code, volume, agb = ho
        product = Product.objects.get(wet="wmo", productcode=code)
        return Aanbieder.objects.get(agb_code=agb), product, volume
    jeugd = wet == "jeugdwet"
    aanbieder = Aanbieder.objects.get(
        agb_code=JEUGDAANBIEDER if jeugd else AANBIEDER_VOOR[gemeente.gemeentecode]
    )
    product = Product.objects.filter(wet=wet, productcategorie="45" if jeugd else "02").order_by(
        "productcode"
    )
    product = product.first() or Product.objects.filter(wet=wet).order_by("productcode").first()
    return aanbieder, product, 3


def _loop_route(
    client, gemeente, wet: str, stap: int, dagen: int, *, index: int, open_beschikking=False
) -> None:
    """Walk one client (``index`` in ROUTE) to ``stap`` with A's services, the melding
    ``dagen`` days ago; an open beschikking sends no 301 (the aanbieder asks for the allocation
    with a WMO315)."""
    consulent = _gebruiker(gemeente, Rol.TOEGANGSMEDEWERKER)
    aanbieder, product, volume = _voorziening(gemeente, index, wet)
    start = timezone.localdate() - timedelta(days=dagen)

    def op(n: int) -> date:
        return min(start + timedelta(days=n), timezone.localdate())

    melding = toegang.registreer_melding(
        client=client, wet=wet, ontvangen_op=start, kanaal="telefonisch", acting_user=consulent
    )
    if stap < 1:
        return
    toegang.plan_huisbezoek(melding, datum=op(3), op=op(1), acting_user=consulent)
    domeinen = [
        toegang.DomeinInvoer(d, 2 + i % 3, "Redt dit niet alleen" if i % 3 == 0 else "")
        for i, d in enumerate(Levensdomein.values)
    ]
    toegang.leg_onderzoek_vast(
        melding, domeinen=domeinen, netwerk="Familie in de buurt", acting_user=consulent
    )
    if stap < 2:
        return
    toegang.onderzoek_afronden(
        melding,
        verslag="Huisbezoek en gesprek met cliënt en familie; zie de scores per levensdomein.",
        ondertekend_door_client_op=op(7),
        op=op(7),
        acting_user=consulent,
    )
    plan = toegang.stel_plan_deel_1_op(
        melding,
        resultaatgebieden=[
            toegang.ResultaatgebiedInvoer("tijdsbesteding", "Een zinvolle dagbesteding."),
            toegang.ResultaatgebiedInvoer("huisvesting", "Het huishouden op orde houden."),
        ],
        acting_user=consulent,
    )
    if stap < 3:
        return
    toegang.beoordeel_profiel(plan, scores=PROFIEL, acting_user=consulent)
    toegang.leg_toestemming_vast(
        plan, toestemming=True, ondertekend_op=op(7), acting_user=consulent
    )
    toegang.geef_opdracht_deel_2(
        plan, aanbieder=aanbieder, producten=[product], op=op(8), acting_user=consulent
    )
    if stap < 4:
        return
    medewerker = _gebruiker(aanbieder, Rol.AANBIEDER)
    aard, activiteiten, frequentie = DEEL_2.get(product.productcategorie, DEEL_2_BEGELEIDING)
    toegang.vul_deel_2_in(
        plan,
        resultaatgebieden=[
            toegang.Deel2Invoer(r, aard, activiteiten, frequentie, op(20))
            for r in plan.resultaatgebieden.all()
        ],
        acting_user=medewerker,
    )
    toegang.deel_2_gereed(
        plan,
        client_ondertekend_op=op(15),
        aanbieder_ondertekend_op=op(15),
        op=op(15),
        acting_user=medewerker,
    )
    if stap < 5:
        return
    toegang.keur_goed(plan, op=op(16), acting_user=consulent)
    if stap < 6:
        return
    toegang.neem_beschikking(
        plan,
        producten=[toegang.BeschiktProductInvoer(product, volume)],
        ingangsdatum=op(21),
        duur="1j",
        motivering="De ondersteuning is nodig om de resultaten van het plan te bereiken.",
        dagtekening=op(20),
        acting_user=_gebruiker(gemeente, Rol.BACKOFFICE),
        open_beschikking=open_beschikking,
    )


def _toegang(gemeenten) -> None:
    """Walk each gemeente's clients through the route (clients with a melding are skipped)."""
    for gemeente in gemeenten:
        clienten_ = Client.objects.voor_organisatie(gemeente).order_by("pk")
        for i, (client, (stap, dagen)) in enumerate(
            zip(clienten_, ROUTE[gemeente.gemeentecode], strict=False)
        ):
            if client.meldingen.exists():
                continue
            wet = "jeugdwet" if i < JEUGD.get(gemeente.gemeentecode, 0) else "wmo"
            open_ = (gemeente.gemeentecode, i) in OPEN_BESCHIKKING
            _loop_route(client, gemeente, wet, stap, dagen, index=i, open_beschikking=open_)


def _afhandeling() -> None:
    """The outcomes without a toekenning, one each: an aanvraag refused, a melding withdrawn
    during plan part 2, and one set aside before the home visit."""

    if Melding.objects.filter(status__in=GESTOPT).exists():
        return  # loaded before

    def eerste(status):
        return Melding.objects.filter(status=status, wet="wmo").order_by("pk").first()

    aanvraag = eerste(MeldingStatus.AANGEVRAAGD)
    afhandeling.wijs_af(
        aanvraag.plan,
        motivering="Een voorliggende voorziening (de dagbesteding in de wijk) past bij de "
        "resultaten; maatwerk is niet nodig.",
        acting_user=_gebruiker(aanvraag.gemeente, Rol.BACKOFFICE),
    )
    ingetrokken = eerste(MeldingStatus.OPDRACHT_DEEL_2)
    afhandeling.registreer_intrekking(
        ingetrokken,
        reden="Cliënt belde: de buren helpen nu, hij wil geen ondersteuning meer.",
        acting_user=_gebruiker(ingetrokken.gemeente, Rol.TOEGANGSMEDEWERKER),
    )
    stil = eerste(MeldingStatus.ONTVANGEN)
    afhandeling.stel_buiten_behandeling(
        stil,
        reden="Drie keer gebeld en een brief gestuurd: geen reactie.",
        acting_user=_gebruiker(stil.gemeente, Rol.TOEGANGSMEDEWERKER),
    )


def _bezorg_intern() -> None:
    """Run the receiving side's pipeline now for every message sent inside the installation.

    Normally that happens after the commit (Celery); the demo runs in one transaction and
    needs the 301 received before the aanbieder can start. A later delivery of the same
    message is a no-op (only a message still *verzonden* is processed).
    """
    while True:
        wachtend = list(
            Bericht.objects.filter(
                transport=Transport.INTERN, status=BerichtStatus.VERZONDEN
            ).order_by("pk")
        )
        if not wachtend:
            return
        for bericht in wachtend:
            verwerk(bericht)


# What the aanbieder did with the allocation of a beschikte client: (gemeentecode, index of
# the client in ROUTE) → steps (start / pauze / stop, days after the ingangsdatum, reden).
# The other beschikte clients wait for a start (the waiting list).
LEVERINGEN = {
    ("0988", 0): [("start", 1), ("pauze", 6), ("start", 12), ("stop", 20, "19")],  # gestopt
    ("0946", 1): [("start", 2), ("pauze", 6)],  # gepauzeerd
    ("1640", 5): [("start", 1)],  # gestart
    ("0034", 3): [("start", 3)],  # huishoudelijke ondersteuning, gestart
    ("0034", 0): [("start", 1), ("pauze", 4), ("start", 9), ("stop", 15, "31")],  # Jeugd, gestopt
    ("0034", 1): [("start", 1)],  # Jeugd, gestart
}


def _leveringen(gemeenten) -> None:
    """The aanbieders' starts, pauses and stops (305/307 → 306/308), once per allocation."""
    for gemeente in gemeenten:
        clienten_ = list(Client.objects.voor_organisatie(gemeente).order_by("pk"))
        for (code, index), stappen in LEVERINGEN.items():
            if code != gemeente.gemeentecode or index >= len(clienten_):
                continue
            toewijzing = (
                AanbiederToewijzing.objects.filter(
                    gemeente_id=gemeente.pk, client__bsn=clienten_[index].bsn
                )
                .select_related("aanbieder")
                .first()
            )
            if toewijzing is None or toewijzing.leveringen.exists():
                continue
            medewerker = _gebruiker(toewijzing.aanbieder, Rol.AANBIEDER)
            for soort, dagen, *reden in stappen:
                op = min(toewijzing.ingangsdatum + timedelta(days=dagen), timezone.localdate())
                if soort == "start":
                    leveringen.registreer_start(toewijzing, startdatum=op, acting_user=medewerker)
                elif soort == "pauze":
                    leveringen.registreer_pauze(toewijzing, einddatum=op, acting_user=medewerker)
                else:
                    leveringen.registreer_stop(
                        toewijzing, einddatum=op, reden=reden[0], acting_user=medewerker
                    )
                _bezorg_intern()


@transaction.atomic
def laad_demo() -> list[Login]:
    call_command("loaddata", "producten", verbosity=0)
    gemeenten = [_gemeente(naam, code) for naam, code in GEMEENTEN]
    organisaties.stel_open_beschikkingen_in(gemeenten[2], open_beschikkingen=True, acting_user=None)
    aanbieders = [_aanbieder(*a) for a in AANBIEDERS]
    mlw = Regio.objects.filter(naam="Midden-Limburg West").first() or organisaties.registreer_regio(
        naam="Midden-Limburg West", gemeenten=gemeenten[:3], acting_user=None
    )
    laad_standaardregels(acting_user=None)  # regional deadline rules for MLW and Almere
    wmo = Product.objects.filter(wet="wmo")
    _contract(
        "MLW-2026-001",
        aanbieders[0],
        wmo.exclude(productcode=HO_INSPANNING),
        regio=mlw,
        regel=Declaratieregel.MIDDEN_LIMBURG_WEST,
    )
    _contract(
        "MLW-2026-002",
        aanbieders[1],
        wmo.filter(productcategorie="02"),
        regio=mlw,
        regel=Declaratieregel.MIDDEN_LIMBURG_WEST,
    )
    _contract(
        "ALM-2026-001",
        aanbieders[1],
        wmo.exclude(productcategorie="04").exclude(productcode=HO_OUTPUT),
        gemeente=gemeenten[3],
        regel=Declaratieregel.ALMERE,
    )
    _contract(
        "ALM-2026-J01",
        aanbieders[2],
        Product.objects.filter(wet="jeugdwet"),
        gemeente=gemeenten[3],
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
    _toegang(gemeenten)
    _afhandeling()
    _bezorg_intern()  # the 301s reach the aanbieders, their 302s come back
    _leveringen(gemeenten)
    laad_verzoeken(partial(_client_gegevens, rng, ""), bsns, _gebruiker, _bezorg_intern)
    _aanbiederswissel(gemeenten[0])
    return logins


def _aanbiederswissel(gemeente) -> None:
    """One mutation (Leudal): a client whose care started moves to another aanbieder in two
    weeks; the old aanbieder's allocation ends (301, reden 09), the new one gets a 301."""
    if Mutatie.objects.exists():
        return
    vandaag = timezone.localdate()
    nieuw = Aanbieder.objects.get(agb_code="73730202")
    toewijzing = (
        Toewijzing.objects.actueel(vandaag)
        .filter(gemeente=gemeente, aanbieder__agb_code="73730101", product__productcategorie="02")
        .exclude(einddatum__lt=vandaag + timedelta(days=14))
        .order_by("pk")
        .first()
    )
    if toewijzing is None:
        return
    mutaties.wissel_aanbieder(
        toewijzing,
        nieuwe_aanbieder=nieuw,
        datum=vandaag + timedelta(days=14),
        toelichting="De cliënt kiest een aanbieder dichter bij huis.",
        acting_user=_gebruiker(gemeente, Rol.BACKOFFICE),
    )
    _bezorg_intern()
