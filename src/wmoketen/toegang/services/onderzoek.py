"""Steps 2–3: the home visit and the onderzoek (the integrale vraaganalyse with the ZRM scores)."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from wmoketen.audit import services as audit
from wmoketen.termijnen import services as termijnen
from wmoketen.termijnen.constants import Regelcode

from ..constants import Levensdomein, MeldingStatus
from ..controles import dag, eis_consulent, niet_voor, vergrendel_melding, zet_status
from ..models import Domeinscore, Melding, Onderzoek


@dataclass(frozen=True)
class DomeinInvoer:
    """One life domain of the onderzoek: ZRM score 1–5, problems and strengths."""

    domein: str
    score: int
    problemen: str = ""
    krachten: str = ""


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
