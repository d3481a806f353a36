"""Each billing regime on at least one contract line of the demo (docs/regimes.md).

``laad_contracten`` gives a contract's regional declaratieregel only to the lines the regime
matrix allows it on (frequentie per maand): so Midden-Limburg West applies to the regio's
per-maand lines (huishoudelijke ondersteuning outputgericht, kortdurend verblijf) and the
national rule to its per-week lines and the Jeugdwet contract. Almere's own contract holds only
per-week products, so here it also contracts huishoudelijke ondersteuning outputgericht (a
result a month) under the Almere rule. Taakgericht (a budget) is ``budgetten``'s demo.

``laad_regime_declaraties`` then declares each regional regime: a client of Nederweert
(Midden-Limburg West) and one of Almere get huishoudelijke ondersteuning outputgericht from
the 1st of a past month, the aanbieder starts (and at Nederweert stops) mid-month, and
declares last month with the regime's proposal; the gemeente answers, so its received
declaration shows the column *Verwacht (regime)*. The national rule is declared by
``declaraties`` (Weert, Almere's Jeugdwet, Nederweert's begeleiding).

Once: a second run changes nothing.
"""

import random
from datetime import date, timedelta

from django.utils import timezone

from wmoketen.accounts.constants import Rol
from wmoketen.clienten import services as clienten
from wmoketen.clienten.models import Client
from wmoketen.declaraties import beantwoorden, indienen, voorstel
from wmoketen.declaraties.models import OntvangenDeclaratie
from wmoketen.declaraties.perioden import maand_van
from wmoketen.declaraties.regimes import regime_voor
from wmoketen.organisaties import contracten
from wmoketen.organisaties.constants import Declaratieregel, Uitvoeringsvariant
from wmoketen.organisaties.models import Aanbieder, Contract, Contractregel, Gemeente
from wmoketen.producten.models import Product
from wmoketen.toewijzingen import levering as leveringen
from wmoketen.toewijzingen import services as toewijzingen
from wmoketen.toewijzingen.models import AanbiederToewijzing

from .berichten import bezorg_intern
from .clienten import bsn_reeks, client_gegevens
from .contracten import HO_OUTPUT, TARIEVEN
from .gebruikers import gebruiker

ALMERE_CONTRACT = "ALM-2026-001"


def laad_regimes() -> None:
    contract = Contract.objects.filter(kenmerk=ALMERE_CONTRACT).first()
    if contract is None or contract.regels.filter(product__productcode=HO_OUTPUT).exists():
        return
    product = Product.objects.filter(wet="wmo", productcode=HO_OUTPUT).latest("geldig_van")
    contracten.voeg_contractregel_toe(
        contract,
        product=product,
        uitvoeringsvariant=Uitvoeringsvariant.OUTPUTGERICHT,
        tarief=TARIEVEN[HO_OUTPUT],
        declaratieregel=Declaratieregel.ALMERE,
        acting_user=None,
    )


def regimes_per_regel() -> dict[str, list[Contractregel]]:
    """The demo's contract lines per regime (for the tests and a look in the shell)."""
    per_regime: dict[str, list[Contractregel]] = {}
    for regel in Contractregel.objects.select_related("contract", "product").order_by("pk"):
        per_regime.setdefault(regime_voor(regel).naam, []).append(regel)
    return per_regime


# Huishoudelijke ondersteuning outputgericht (01A02, per maand) for a new client per regional
# regime, from the 1st of a past month, declared for last month: (gemeentecode, AGB-code of
# the aanbieder, months before the current one that the allocation begins, the aanbieder's
# steps: (start / stop, months after that, day of the month, reden)).
# Midden-Limburg West (Nederweert, Zorggroep Maasland): started on the 15th two months ago,
# the start month, not paid; stopped (reden 23) on the 10th of last month, the end month,
# paid whole (the national rule would pay 10 days of it: 1).
# Almere (Begeleiding Op Maat): started on the 17th of last month, paid whole (the national
# rule: 1).
HO_PER_MAAND = 2
REGIME_CLIENTEN = {
    "midden_limburg_west": ("0946", "73730101", 2, [("start", 0, 15), ("stop", 1, 10, "23")]),
    "almere": ("0034", "73730202", 1, [("start", 0, 17)]),
}
BSN_ZAAD = 2205


