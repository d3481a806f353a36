"""The toegang route walked through the public services, up to a chosen step: for tests.

``Scenario(client=..., consulent=..., ...).tot(Stap.AKKOORD)`` registers the melding and takes
every step after it in order, as the people on the route would: the consulent (melding,
huisbezoek, onderzoek, plan deel 1 with profile and consent, the order for deel 2), the
aanbieder's ``medewerker`` (deel 2), the consulent again (akkoord) and the ``backoffice``
(beschikking, through ``stromen.beschikking``: its letter, its 301 and what follows it).
Calling ``tot`` again walks on from where the route stopped, so fixtures can stop at each step.

Every step's input is a field with a plain default; a test sets the ones its assertions rely
on. A date left ``None`` is today (the service's own default where it has one).
"""

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import IntEnum

from django.test import override_settings
from django.utils import timezone

from wmoketen.stromen import beschikking as stromen
from wmoketen.toegang import services
from wmoketen.toegang.constants import Levensdomein

ALLE_B = {c: "B" for c in ("veiligheid", "balans", "afstand", "zelfredzaamheid", "cooperatie")}


class Stap(IntEnum):
    MELDING = 1
    HUISBEZOEK = 2
    ONDERZOEK = 3  # recorded, then finished with the client's signature
    PROFIEL = 4  # plan deel 1 with its profile
    TOESTEMMING = 5
    OPDRACHT = 6  # the order for deel 2: a task for the aanbieder
    DEEL_2 = 7  # filled in and signed
    AKKOORD = 8  # the aanvraag
    BESCHIKKING = 9


def alle_domeinen(score=3, problemen="", krachten="") -> list:
    return [services.DomeinInvoer(d, score, problemen, krachten) for d in Levensdomein.values]


def _resultaatgebieden() -> list:
    return [services.ResultaatgebiedInvoer("tijdsbesteding", "Zinvolle dagbesteding.")]


