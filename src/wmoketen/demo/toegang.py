"""The gemeenten's clients walked through the toegang route, so that every step has cases
waiting (some overdue) and WMO301 and JW301 messages have been sent; then the outcomes without
a toekenning (``laad_afhandeling``). Two clients get huishoudelijke ondersteuning, one per
uitvoeringsvariant (``HUISHOUDELIJK``)."""

from datetime import date, timedelta

from django.utils import timezone

from wmoketen.accounts.constants import Rol
from wmoketen.clienten.models import Client
from wmoketen.organisaties.models import Aanbieder
from wmoketen.producten.models import Product
from wmoketen.stromen.beschikking import neem_beschikking
from wmoketen.toegang import afhandeling
from wmoketen.toegang import services as toegang
from wmoketen.toegang.constants import GESTOPT, Levensdomein, MeldingStatus
from wmoketen.toegang.models import Melding

from .contracten import HO_INSPANNING, HO_OUTPUT
from .gebruikers import gebruiker

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
# aanbieder asks for the allocation with a WMO315 (``verzoeken``).
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


def laad_toegang(gemeenten) -> None:
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


def laad_afhandeling() -> None:
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
        acting_user=gebruiker(aanvraag.gemeente, Rol.BACKOFFICE),
    )
    ingetrokken = eerste(MeldingStatus.OPDRACHT_DEEL_2)
    afhandeling.registreer_intrekking(
        ingetrokken,
        reden="Cliënt belde: de buren helpen nu, hij wil geen ondersteuning meer.",
        acting_user=gebruiker(ingetrokken.gemeente, Rol.TOEGANGSMEDEWERKER),
    )
    stil = eerste(MeldingStatus.ONTVANGEN)
    afhandeling.stel_buiten_behandeling(
        stil,
        reden="Drie keer gebeld en een brief gestuurd: geen reactie.",
        acting_user=gebruiker(stil.gemeente, Rol.TOEGANGSMEDEWERKER),
    )


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
    consulent = gebruiker(gemeente, Rol.TOEGANGSMEDEWERKER)
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
    medewerker = gebruiker(aanbieder, Rol.AANBIEDER)
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
    neem_beschikking(
        plan,
        producten=[toegang.BeschiktProductInvoer(product, volume)],
        ingangsdatum=op(21),
        duur="1j",
        motivering="De ondersteuning is nodig om de resultaten van het plan te bereiken.",
        dagtekening=op(20),
        acting_user=gebruiker(gemeente, Rol.BACKOFFICE),
        open_beschikking=open_beschikking,
    )