def laad_regime_declaraties() -> None:
    """Per regional regime: a new client of the gemeente, the allocation (301), the aanbieder's
    start and stop (305/307), its declaration of last month as the regime proposes it (323)
    and the gemeente's answer (325). Once: a case whose client exists is skipped."""
    bsns = bsn_reeks(random.Random(BSN_ZAAD))
    for naam, (code, agb, maanden, stappen) in REGIME_CLIENTEN.items():
        gemeente = Gemeente.objects.get(gemeentecode=code)
        aanbieder = Aanbieder.objects.get(agb_code=agb)
        client = _nieuwe_client(gemeente, next(bsns), naam)
        if client is None:
            continue
        begin = maand_terug(maanden)
        toewijzing = _wijs_toe(gemeente, aanbieder, client, begin)
        _lever(toewijzing, begin, stappen)
        _declareer(aanbieder, gemeente, maand_terug(1))


def maand_terug(maanden: int) -> date:
    """The first day of the month ``maanden`` before the current one."""
    begin = maand_van(timezone.localdate())[0]
    for _ in range(maanden):
        begin = maand_van(begin - timedelta(days=1))[0]
    return begin


def _nieuwe_client(gemeente, bsn: str, naam: str) -> Client | None:
    """The case's client, registered by the gemeente's consulent; None when it exists."""
    if Client.objects.filter(organisatie=gemeente, bsn=bsn).exists():
        return None
    consulent = gebruiker(gemeente, Rol.TOEGANGSMEDEWERKER)
    persoon, adres = client_gegevens(random.Random(f"{BSN_ZAAD}-{naam}"), bsn, gemeente.naam)
    persoon["geboortedatum"] = persoon["geboortedatum"].replace(year=1948)  # an adult
    client = clienten.registreer_client(acting_user=consulent, **persoon)
    clienten.voeg_contact_toe(client, acting_user=consulent, **adres)
    return client


def _wijs_toe(gemeente, aanbieder, client, begin: date) -> AanbiederToewijzing:
    """The gemeente's allocation for a year from ``begin`` (301), as the aanbieder has it."""
    product = Product.objects.filter(wet="wmo", productcode=HO_OUTPUT).latest("geldig_van")
    (toewijzing,) = toewijzingen.wijs_toe(
        gemeente=gemeente,
        aanbieder=aanbieder,
        client=client,
        wet="wmo",
        producten=[
            toewijzingen.TeWijzenProduct(
                product=product,
                ingangsdatum=begin,
                einddatum=begin.replace(year=begin.year + 1) - timedelta(days=1),
                volume=HO_PER_MAAND,
                eenheid=product.eenheid,
                frequentie=product.frequentie,
            )
        ],
        beschikkingnummer="",
        acting_user=gebruiker(gemeente, Rol.BACKOFFICE),
    )
    bezorg_intern()  # the 301 reaches the aanbieder, its 302 comes back
    return AanbiederToewijzing.objects.get(
        aanbieder=aanbieder, gemeente_id=gemeente.pk, toewijzingnummer=toewijzing.toewijzingnummer
    )


def _lever(toewijzing, begin: date, stappen) -> None:
    """The aanbieder's 305 and 307, each on its day of a month after ``begin``."""
    medewerker = gebruiker(toewijzing.aanbieder, Rol.AANBIEDER)
    for soort, maanden, dag, *reden in stappen:
        maand = begin
        for _ in range(maanden):
            maand = maand_van(maand + timedelta(days=31))[0]
        op = maand.replace(day=dag)
        if soort == "start":
            leveringen.registreer_start(toewijzing, startdatum=op, acting_user=medewerker)
        else:
            leveringen.registreer_stop(
                toewijzing, einddatum=op, reden=reden[0], acting_user=medewerker
            )
        bezorg_intern()


def _declareer(aanbieder, gemeente, maand: date) -> None:
    """The aanbieder declares ``maand`` as proposed (323); the backoffice answers (325)."""
    medewerker = gebruiker(aanbieder, Rol.AANBIEDER)
    declaratie = voorstel.stel_voor(
        aanbieder=aanbieder, gemeente=gemeente, wet="wmo", maand=maand, acting_user=medewerker
    )
    indienen.dien_in(declaratie, acting_user=medewerker)
    declaratie.refresh_from_db()
    bezorg_intern()  # the 323 reaches the gemeente
    ontvangen = OntvangenDeclaratie.objects.get(bericht=declaratie.bericht)
    beantwoorden.beantwoord(ontvangen, acting_user=gebruiker(gemeente, Rol.BACKOFFICE))
    bezorg_intern()  # the 325 reaches the aanbieder