@dataclass
class Scenario:
    client: object
    consulent: object
    wet: str = "wmo"
    aanbieder: object = None
    medewerker: object = None  # the aanbieder's, for deel 2
    backoffice: object = None
    product: object = None
    # 1 melding; ``dagen_terug``: MELDING_MAX_DAGEN_TERUG while registering (a case entered
    # afterwards), None leaves the setting alone.
    ontvangen_op: date | None = None
    kanaal: str = "telefonisch"
    dagen_terug: int | None = None
    # 2 huisbezoek (False: none, the onderzoek is recorded without one); the visit's date
    # (None: the melding's day) and the day it was planned.
    huisbezoek: bool = True
    huisbezoek_op: date | None = None
    huisbezoek_gepland_op: date | None = None
    # 3 onderzoek
    domeinen: list = field(default_factory=alle_domeinen)
    netwerk: str = ""
    verslag: str = "Verslag."
    onderzoek_ondertekend_op: date | None = None
    onderzoek_afgerond_op: date | None = None
    # 4 plan deel 1 and profile
    resultaatgebieden: list = field(default_factory=_resultaatgebieden)
    scores: dict = field(default_factory=lambda: dict(ALLE_B))
    profiel: dict = field(default_factory=dict)  # categorie, intensiteit, motivering, ...
    # 5 consent
    toestemming: bool = True
    toestemming_op: date | None = None
    # 6 the order for deel 2
    opdracht_op: date | None = None
    # 7 deel 2: (aard, activiteiten, frequentie, startdatum) for the one resultaatgebied
    deel_2: tuple = ("activering", "Dagbesteding", "2x", None)
    deel_2_ondertekend_op: date | None = None
    deel_2_gereed_op: date | None = None
    # 8 akkoord
    akkoord_op: date | None = None
    # 9 beschikking; ``bezorgen``: a context around it, e.g. the root ``bezorg`` fixture so
    # its 301 is delivered.
    volume: int = 4
    ingangsdatum: date | None = None
    duur: str = "1j"
    einddatum: date | None = None
    motivering: str = "Begeleiding is nodig."
    dagtekening: date | None = None
    open_beschikking: bool = False
    bezorgen: Callable[[], AbstractContextManager] = nullcontext
    # Where the route stands, and what it made.
    gelopen: int = field(default=0, init=False)
    melding: object = field(default=None, init=False)
    plan: object = field(default=None, init=False)
    taak: object = field(default=None, init=False)  # the aanbieder's task for deel 2
    beschikking: object = field(default=None, init=False)

    @classmethod
    def vanaf(cls, melding, **velden) -> "Scenario":
        """The route of a melding registered elsewhere (a follow-up), walking on from the
        onderzoek (``huisbezoek=False``: none) or the huisbezoek."""
        route = cls(client=melding.client, wet=melding.wet, **velden)
        route.melding, route.gelopen = melding, Stap.MELDING
        return route

    def tot(self, stap: Stap) -> "Scenario":
        """Walks on up to and including ``stap``; the melding, plan and task read fresh."""
        for volgende in Stap:
            if self.gelopen < volgende <= stap:
                getattr(self, f"_{volgende.name.lower()}")()
                self.gelopen = volgende
        for obj in (self.melding, self.plan, self.taak):
            if obj is not None:
                obj.refresh_from_db()
        return self

    def _vandaag(self, datum: date | None) -> date:
        return datum or timezone.localdate()

    def _melding(self):
        instelling = (
            override_settings(MELDING_MAX_DAGEN_TERUG=self.dagen_terug)
            if self.dagen_terug is not None
            else nullcontext()
        )
        with instelling:
            self.melding = services.registreer_melding(
                client=self.client,
                wet=self.wet,
                ontvangen_op=self._vandaag(self.ontvangen_op),
                kanaal=self.kanaal,
                acting_user=self.consulent,
            )

    def _huisbezoek(self):
        if self.huisbezoek:
            services.plan_huisbezoek(
                self.melding,
                datum=self.huisbezoek_op or self.melding.ontvangen_op,
                op=self.huisbezoek_gepland_op,
                acting_user=self.consulent,
            )

    def _onderzoek(self):
        services.leg_onderzoek_vast(
            self.melding, domeinen=self.domeinen, netwerk=self.netwerk, acting_user=self.consulent
        )
        services.onderzoek_afronden(
            self.melding,
            verslag=self.verslag,
            ondertekend_door_client_op=self._vandaag(self.onderzoek_ondertekend_op),
            op=self.onderzoek_afgerond_op,
            acting_user=self.consulent,
        )

    def _profiel(self):
        plan = services.stel_plan_deel_1_op(
            self.melding, resultaatgebieden=self.resultaatgebieden, acting_user=self.consulent
        )
        self.plan = services.beoordeel_profiel(
            plan, scores=self.scores, acting_user=self.consulent, **self.profiel
        )

    def _toestemming(self):
        services.leg_toestemming_vast(
            self.plan,
            toestemming=self.toestemming,
            ondertekend_op=self._vandaag(self.toestemming_op),
            acting_user=self.consulent,
        )

    def _opdracht(self):
        self.taak = services.geef_opdracht_deel_2(
            self.plan,
            aanbieder=self.aanbieder,
            producten=[self.product],
            op=self.opdracht_op,
            acting_user=self.consulent,
        )

    def _deel_2(self):
        aard, activiteiten, frequentie, startdatum = self.deel_2
        gebied = self.plan.resultaatgebieden.get()
        invoer = services.Deel2Invoer(
            gebied, aard, activiteiten, frequentie, self._vandaag(startdatum)
        )
        services.vul_deel_2_in(self.plan, resultaatgebieden=[invoer], acting_user=self.medewerker)
        ondertekend = self._vandaag(self.deel_2_ondertekend_op)
        services.deel_2_gereed(
            self.plan,
            client_ondertekend_op=ondertekend,
            aanbieder_ondertekend_op=ondertekend,
            op=self.deel_2_gereed_op,
            acting_user=self.medewerker,
        )

    def _akkoord(self):
        services.keur_goed(self.plan, op=self.akkoord_op, acting_user=self.consulent)

    def _beschikking(self):
        with self.bezorgen():
            self.beschikking = stromen.neem_beschikking(
                self.plan,
                producten=[services.BeschiktProductInvoer(self.product, self.volume)],
                ingangsdatum=self._vandaag(self.ingangsdatum),
                duur=self.duur,
                motivering=self.motivering,
                einddatum=self.einddatum,
                dagtekening=self.dagtekening,
                open_beschikking=self.open_beschikking,
                acting_user=self.backoffice,
            )


# The route of spring 2026 that the toegang tests walk: fixed dates across Goede Vrijdag
# (3 April), Tweede Paasdag (6 April), Bevrijdingsdag (5 May) and Hemelvaartsdag (14 May), so
# run with today fixed (the root ``vandaag_vast`` fixture). The case is entered afterwards:
# MELDING_MAX_DAGEN_TERUG is five years while the melding is registered.
VOORJAAR = date(2026, 4, 1)
ACHTERAF = 5 * 366


def voorjaar(client, wet, consulent, *, melding_op=VOORJAAR, **velden) -> Scenario:
    """Melding on ``melding_op`` with the huisbezoek that day, the onderzoek signed and the
    consent given the day after; the later steps as ``velden`` say."""
    dag_erna = melding_op + timedelta(days=1)
    return Scenario(
        client=client,
        consulent=consulent,
        wet=wet,
        ontvangen_op=melding_op,
        dagen_terug=ACHTERAF,
        huisbezoek_op=melding_op,
        huisbezoek_gepland_op=melding_op,
        domeinen=alle_domeinen(3, "problemen", "krachten"),
        netwerk="dochter",
        verslag="Verslag van het onderzoek.",
        onderzoek_ondertekend_op=dag_erna,
        onderzoek_afgerond_op=dag_erna,
        toestemming_op=dag_erna,
        **velden,
    )


def tot_deel_1(client, wet, consulent, *, melding_op=VOORJAAR, toestemming=True):
    """``voorjaar`` up to the consent: (melding, plan)."""
    route = voorjaar(client, wet, consulent, melding_op=melding_op, toestemming=toestemming)
    route.tot(Stap.TOESTEMMING)
    return route.melding, route.plan
