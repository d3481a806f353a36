"""The toegang route as actions (DOMAIN.md "Main route", steps 1–9).

Every function is one domain step: one transaction, ``acting_user`` keyword-only, checked
(a Dutch ``ValidationError`` or ``PermissionDenied``, nothing changed), written to the audit
trail, deadlines opened and closed through the engine. Steps that happened on a known day take
that day (``op``, default today), so a case can be entered afterwards and a scenario runs on
fixed dates.

Walking one client (e.g. for the demo)::

    melding = registreer_melding(client=c, wet="wmo", ontvangen_op=d, kanaal="telefonisch",
                                 acting_user=consulent)
    plan_huisbezoek(melding, datum=d2, acting_user=consulent)
    leg_onderzoek_vast(melding, domeinen=[DomeinInvoer(domein, 3), ...], acting_user=consulent)
    onderzoek_afronden(melding, verslag="...", ondertekend_door_client_op=d3, acting_user=...)
    plan = stel_plan_deel_1_op(melding, resultaatgebieden=[ResultaatgebiedInvoer(...)], ...)
    beoordeel_profiel(plan, scores={"veiligheid": "B", ...}, acting_user=consulent)
    leg_toestemming_vast(plan, toestemming=True, ondertekend_op=d3, acting_user=consulent)
    geef_opdracht_deel_2(plan, aanbieder=a, producten=[p], acting_user=consulent)
    vul_deel_2_in(plan, resultaatgebieden=[Deel2Invoer(...)], acting_user=medewerker)
    deel_2_gereed(plan, client_ondertekend_op=d4, aanbieder_ondertekend_op=d4, acting_user=...)
    keur_goed(plan, acting_user=consulent)                      # akkoord = aanvraag
    neem_beschikking(plan, producten=[BeschiktProductInvoer(p, 3)], ingangsdatum=d5,
                     duur="1j", motivering="...", acting_user=backoffice)   # + PDF + 301
    # or, Wmo only, for a gemeente with open beschikkingen: no 301, the aanbieder sends a 315
    neem_beschikking(..., open_beschikking=True)
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from wmoketen.accounts.constants import Rol
from wmoketen.accounts.rechten import eis_rol
from wmoketen.audit import services as audit
from wmoketen.clienten import services as clienten
from wmoketen.clienten.models import Client
from wmoketen.meldingen.services import meld
from wmoketen.organisaties.models import Aanbieder, Onderaanneming
from wmoketen.organisaties.queries import contractregels
from wmoketen.producten.constants import Wet
from wmoketen.producten.plausibiliteit import volumefout
from wmoketen.termijnen import kalender
from wmoketen.termijnen import services as termijnen
from wmoketen.termijnen.constants import Regelcode
from wmoketen.trajecten import services as trajecten
from wmoketen.trajecten.constants import TaakSoort, TaakStatus

from .constants import (
    AFGEHANDELD,
    BEZWAARCLAUSULE,
    DUUR_MAANDEN,
    MAXIMALE_DUUR_MAANDEN,
    TAAKNAAM_DEEL_2,
    TAAKNAAM_DEEL_2_AANPASSEN,
    Aanleiding,
    Aard,
    Categorie,
    Criterium,
    Duur,
    Intensiteit,
    Kanaal,
    Levensdomein,
    MeldingStatus,
    PlanStatus,
    Route,
    Vervoer,
)
from .controles import (
    dag,
    eis_consulent,
    eis_gemeente,
    medewerkers,
    niet_voor,
    pagina_url,
    vergrendel_melding,
    vergrendel_plan,
    zet_status,
)
from .models import (
    Beschikking,
    BeschiktProduct,
    Domeinscore,
    Melding,
    Ondersteuningsplan,
    Onderzoek,
    Resultaatgebied,
)
from .plausibiliteit import meldingdatumfout
from .profiel import bepaal_profiel
from .signals import beschikking_genomen

# Input of the steps with repeated parts -------------------------------------------------


@dataclass(frozen=True)
class DomeinInvoer:
    """One life domain of the onderzoek: ZRM score 1–5, problems and strengths."""

    domein: str
    score: int
    problemen: str = ""
    krachten: str = ""


@dataclass(frozen=True)
class ResultaatgebiedInvoer:
    """One result area of plan part 1: the domain and the intended result."""

    domein: str
    beoogd_resultaat: str


@dataclass(frozen=True)
class Deel2Invoer:
    """Plan part 2 for one result area (``resultaatgebied``: the object or its pk)."""

    resultaatgebied: "Resultaatgebied | int"
    aard: str
    activiteiten: str
    frequentie: str
    startdatum: date
    onderaannemers: Sequence[Aanbieder] = field(default_factory=tuple)


@dataclass(frozen=True)
class BeschiktProductInvoer:
    """One product in the beschikking; unit and frequency default to the contract line."""

    product: object
    volume: int
    eenheid: str = ""
    frequentie: str = ""


# Step 1: melding ---------------------------------------------------------------------------


@transaction.atomic
def registreer_melding(
    *,
    client,
    wet: str,
    ontvangen_op: date,
    kanaal: str,
    acting_user,
    consulent=None,
    route: str = Route.GEMEENTELIJKE_TOEGANG,
    toelichting: str = "",
) -> Melding:
    """A melding for one of the gemeente's own clients: starts the samenwerkingstraject and
    opens the deadlines huisbezoek, onderzoek (steps 1–3) and melding_beschikking (8 weeks).
    Refused when received in the future or longer ago than ``MELDING_MAX_DAGEN_TERUG``."""
    eis_rol(acting_user, Rol.TOEGANGSMEDEWERKER)
    gemeente = acting_user.organisatie
    if not gemeente.is_gemeente or client.organisatie_id != gemeente.pk:
        raise ValidationError("Een melding registreert u voor een cliënt van uw eigen gemeente.")
    if wet not in Wet.values:
        raise ValidationError("Kies de wet: Wmo of Jeugdwet.")
    if kanaal not in Kanaal.values:
        raise ValidationError("Kies hoe de melding binnenkwam.")
    if route not in Route.values:
        raise ValidationError("Deze route wordt (nog) niet ondersteund.")
    if ontvangen_op is None:
        raise ValidationError("Vul de datum in waarop de melding binnenkwam.")
    dag(ontvangen_op, "De datum van ontvangst")
    if fout := meldingdatumfout(ontvangen_op):
        raise ValidationError(fout)
    consulent = consulent or acting_user
    if consulent.organisatie_id != gemeente.pk or not consulent.heeft_rol(Rol.TOEGANGSMEDEWERKER):
        raise ValidationError("De consulent moet een toegangsmedewerker van uw gemeente zijn.")
    # Lock the client: two requests registering a melding for him wait for each other.
    Client.objects.select_for_update().get(pk=client.pk)
    if (open_ := open_melding(client, wet)) is not None:
        raise OpenMeldingBestaat(open_)
    traject = trajecten.start_traject(
        client=client,
        onderwerp=f"Melding {Wet(wet).label}",
        wet=wet,
        startdatum=ontvangen_op,
        acting_user=acting_user,
    )
    melding = Melding(
        gemeente_id=gemeente.pk,
        client=client,
        wet=wet,
        ontvangen_op=ontvangen_op,
        kanaal=kanaal,
        route=route,
        consulent=consulent,
        traject=traject,
        toelichting=toelichting,
    )
    melding.full_clean()
    melding.save()
    open_meldingstermijnen(melding, acting_user)
    audit.log(
        acting_user,
        "melding.geregistreerd",
        melding,
        client_id=client.pk,
        omschrijving=f"{Wet(wet).label}, {Kanaal(kanaal).label}, traject {traject.nummer}",
    )
    if consulent != acting_user:
        meld(
            [consulent],
            titel="Nieuwe melding toegewezen",
            url=pagina_url("toegang:melding", melding.pk),
        )
    return melding


class OpenMeldingBestaat(ValidationError):
    """A new melding while one for the same client and wet is still open."""

    def __init__(self, melding: Melding):
        self.melding = melding
        super().__init__(
            f"Er loopt al een melding {Wet(melding.wet).label} voor deze cliënt (ontvangen "
            f"{melding.ontvangen_op:%d-%m-%Y}, {melding.get_status_display().lower()}). Werk "
            "verder in die melding, of sluit haar eerst af.",
            code="open_melding",
        )


def open_melding(client, wet: str) -> Melding | None:
    """The client's open new melding for ``wet``: not decided, withdrawn or closed. A
    follow-up of a running beschikking (herindicatie, profielwijziging) does not count."""
    return (
        Melding.objects.filter(client_id=client.pk, wet=wet, aanleiding=Aanleiding.NIEUW)
        .exclude(status__in=AFGEHANDELD)
        .order_by("-ontvangen_op", "-pk")
        .first()
    )


def open_meldingstermijnen(melding: Melding, acting_user) -> None:
    """The deadlines every melding starts with (also a follow-up, ``vervolg``)."""
    for code in (Regelcode.HUISBEZOEK, Regelcode.ONDERZOEK, Regelcode.MELDING_BESCHIKKING):
        termijnen.open_termijn(
            code,
            onderwerp=melding,
            gemeente=melding.gemeente,
            startdatum=melding.ontvangen_op,
            acting_user=acting_user,
            omschrijving=Regelcode(code).label,
        )


# Step 2: huisbezoek and onderzoek ----------------------------------------------------------


@transaction.atomic
def plan_huisbezoek(
    melding: Melding, *, datum: date, acting_user, op: date | None = None
) -> Melding:
    """The home visit is planned on ``datum`` (the appointment made on ``op``, default today):
    closes the huisbezoek deadline."""
    melding = vergrendel_melding(melding)
    eis_consulent(melding, acting_user)
    op = dag(op, "De datum van de afspraak")
    if melding.status not in (MeldingStatus.ONTVANGEN, MeldingStatus.HUISBEZOEK_GEPLAND):
        raise ValidationError("Het onderzoek is al afgerond; een huisbezoek plant u nu niet meer.")
    if datum is None:
        raise ValidationError("Vul de datum van het huisbezoek in.")
    niet_voor(datum, melding.ontvangen_op, "Het huisbezoek ligt vóór de datum van de melding.")
    niet_voor(op, melding.ontvangen_op, "De afspraak ligt vóór de datum van de melding.")
    oud = melding.huisbezoek_op
    melding.huisbezoek_op = datum
    melding.huisbezoek_gepland_op = melding.huisbezoek_gepland_op or op
    melding.status = MeldingStatus.HUISBEZOEK_GEPLAND
    melding.save(update_fields=["huisbezoek_op", "huisbezoek_gepland_op", "status"])
    termijnen.sluit_termijnen_voor(
        melding, regelcode=Regelcode.HUISBEZOEK, op=op, acting_user=acting_user
    )
    audit.log(
        acting_user,
        "melding.huisbezoek_gepland",
        melding,
        client_id=melding.client_id,
        wijzigingen={"huisbezoek_op": [oud and oud.isoformat(), datum.isoformat()]},
    )
    return melding


def _onderzoek(melding: Melding) -> Onderzoek:
    onderzoek, _ = Onderzoek.objects.select_for_update().get_or_create(melding=melding)
    return onderzoek


@transaction.atomic
def leg_onderzoek_vast(
    melding: Melding,
    *,
    domeinen: Iterable[DomeinInvoer],
    acting_user,
    netwerk: str = "",
    eigen_oplossingen: str = "",
    verslag: str = "",
    ondertekend_door_client_op: date | None = None,
) -> Onderzoek:
    """Record the integrale vraaganalyse: per life domain a ZRM score 1–5, problems and
    strengths; the network and the client's own solutions; the verslag so far and the day the
    client signed it (not in the future, not before the melding). May be called again until
    done; ``onderzoek_afronden`` then requires the verslag and the signature."""
    melding = vergrendel_melding(melding)
    eis_consulent(melding, acting_user)
    domeinen = list(domeinen)
    if melding.status not in (MeldingStatus.ONTVANGEN, MeldingStatus.HUISBEZOEK_GEPLAND):
        raise ValidationError("Het onderzoek is al afgerond.")
    gezien = set()
    for invoer in domeinen:
        if invoer.domein not in Levensdomein.values:
            raise ValidationError(f"Onbekend levensdomein: {invoer.domein}.")
        if invoer.domein in gezien:
            raise ValidationError(
                f"Het levensdomein {Levensdomein(invoer.domein).label} staat er twee keer in."
            )
        gezien.add(invoer.domein)
        if not isinstance(invoer.score, int) or not 1 <= invoer.score <= 5:
            raise ValidationError(
                f"De score voor {Levensdomein(invoer.domein).label} ligt tussen 1 en 5."
            )
    if ondertekend_door_client_op is not None:
        dag(ondertekend_door_client_op, "De datum van ondertekening")
        niet_voor(
            ondertekend_door_client_op,
            melding.ontvangen_op,
            "De ondertekening ligt vóór de datum van de melding.",
        )
    onderzoek = _onderzoek(melding)
    oud = {
        "verslag": onderzoek.verslag,
        "ondertekend_door_client_op": onderzoek.ondertekend_door_client_op,
    }
    onderzoek.netwerk = netwerk
    onderzoek.eigen_oplossingen = eigen_oplossingen
    onderzoek.verslag = (verslag or "").strip()
    onderzoek.ondertekend_door_client_op = ondertekend_door_client_op
    onderzoek.save(
        update_fields=["netwerk", "eigen_oplossingen", "verslag", "ondertekend_door_client_op"]
    )
    for invoer in domeinen:
        Domeinscore.objects.update_or_create(
            onderzoek=onderzoek,
            domein=invoer.domein,
            defaults={
                "score": invoer.score,
                "problemen": invoer.problemen,
                "krachten": invoer.krachten,
            },
        )
    audit.log(
        acting_user,
        "onderzoek.vastgelegd",
        onderzoek,
        client_id=melding.client_id,
        omschrijving=f"{len(domeinen)} levensdomeinen",
        wijzigingen=audit.wijzigingen(
            oud,
            {
                "verslag": onderzoek.verslag,
                "ondertekend_door_client_op": onderzoek.ondertekend_door_client_op,
            },
            Onderzoek.AUDIT_GEVOELIG,
        ),
    )
    return onderzoek


@transaction.atomic
def onderzoek_afronden(
    melding: Melding,
    *,
    verslag: str,
    ondertekend_door_client_op: date,
    acting_user,
    op: date | None = None,
) -> Onderzoek:
    """The onderzoeksverslag, signed by the client: closes the onderzoek deadline.

    Every life domain must have its score."""
    melding = vergrendel_melding(melding)
    eis_consulent(melding, acting_user)
    op = dag(op)
    if melding.status not in (MeldingStatus.ONTVANGEN, MeldingStatus.HUISBEZOEK_GEPLAND):
        raise ValidationError("Het onderzoek is al afgerond.")
    if not (verslag or "").strip():
        raise ValidationError("Schrijf het onderzoeksverslag.")
    if ondertekend_door_client_op is None:
        raise ValidationError(
            "Het onderzoeksverslag moet door de cliënt ondertekend zijn: vul de datum in."
        )
    dag(ondertekend_door_client_op, "De datum van ondertekening")
    niet_voor(
        ondertekend_door_client_op,
        melding.ontvangen_op,
        "De ondertekening ligt vóór de datum van de melding.",
    )
    niet_voor(op, melding.ontvangen_op, "De datum ligt vóór de datum van de melding.")
    onderzoek = _onderzoek(melding)
    gescoord = set(onderzoek.domeinscores.values_list("domein", flat=True))
    ontbrekend = [label for waarde, label in Levensdomein.choices if waarde not in gescoord]
    if ontbrekend:
        raise ValidationError(
            f"Geef elk levensdomein een score; nog niet gescoord: {', '.join(ontbrekend)}."
        )
    onderzoek.verslag = verslag.strip()
    onderzoek.ondertekend_door_client_op = ondertekend_door_client_op
    onderzoek.afgerond_op = op
    onderzoek.save(update_fields=["verslag", "ondertekend_door_client_op", "afgerond_op"])
    zet_status(melding, MeldingStatus.ONDERZOEK_AFGEROND)
    termijnen.sluit_termijnen_voor(
        melding, regelcode=Regelcode.ONDERZOEK, op=op, acting_user=acting_user
    )
    audit.log(acting_user, "onderzoek.afgerond", onderzoek, client_id=melding.client_id)
    return onderzoek


# Step 3: ondersteuningsplan deel 1, profile, consent ----------------------------------------


def _plan_deel_1(plan: Ondersteuningsplan, acting_user) -> Ondersteuningsplan:
    plan = vergrendel_plan(plan)
    eis_consulent(plan.melding, acting_user)
    if plan.status != PlanStatus.DEEL_1:
        raise ValidationError(
            "De opdracht voor deel 2 is al gegeven; deel 1 verandert niet meer. "
            "Een ander profiel vraagt een nieuw plan."
        )
    return plan


@transaction.atomic
def stel_plan_deel_1_op(
    melding: Melding, *, resultaatgebieden: Iterable[ResultaatgebiedInvoer], acting_user
) -> Ondersteuningsplan:
    """Plan part 1: the result areas with their intended results (replaces earlier ones)."""
    melding = vergrendel_melding(melding)
    eis_consulent(melding, acting_user)
    resultaatgebieden = list(resultaatgebieden)
    if melding.status not in (MeldingStatus.ONDERZOEK_AFGEROND, MeldingStatus.PLAN_DEEL_1):
        if melding.status in (MeldingStatus.ONTVANGEN, MeldingStatus.HUISBEZOEK_GEPLAND):
            raise ValidationError("Rond eerst het onderzoek af; daarna volgt het plan.")
        raise ValidationError("De opdracht voor deel 2 is al gegeven; deel 1 verandert niet meer.")
    if not resultaatgebieden:
        raise ValidationError("Geef ten minste één resultaatgebied met het beoogde resultaat.")
    for invoer in resultaatgebieden:
        if invoer.domein not in Levensdomein.values:
            raise ValidationError(f"Onbekend levensdomein: {invoer.domein}.")
        if not invoer.beoogd_resultaat.strip():
            raise ValidationError(
                f"Beschrijf het beoogde resultaat voor {Levensdomein(invoer.domein).label}."
            )
    plan, nieuw = Ondersteuningsplan.objects.get_or_create(melding=melding)
    plan.resultaatgebieden.all().delete()
    Resultaatgebied.objects.bulk_create(
        Resultaatgebied(plan=plan, domein=i.domein, beoogd_resultaat=i.beoogd_resultaat.strip())
        for i in resultaatgebieden
    )
    zet_status(melding, MeldingStatus.PLAN_DEEL_1)
    audit.log(
        acting_user,
        "plan.deel_1_opgesteld" if nieuw else "plan.deel_1_gewijzigd",
        plan,
        client_id=melding.client_id,
        omschrijving=f"{len(resultaatgebieden)} resultaatgebieden",
    )
    return plan


@transaction.atomic
def beoordeel_profiel(
    plan: Ondersteuningsplan,
    *,
    scores: dict[str, str],
    acting_user,
    categorie: int | None = None,
    intensiteit: str = "",
    motivering: str = "",
    vervoer: str = Vervoer.GEEN,
    kortdurend_verblijf_etmalen: int = 0,
) -> Ondersteuningsplan:
    """The profile assessment: five criteria A–E → categorie and intensiteit by the table
    (``profiel.bepaal_profiel``). The consulent may choose another outcome only with a written
    motivation. Extras: vervoer and kortdurend verblijf (etmalen per 4 weken)."""
    plan = _plan_deel_1(plan, acting_user)
    berekend = bepaal_profiel(scores)
    categorie = int(categorie) if categorie else berekend.categorie
    intensiteit = intensiteit or berekend.intensiteit
    if categorie not in Categorie.values:
        raise ValidationError("Kies categorie 1, 2 of 3.")
    if intensiteit not in Intensiteit.values:
        raise ValidationError("Kies de intensiteit basis, aanvullend of intensief.")
    afwijking = (categorie, intensiteit) != (berekend.categorie, berekend.intensiteit)
    if afwijking and not motivering.strip():
        raise ValidationError(
            f"U wijkt af van het berekende profiel ({berekend.omschrijving}); "
            "schrijf een motivering voor de afwijking."
        )
    if motivering.strip() and not afwijking:
        raise ValidationError(
            "Een motivering hoort bij een afwijking: kies de andere categorie of intensiteit, "
            "of maak de motivering leeg."
        )
    if vervoer not in Vervoer.values:
        raise ValidationError("Kies geen vervoer, zittend vervoer of rolstoelvervoer.")
    if (
        not isinstance(kortdurend_verblijf_etmalen, int)
        or not 0 <= kortdurend_verblijf_etmalen <= 28
    ):
        raise ValidationError("Kortdurend verblijf is 0 tot en met 28 etmalen per 4 weken.")
    oud = {"categorie": plan.categorie, "intensiteit": plan.intensiteit}
    for criterium in Criterium.values:
        setattr(plan, f"score_{criterium}", scores[criterium])
    plan.berekende_categorie = berekend.categorie
    plan.berekende_intensiteit = berekend.intensiteit
    plan.categorie = categorie
    plan.intensiteit = intensiteit
    plan.afwijking_motivering = motivering.strip() if afwijking else ""
    plan.vervoer = vervoer
    plan.kortdurend_verblijf_etmalen = kortdurend_verblijf_etmalen
    plan.full_clean()
    plan.save()
    audit.log(
        acting_user,
        "plan.profiel_bepaald",
        plan,
        client_id=plan.melding.client_id,
        omschrijving=(
            f"berekend {berekend.omschrijving}"
            + (f"; gekozen categorie {categorie}, {intensiteit} (afwijking)" if afwijking else "")
        ),
        wijzigingen=audit.wijzigingen(oud, {"categorie": categorie, "intensiteit": intensiteit}),
    )
    return plan


@transaction.atomic
def leg_toestemming_vast(
    plan: Ondersteuningsplan, *, toestemming: bool, ondertekend_op: date, acting_user
) -> Ondersteuningsplan:
    """The client signs part 1 and says whether it may be shared with the aanbieder.

    Without consent nothing is shared: the order for part 2 is refused."""
    plan = _plan_deel_1(plan, acting_user)
    if ondertekend_op is None:
        raise ValidationError("Vul de datum in waarop de cliënt deel 1 ondertekende.")
    dag(ondertekend_op, "De datum van ondertekening")
    niet_voor(
        ondertekend_op,
        plan.melding.ontvangen_op,
        "De ondertekening ligt vóór de datum van de melding.",
    )
    oud = {"toestemming_delen": plan.toestemming_delen}
    plan.toestemming_delen = bool(toestemming)
    plan.deel_1_ondertekend_op = ondertekend_op
    plan.save(update_fields=["toestemming_delen", "deel_1_ondertekend_op"])
    audit.log(
        acting_user,
        "plan.toestemming_vastgelegd",
        plan,
        client_id=plan.melding.client_id,
        wijzigingen=audit.wijzigingen(oud, {"toestemming_delen": plan.toestemming_delen}),
    )
    return plan


# Step 4: provider choice and the order for part 2 --------------------------------------------


GEEN_TOESTEMMING = (
    "De cliënt heeft geen toestemming gegeven om het plan met een aanbieder te delen; "
    "zonder toestemming wordt niets gedeeld en kan de opdracht niet worden gegeven."
)


@transaction.atomic
def geef_opdracht_deel_2(
    plan: Ondersteuningsplan,
    *,
    aanbieder: Aanbieder,
    producten: Iterable,
    acting_user,
    op: date | None = None,
):
    """Order the chosen aanbieder to write part 2 (returns the ``Taak``).

    Refused without the client's consent, without a profile, or when the aanbieder holds no
    contract (for the gemeente or its regio, valid on ``op``) with a line for every product.
    The aanbieder joins the traject, gets the task with the regional term ``plan_deel_2``, and
    gets its own client record with what the plan shares (name, birth date, BSN, address)."""
    plan = _plan_deel_1(plan, acting_user)
    melding = plan.melding
    op = dag(op)
    producten = list(producten)
    if not plan.toestemming_delen:
        raise ValidationError(GEEN_TOESTEMMING)
    if not plan.categorie:
        raise ValidationError("Bepaal eerst het profiel; daarna kiest u de aanbieder.")
    if not plan.resultaatgebieden.exists():
        raise ValidationError("Geef eerst de resultaatgebieden van deel 1.")
    if not producten:
        raise ValidationError("Kies ten minste één product voor de aanbieder.")
    verkeerde_wet = [str(p) for p in producten if p.wet != melding.wet]
    if verkeerde_wet:
        raise ValidationError(
            f"Deze producten horen niet bij de {Wet(melding.wet).label}: "
            f"{', '.join(verkeerde_wet)}."
        )
    aanbieder = aanbieder.specifiek if not isinstance(aanbieder, Aanbieder) else aanbieder
    if not isinstance(aanbieder, Aanbieder):
        raise ValidationError("Kies een aanbieder.")
    regels = contractregels(melding.gemeente, aanbieder, producten, op=op)
    zonder = [str(p) for p in producten if p.pk not in regels]
    if zonder:
        raise ValidationError(
            f"{aanbieder} heeft geen geldig contract met {melding.gemeente} (of de regio) "
            f"voor: {', '.join(zonder)}. Kies een gecontracteerde aanbieder."
        )
    traject = melding.traject
    if not traject.is_deelnemer(aanbieder):
        trajecten.voeg_aanbieder_toe(traject, aanbieder=aanbieder, acting_user=acting_user)
    clienten.deel_met(melding.client, organisatie=aanbieder, acting_user=acting_user)
    taak = trajecten.maak_taak(
        traject,
        naam=TAAKNAAM_DEEL_2,
        soort=TaakSoort.PLAN_DEEL_2,
        toegewezen_aan_organisatie=aanbieder,
        vervaldatum=None,
        regelcode=Regelcode.PLAN_DEEL_2,
        startdatum=op,
        acting_user=acting_user,
        omschrijving="Vul per resultaatgebied deel 2 van het ondersteuningsplan in, laat het "
        "ondertekenen door de cliënt en meld het gereed.",
    )
    plan.aanbieder = aanbieder
    plan.opdracht_op = op
    plan.taak = taak
    plan.status = PlanStatus.OPDRACHT_DEEL_2
    plan.save(update_fields=["aanbieder", "opdracht_op", "taak", "status"])
    plan.producten.set(producten)
    zet_status(melding, MeldingStatus.OPDRACHT_DEEL_2)
    audit.log(
        acting_user,
        "plan.opdracht_deel_2",
        plan,
        client_id=melding.client_id,
        omschrijving=f"{aanbieder}: {', '.join(str(p) for p in producten)}",
    )
    return taak


# Step 5: part 2 by the aanbieder ---------------------------------------------------------


def _plan_voor_aanbieder(plan: Ondersteuningsplan, acting_user) -> Ondersteuningsplan:
    eis_rol(acting_user, Rol.AANBIEDER)
    plan = vergrendel_plan(plan)
    if (
        plan.aanbieder_id != acting_user.organisatie_id
        or not plan.toestemming_delen
        or plan.status not in (PlanStatus.OPDRACHT_DEEL_2, PlanStatus.TERUGGESTUURD)
    ):
        raise PermissionDenied(
            "Uw organisatie heeft geen openstaande opdracht voor deel 2 van dit plan."
        )
    return plan


@transaction.atomic
def vul_deel_2_in(
    plan: Ondersteuningsplan, *, resultaatgebieden: Iterable[Deel2Invoer], acting_user
) -> Ondersteuningsplan:
    """The aanbieder writes part 2 per result area: aard, activities, frequency, start date,
    onderaannemers (each under one of its contracts)."""
    plan = _plan_voor_aanbieder(plan, acting_user)
    invoer = list(resultaatgebieden)
    eigen = {r.pk: r for r in plan.resultaatgebieden.all()}
    for regel in invoer:
        pk = getattr(regel.resultaatgebied, "pk", regel.resultaatgebied)
        if pk not in eigen:
            raise ValidationError("Dit resultaatgebied hoort niet bij dit plan.")
        naam = eigen[pk].get_domein_display()
        if regel.aard not in Aard.values:
            raise ValidationError(
                f"Kies de aard voor {naam}: ondersteuning, activering of monitoring."
            )
        if not regel.activiteiten.strip() or not regel.frequentie.strip():
            raise ValidationError(f"Beschrijf de activiteiten en de frequentie voor {naam}.")
        if regel.startdatum is None:
            raise ValidationError(f"Vul de startdatum in voor {naam}.")
        niet_voor(
            regel.startdatum, plan.opdracht_op, f"De startdatum voor {naam} ligt vóór de opdracht."
        )
        for onderaannemer in regel.onderaannemers:
            if (
                not Onderaanneming.objects.goedgekeurd()
                .filter(contract__aanbieder_id=plan.aanbieder_id, onderaannemer_id=onderaannemer.pk)
                .exists()
            ):
                raise ValidationError(
                    f"{onderaannemer} is geen onderaannemer onder een contract van uw organisatie."
                )
    for regel in invoer:
        gebied = eigen[getattr(regel.resultaatgebied, "pk", regel.resultaatgebied)]
        gebied.aard = regel.aard
        gebied.activiteiten = regel.activiteiten.strip()
        gebied.frequentie = regel.frequentie.strip()
        gebied.startdatum = regel.startdatum
        gebied.save(update_fields=["aard", "activiteiten", "frequentie", "startdatum"])
        gebied.onderaannemers.set(regel.onderaannemers)
    if plan.taak_id and plan.taak.status == TaakStatus.OPEN:
        trajecten.wijzig_taakstatus(
            plan.taak, status=TaakStatus.IN_BEHANDELING, acting_user=acting_user
        )
    audit.log(
        acting_user,
        "plan.deel_2_ingevuld",
        plan,
        client_id=plan.melding.client_id,
        organisatie=acting_user.organisatie,
        omschrijving=f"{len(invoer)} resultaatgebieden",
    )
    return plan


@transaction.atomic
def deel_2_gereed(
    plan: Ondersteuningsplan,
    *,
    client_ondertekend_op: date,
    aanbieder_ondertekend_op: date,
    acting_user,
    op: date | None = None,
) -> Ondersteuningsplan:
    """The aanbieder marks part 2 ready, signed by client and aanbieder: completes the task
    (closing its deadline on ``op``) and notifies the consulent."""
    plan = _plan_voor_aanbieder(plan, acting_user)
    op = dag(op)
    onvolledig = [
        r.get_domein_display()
        for r in plan.resultaatgebieden.all()
        if not (r.aard and r.activiteiten and r.startdatum)
    ]
    if onvolledig:
        raise ValidationError(f"Vul deel 2 in voor: {', '.join(onvolledig)}.")
    for datum, wie in ((client_ondertekend_op, "cliënt"), (aanbieder_ondertekend_op, "aanbieder")):
        if datum is None:
            raise ValidationError(f"Deel 2 moet ondertekend zijn door de {wie}: vul de datum in.")
        dag(datum, f"De ondertekening door de {wie}")
        niet_voor(datum, plan.opdracht_op, f"De ondertekening door de {wie} ligt vóór de opdracht.")
    niet_voor(op, plan.opdracht_op, "De datum ligt vóór de opdracht.")
    plan.client_ondertekend_op = client_ondertekend_op
    plan.aanbieder_ondertekend_op = aanbieder_ondertekend_op
    plan.deel_2_gereed_op = op
    plan.status = PlanStatus.DEEL_2_GEREED
    plan.save(
        update_fields=[
            "client_ondertekend_op",
            "aanbieder_ondertekend_op",
            "deel_2_gereed_op",
            "status",
        ]
    )
    if plan.taak_id and not plan.taak.is_afgesloten:
        trajecten.wijzig_taakstatus(
            plan.taak, status=TaakStatus.AFGEROND, acting_user=acting_user, op=op
        )
    melding = plan.melding
    zet_status(melding, MeldingStatus.DEEL_2_GEREED)
    audit.log(
        acting_user,
        "plan.deel_2_gereed",
        plan,
        client_id=melding.client_id,
        organisatie=acting_user.organisatie,
    )
    ontvangers = (
        [melding.consulent]
        if melding.consulent_id
        else medewerkers(melding.gemeente, Rol.TOEGANGSMEDEWERKER)
    )
    meld(
        ontvangers,
        titel=f"Ondersteuningsplan deel 2 gereed (traject {melding.traject.nummer})",
        url=pagina_url("toegang:plan", plan.pk),
    )
    return plan


# Step 6–7: akkoord (= aanvraag) or back to the aanbieder ------------------------------------


def _plan_gereed(plan: Ondersteuningsplan, acting_user) -> Ondersteuningsplan:
    plan = vergrendel_plan(plan)
    eis_consulent(plan.melding, acting_user)
    if plan.status != PlanStatus.DEEL_2_GEREED:
        raise ValidationError("Alleen een plan waarvan de aanbieder deel 2 gereed meldde kan dat.")
    return plan


@transaction.atomic
def keur_goed(
    plan: Ondersteuningsplan, *, acting_user, op: date | None = None
) -> Ondersteuningsplan:
    """Akkoord by the consulent. The signed plan counts as the aanvraag (004), stamped ``op``:
    the beschikking deadline starts and the backoffice is notified."""
    plan = _plan_gereed(plan, acting_user)
    op = dag(op)
    niet_voor(op, plan.deel_2_gereed_op, "Het akkoord ligt vóór de datum waarop deel 2 gereed was.")
    plan.akkoord_op = op
    plan.akkoord_door = acting_user
    plan.aanvraag_op = op
    plan.teruggestuurd_reden = ""
    plan.aanvraag_terug_reden = ""
    plan.status = PlanStatus.AKKOORD
    plan.save(
        update_fields=[
            "akkoord_op",
            "akkoord_door",
            "aanvraag_op",
            "teruggestuurd_reden",
            "aanvraag_terug_reden",
            "status",
        ]
    )
    melding = plan.melding
    zet_status(melding, MeldingStatus.AANGEVRAAGD)
    termijnen.open_termijn(
        Regelcode.BESCHIKKING,
        onderwerp=plan,
        gemeente=melding.gemeente,
        startdatum=op,
        acting_user=acting_user,
        omschrijving=Regelcode.BESCHIKKING.label,
    )
    audit.log(
        acting_user, "plan.akkoord", plan, client_id=melding.client_id, omschrijving="aanvraag"
    )
    meld(
        medewerkers(melding.gemeente, Rol.BACKOFFICE),
        titel="Nieuwe aanvraag: beschikking nemen",
        url=pagina_url("toegang:aanvraag", plan.pk),
    )
    return plan


@transaction.atomic
def stuur_terug(plan: Ondersteuningsplan, *, reden: str, acting_user, op: date | None = None):
    """No akkoord: part 2 goes back to the aanbieder with a reason (a dialogue about results,
    not tariff); a new task with the term ``plan_deel_2``. Returns the task."""
    plan = _plan_gereed(plan, acting_user)
    op = dag(op)
    if not (reden or "").strip():
        raise ValidationError("Geef de reden waarom het plan teruggaat naar de aanbieder.")
    melding = plan.melding
    taak = trajecten.maak_taak(
        melding.traject,
        naam=TAAKNAAM_DEEL_2_AANPASSEN,
        soort=TaakSoort.PLAN_DEEL_2,
        toegewezen_aan_organisatie=plan.aanbieder,
        vervaldatum=None,
        regelcode=Regelcode.PLAN_DEEL_2,
        startdatum=op,
        acting_user=acting_user,
        omschrijving=reden.strip(),
    )
    plan.teruggestuurd_reden = reden.strip()
    plan.deel_2_gereed_op = None
    plan.taak = taak
    plan.status = PlanStatus.TERUGGESTUURD
    plan.save(update_fields=["teruggestuurd_reden", "deel_2_gereed_op", "taak", "status"])
    zet_status(melding, MeldingStatus.OPDRACHT_DEEL_2)
    audit.log(
        acting_user,
        "plan.teruggestuurd",
        plan,
        client_id=melding.client_id,
        wijzigingen={"teruggestuurd_reden": ["", audit.VERBORGEN]},
    )
    return taak


# Step 8–9: beschikking and toewijzing ------------------------------------------------------


MAXIMAAL_BESCHIKKINGNUMMER = 999_999_999  # iWmo BeschikkingNummer: LDT_Nummer, 9 digits


def beschikkingnummer(dagtekening: date, pk: int) -> str:
    """Nine digits, year (yy) and sequence (7): a WMO315 cites it as an integer (LDT_Nummer)."""
    if pk > 9_999_999:
        raise ValidationError("Het beschikkingnummer past niet in negen cijfers (iWmo).")
    return f"{dagtekening.year % 100:02d}{pk:07d}"


def _mag_open_beschikken(melding: Melding) -> None:
    if melding.wet != Wet.WMO:
        raise ValidationError(
            "Een open beschikking bestaat alleen in de Wmo; in de Jeugdwet wijst de gemeente "
            "zelf toe of vraagt de aanbieder de toewijzing aan na een verwijzing."
        )
    if not melding.gemeente.open_beschikkingen:
        raise ValidationError(
            f"Gemeente {melding.gemeente} werkt niet met open beschikkingen: kies de aanbieder "
            "en wijs toe."
        )


def bereken_einddatum(ingangsdatum: date, duur: str, einddatum: date | None = None) -> date:
    """The einddatum (inclusive) for an indication duration, or the chosen date (``anders``).

    Refused: before the ingangsdatum, or more than 5 years."""
    if ingangsdatum is None:
        raise ValidationError("Vul de ingangsdatum in.")
    if duur not in Duur.values:
        raise ValidationError("Kies de duur: 6 maanden, 1, 1½, 2, 3, 4 of 5 jaar, of een datum.")
    if duur == Duur.ANDERS:
        if einddatum is None:
            raise ValidationError("Vul de einddatum in.")
    else:
        einddatum = kalender.plus_maanden(ingangsdatum, DUUR_MAANDEN[duur]) - timedelta(days=1)
    if einddatum < ingangsdatum:
        raise ValidationError("De einddatum ligt vóór de ingangsdatum.")
    if einddatum > kalender.plus_maanden(ingangsdatum, MAXIMALE_DUUR_MAANDEN) - timedelta(days=1):
        raise ValidationError("Een indicatie duurt nooit langer dan 5 jaar.")
    return einddatum


@transaction.atomic
def neem_beschikking(
    plan: Ondersteuningsplan,
    *,
    producten: Iterable[BeschiktProductInvoer],
    ingangsdatum: date | None,
    duur: str,
    motivering: str,
    acting_user,
    einddatum: date | None = None,
    dagtekening: date | None = None,
    bezwaarclausule: str = BEZWAARCLAUSULE,
    open_beschikking: bool = False,
) -> Beschikking:
    """The backoffice decides on the aanvraag (refused without akkoord).

    Products come from the aanbieder's contract (unit and frequency default to the contract
    line); the einddatum follows from ``duur`` (``bereken_einddatum``). The PDF letter is
    stored on the beschikking (gemeente only); then ``toewijzingen.services.wijs_toe`` creates
    the allocations and sends the WMO301/JW301. Closes the deadlines beschikking and
    melding_beschikking on the dagtekening and opens start_ondersteuning.

    ``open_beschikking`` (Wmo, gemeente with ``open_beschikkingen`` only): the right to
    support is decided but nothing is allocated (no 301, no start_ondersteuning): the
    gecontracteerde aanbieder the client chooses sends a WMO315 citing the nummer.

    A follow-up (``melding.vorige_beschikking``, see ``vervolg``): a herindicatie starts the
    day after the previous einddatum (the default for ``ingangsdatum``), so the care goes on
    without a gap; a profielwijziging starts on the chosen date and ends the previous
    allocations the day before, in the same 301."""
    eis_rol(acting_user, Rol.BACKOFFICE)
    plan = vergrendel_plan(plan)
    melding = plan.melding
    eis_gemeente(acting_user, melding.gemeente_id)
    if plan.status != PlanStatus.AKKOORD:
        raise ValidationError(
            "Er is geen akkoord op het ondersteuningsplan: zonder akkoord (aanvraag) neemt u "
            "geen beschikking."
        )
    vorige = melding.vorige_beschikking
    if vorige is not None:
        from . import vervolg  # late: vervolg builds on this module

        if open_beschikking:
            raise ValidationError(vervolg.GEEN_OPEN_VERVOLG)
        ingangsdatum = vervolg.ingangsdatum_vervolg(melding, ingangsdatum)
    if open_beschikking:
        _mag_open_beschikken(melding)
    dagtekening = dag(dagtekening, "De dagtekening")
    niet_voor(dagtekening, plan.aanvraag_op, "De dagtekening ligt vóór de aanvraag.")
    if not (motivering or "").strip():
        raise ValidationError("Motiveer de beschikking.")
    if not (bezwaarclausule or "").strip():
        raise ValidationError("De beschikking heeft een bezwaarclausule.")
    einddatum = bereken_einddatum(ingangsdatum, duur, einddatum)
    producten = list(producten)
    if not producten:
        raise ValidationError("Kies ten minste één product.")
    regels = contractregels(
        melding.gemeente, plan.aanbieder, [p.product for p in producten], op=ingangsdatum
    )
    for invoer in producten:
        if invoer.product.pk not in regels:
            raise ValidationError(
                f"{plan.aanbieder} heeft op {ingangsdatum:%d-%m-%Y} geen contract voor "
                f"{invoer.product}."
            )
        if invoer.product.wet != melding.wet:
            raise ValidationError(f"{invoer.product} hoort niet bij de {Wet(melding.wet).label}.")
        if not isinstance(invoer.volume, int) or invoer.volume < 1:
            raise ValidationError(f"Het volume voor {invoer.product} is een geheel getal vanaf 1.")
        eenheid, frequentie = _eenheid_frequentie(invoer, regels[invoer.product.pk])
        if fout := volumefout(
            invoer.volume, eenheid, frequentie, ingangsdatum=ingangsdatum, einddatum=einddatum
        ):
            raise ValidationError(f"{invoer.product}: {fout}")
    beschikking = maak_beschikking(
        plan,
        acting_user=acting_user,
        aanbieder_id=plan.aanbieder_id,
        dagtekening=dagtekening,
        ingangsdatum=ingangsdatum,
        duur=duur,
        einddatum=einddatum,
        motivering=motivering.strip(),
        bezwaarclausule=bezwaarclausule.strip(),
        open=open_beschikking,
    )
    for invoer in producten:
        eenheid, frequentie = _eenheid_frequentie(invoer, regels[invoer.product.pk])
        BeschiktProduct.objects.create(
            beschikking=beschikking,
            product=invoer.product,
            volume=invoer.volume,
            eenheid=eenheid,
            frequentie=frequentie,
        )
    bewaar_brief(beschikking)
    if not open_beschikking:
        # Before the allocation: wijs_toe opens start_ondersteuning itself unless the
        # beschikking already has it, so opening it afterwards would give two such deadlines.
        # A follow-up's care starts on its ingangsdatum (the previous one runs until then).
        start = max(dagtekening, ingangsdatum) if vorige else dagtekening
        termijnen.open_termijn(
            Regelcode.START_ONDERSTEUNING,
            onderwerp=beschikking,
            gemeente=melding.gemeente,
            startdatum=start,
            organisaties=[plan.aanbieder],
            acting_user=acting_user,
            omschrijving=Regelcode.START_ONDERSTEUNING.label,
        )
        if vorige is not None and melding.aanleiding == Aanleiding.PROFIELWIJZIGING:
            vervolg.wijs_toe_na_profielwijziging(beschikking, vorige, acting_user)
        else:
            _wijs_toe(beschikking, acting_user)
    plan.status = PlanStatus.BESCHIKT
    plan.save(update_fields=["status"])
    zet_status(melding, MeldingStatus.OPEN_BESCHIKT if open_beschikking else MeldingStatus.BESCHIKT)
    termijnen.sluit_termijnen_voor(
        plan, regelcode=Regelcode.BESCHIKKING, op=dagtekening, acting_user=acting_user
    )
    termijnen.sluit_termijnen_voor(
        melding, regelcode=Regelcode.MELDING_BESCHIKKING, op=dagtekening, acting_user=acting_user
    )
    audit.log(
        acting_user,
        "beschikking.genomen",
        beschikking,
        client_id=melding.client_id,
        omschrijving=(
            f"{beschikking.nummer}{' (open beschikking)' if open_beschikking else ''}: "
            f"{beschikking.ingangsdatum:%d-%m-%Y} t/m {beschikking.einddatum:%d-%m-%Y}, "
            f"{len(producten)} product(en)"
        ),
    )
    beschikking_genomen.send(Beschikking, beschikking=beschikking, acting_user=acting_user)
    return beschikking


def _eenheid_frequentie(invoer: BeschiktProductInvoer, regel) -> tuple[str, str]:
    """The product's eenheid and frequentie: as entered, else the contract line's."""
    product = invoer.product
    return (
        invoer.eenheid or regel.eenheid or product.eenheid,
        invoer.frequentie or regel.frequentie or product.frequentie,
    )


def maak_beschikking(plan: Ondersteuningsplan, *, acting_user, **velden) -> Beschikking:
    """A checked, numbered beschikking on ``plan`` of any ``soort``; the caller adds the
    products, then the letter (``bewaar_brief``)."""
    melding = plan.melding
    beschikking = Beschikking(
        plan=plan,
        gemeente_id=melding.gemeente_id,
        client_id=melding.client_id,
        wet=melding.wet,
        nummer=f"tijdelijk-{plan.pk}",
        genomen_door=acting_user,
        **velden,
    )
    beschikking.full_clean(exclude=["pdf"])
    beschikking.save()
    beschikking.nummer = beschikkingnummer(beschikking.dagtekening, beschikking.pk)
    beschikking.save(update_fields=["nummer"])
    return beschikking


def bewaar_brief(beschikking: Beschikking) -> None:
    """Render the letter and store it with the beschikking (gemeente only)."""
    beschikking.pdf = _brief(beschikking)
    beschikking.save(update_fields=["pdf"])


def brief_voor(beschikking: Beschikking):
    """The ``BeschikkingBrief`` (``toegang.pdf``) for a beschikking: texts, not codes."""
    from .pdf import BeschikkingBrief, BriefProduct

    client = beschikking.client
    adres = client.contacten.filter(relatie__isnull=True).first()
    regels = []
    if adres:
        regels = [
            " ".join(
                str(p)
                for p in (
                    adres.straatnaam,
                    adres.huisnummer,
                    adres.huisletter,
                    adres.huisnummertoevoeging,
                )
                if p
            ),
            f"{adres.postcode}  {adres.plaatsnaam}".strip(),
        ]
    return BeschikkingBrief(
        gemeente_naam=beschikking.gemeente.naam,
        gemeentecode=beschikking.gemeente.gemeentecode,
        client_naam=client.volledige_naam,
        client_adres=[r for r in regels if r],
        kenmerk=beschikking.nummer,
        datum=beschikking.dagtekening,
        producten=[
            BriefProduct(
                naam=bp.product.naam,
                volume=bp.volume,
                eenheid=_omschrijving("WJ756", bp.eenheid),
                frequentie=_omschrijving("WMO757", bp.frequentie),
            )
            for bp in beschikking.producten.select_related("product")
        ],
        ingangsdatum=beschikking.ingangsdatum,
        einddatum=beschikking.einddatum,
        motivatie=beschikking.motivering,
        bezwaarclausule=beschikking.bezwaarclausule,
        # Open: the client chooses the aanbieder, so the letter names none.
        aanbieder_naam=""
        if beschikking.open or not beschikking.aanbieder_id
        else beschikking.aanbieder.naam,
        open_beschikking=beschikking.open,
        afwijzing=beschikking.is_afwijzing,
    )


def _omschrijving(lijst: str, code: str) -> str:
    from wmoketen.producten import codelijsten

    return codelijsten.omschrijving(lijst, code).lower() if code else ""


def _brief(beschikking: Beschikking) -> bytes:
    """The letter as PDF bytes, by ``toegang.pdf.beschikking_pdf``."""
    from .pdf import beschikking_pdf

    return beschikking_pdf(brief_voor(beschikking))


def te_wijzen_producten(beschikking: Beschikking) -> list:
    """The beschikking's products as ``toewijzingen.services.TeWijzenProduct``."""
    from wmoketen.toewijzingen.services import TeWijzenProduct

    return [
        TeWijzenProduct(
            product=bp.product,
            volume=bp.volume,
            eenheid=bp.eenheid,
            frequentie=bp.frequentie,
            ingangsdatum=beschikking.ingangsdatum,
            einddatum=beschikking.einddatum,
        )
        for bp in beschikking.producten.select_related("product")
    ]


def _wijs_toe(beschikking: Beschikking, acting_user) -> list:
    from wmoketen.toewijzingen import services as toewijzingen

    return toewijzingen.wijs_toe(
        gemeente=beschikking.gemeente,
        aanbieder=beschikking.aanbieder,
        client=beschikking.client,
        wet=beschikking.wet,
        producten=te_wijzen_producten(beschikking),
        beschikkingnummer=beschikking.nummer,
        acting_user=acting_user,
    )
