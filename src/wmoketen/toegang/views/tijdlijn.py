"""The route of one melding as ten steps for the case page: which is done, which is current,
with the date and a short text of each."""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from ..constants import MeldingStatus, PlanStatus

STAPNAMEN = [
    "Melding",
    "Huisbezoek",
    "Onderzoek",
    "Plan deel 1 en profiel",
    "Opdracht deel 2",
    "Deel 2 door de aanbieder",
    "Akkoord",
    "Aanvraag",
    "Beschikking",
    "Toewijzing",
]

# The step (1–10) a melding in this status waits for; 11 when the route is done. Plan deel 1
# (4) or the opdracht (5) depends on the plan: ``huidige_stap``.
STAP_BIJ_STATUS = {
    MeldingStatus.ONTVANGEN: 2,
    MeldingStatus.HUISBEZOEK_GEPLAND: 3,
    MeldingStatus.OPDRACHT_DEEL_2: 6,
    MeldingStatus.DEEL_2_GEREED: 7,
    MeldingStatus.AANGEVRAAGD: 9,
}
KLAAR = 11

TOESTANDEN = {
    "afgerond": "Afgerond",
    "huidig": "Huidige stap",
    "open": "Nog niet",
    "vervallen": "Vervallen",
}


@dataclass
class Stap:
    nummer: int
    naam: str
    toestand: str  # a key of TOESTANDEN
    datum: date | None = None
    tekst: str = ""

    @property
    def toestand_label(self) -> str:
        return TOESTANDEN[self.toestand]


def deel_1_onderdeel(plan) -> str | None:
    """The first part of step 4 still to do: resultaten, profiel, toestemming; None: done."""
    if plan is None or not plan.resultaatgebieden.exists():
        return "resultaten"
    if not plan.categorie:
        return "profiel"
    if not plan.deel_1_ondertekend_op or not plan.toestemming_delen:
        return "toestemming"
    return None


def huidige_stap(melding, plan) -> int:
    """The number (1–10) of the step the case waits for; 11 when the route is done."""
    if melding.status in (MeldingStatus.ONDERZOEK_AFGEROND, MeldingStatus.PLAN_DEEL_1):
        return 4 if deel_1_onderdeel(plan) else 5
    return STAP_BIJ_STATUS.get(melding.status, KLAAR)


def tijdlijn(melding, plan, onderzoek, beschikking, bericht) -> list[Stap]:
    """The ten steps of the route with their state, date and text."""
    huidig = huidige_stap(melding, plan)
    datums = _datums(melding, plan, onderzoek, beschikking, bericht)
    teksten = _teksten(melding, plan, beschikking, bericht)
    stappen = []
    for nummer, naam in enumerate(STAPNAMEN, start=1):
        if melding.is_gestopt or (nummer == 10 and beschikking and beschikking.is_afwijzing):
            # Ended without a decision: what was done stays done, the rest lapsed.
            klaar = datums[nummer - 1] is not None and nummer < 10
            toestand = "afgerond" if klaar else "vervallen"
        elif nummer < huidig or (nummer == 10 and bericht):
            toestand = "afgerond"
        elif nummer == huidig:
            toestand = "huidig"
        else:
            toestand = "open"
        stappen.append(Stap(nummer, naam, toestand, datums[nummer - 1], teksten[nummer - 1]))
    return stappen


def _datums(melding, plan, onderzoek, beschikking, bericht) -> list[date | None]:
    return [
        melding.ontvangen_op,
        melding.huisbezoek_op,
        onderzoek.afgerond_op if onderzoek else None,
        plan.deel_1_ondertekend_op if plan else None,
        plan.opdracht_op if plan else None,
        plan.deel_2_gereed_op if plan else None,
        plan.akkoord_op if plan else None,
        plan.aanvraag_op if plan else None,
        beschikking.dagtekening if beschikking else None,
        timezone.localdate(bericht.ontvangen_op) if bericht else None,
    ]


def _teksten(melding, plan, beschikking, bericht) -> list[str]:
    teksten = [
        melding.get_kanaal_display(),
        "",
        "",
        plan.get_categorie_display() + ", " + plan.get_intensiteit_display().lower()
        if plan and plan.categorie
        else "",
        str(plan.aanbieder) if plan and plan.aanbieder_id else "",
        "Teruggestuurd" if plan and plan.status == PlanStatus.TERUGGESTUURD else "",
        "",
        "",
        beschikking.nummer if beschikking else "",
        f"{bericht.naam} {bericht.identificatie}" if bericht else _zonder_301(beschikking),
    ]
    if beschikking and beschikking.is_afwijzing:
        teksten[8] = f"Afwijzing {beschikking.nummer}"
        teksten[9] = "Geen toewijzing: de aanvraag is afgewezen"
    return teksten


def _zonder_301(beschikking) -> str:
    """An open beschikking allocates only after the aanbieder's verzoek (WMO315)."""
    if beschikking and beschikking.open:
        return "Wacht op verzoek om toewijzing (WMO315) van de aanbieder"
    return ""
