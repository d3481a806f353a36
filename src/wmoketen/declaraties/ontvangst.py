"""A 323 received by the gemeente: checked, stored with its verdicts, its deadline opened.

The pipeline has validated the message (XSD and the single-message rules) and leaves the
cross-message rules to this handler (``zelf_beoordeeld``): the 325 answers them class by class
(IV087) instead of with a retour. The receiver is the gemeente the message is addressed to
(its ontvanger: the gemeente that made the toewijzingen, not one derived from the client's
address), the aanbieder its afzender.

* refused as a whole (an error on the Declaratie class): stored with its retourcodes and
  without prestaties (it counts as not sent), and answered at once;
* otherwise every prestatie is stored with its verdict; the 325 goes when a clerk answers, or
  by ``beantwoorden.beantwoord_openstaande`` after the waiting time;
* the ``antwoord_323`` deadline (10 werkdagen, OP090) is opened in either case and closed by
  the 325;
* a toewijzing declared without a start (305) is a signal in the worklist, never a reason to
  reject (OP364).

A 323 rejected on a single-message rule (controleniveau 2) or on TR056 is answered with the
Header only (``weiger_323``): 0001, or 9056 for a reused Identificatie.
"""

from __future__ import annotations

import logging
import zlib

from django.db import connection
from django.utils import timezone

from wmoketen.audit import services as audit
from wmoketen.berichten.constants import DUBBELE_IDENTIFICATIE
from wmoketen.berichten.handlers import Ontvangen, handler, weigering, zelf_beoordeeld
from wmoketen.berichten.kop import als_ontvangen, lees_kop
from wmoketen.berichten.standaarden import WET
from wmoketen.organisaties.models import Gemeente
from wmoketen.termijnen import services as termijnen
from wmoketen.termijnen.constants import Regelcode
from wmoketen.toewijzingen.models import Signaal

from . import bericht325, externe_bron, regels
from .beoordeling import Uitslag, antwoord_velden, beoordeel
from .constants import TECHNISCH_AFGEKEURD, BeoordelingStatus, Oordeel
from .context import Context, laad, lees_323
from .models import OntvangenDeclaratie, OntvangenPrestatie

logger = logging.getLogger(__name__)

ZONDER_START = "declaratie zonder start"

# The first key of the advisory lock on an aanbieder's declarations to a gemeente (``_reeks``).
REEKS = 323

zelf_beoordeeld("iwmo", 323)
zelf_beoordeeld("ijw", 323)


@handler("iwmo", 323)
@handler("ijw", 323)
def verwerk_323(ontvangen: Ontvangen) -> None:
    ontvang_declaratie(ontvangen.bericht, ontvangen.root)


def ontvang_declaratie(bericht, root) -> OntvangenDeclaratie:
    """Check the 323 in ``bericht`` and store it with its verdicts (the caller's transaction)."""
    gemeente = Gemeente.objects.get(pk=bericht.ontvanger_id)
    gelezen = lees_323(root)
    _vergrendel_reeks(gemeente.pk, bericht.afzender_id, WET[bericht.standaard])
    ctx = laad(
        gelezen,
        gemeente_id=gemeente.pk,
        aanbieder_id=bericht.afzender_id,
        wet=WET[bericht.standaard],
        bericht_id=bericht.pk,
    )
    bericht_gelezen = als_ontvangen(lees_kop(root), root)
    overtredingen = regels.controleer(ctx) + externe_bron.controleer(bericht_gelezen)
    uitslag = beoordeel(gelezen, overtredingen)
    declaratie = OntvangenDeclaratie.objects.create(
        gemeente=gemeente,
        aanbieder_id=bericht.afzender_id,
        wet=ctx.wet,
        bericht=bericht,
        declaratienummer=gelezen.declaratienummer,
        periode_begin=gelezen.periode_begin,
        periode_eind=gelezen.periode_eind,
        ingediend_bedrag=gelezen.totaal,
        toegekend_bedrag=0 if uitslag.geweigerd else uitslag.toegekend,
        header_retourcodes=list(uitslag.header_codes),
        retourcodes=list(uitslag.declaratie_codes),
    )
    if not uitslag.geweigerd:
        _bewaar_prestaties(declaratie, ctx, uitslag)
        _signaleer_zonder_start(declaratie, ctx, bericht)
    declaratie.termijn = termijnen.open_termijn(
        Regelcode.DECLARATIE_ANTWOORD,
        onderwerp=declaratie,
        gemeente=gemeente,
        startdatum=timezone.localdate(),
        organisaties=[declaratie.aanbieder],
        acting_user=None,
    )
    declaratie.save(update_fields=["termijn"])
    audit.log(
        None,
        "declaratie.ontvangen",
        declaratie,
        organisatie=gemeente,
        omschrijving=_omschrijving(declaratie, uitslag),
    )
    if uitslag.geweigerd:  # nothing to review: the answer goes at once
        _beantwoord_geweigerd(declaratie, root, uitslag)
    return declaratie


def _vergrendel_reeks(gemeente_id: int, aanbieder_id: int, wet: str) -> None:
    """One 323 at a time per gemeente, aanbieder and wet, until the transaction ends.

    TR333 (a declaratienummer used before) and TR318 (the period follows the previous one)
    read all the aanbieder's earlier declarations, not only those about the message's clients,
    which is what the pipeline locks (``berichten.sloten``): two 323s about different clients
    would both pass them. PostgreSQL: an advisory lock in the two-key form, a key space apart
    from the pipeline's one-key locks, taken only here and after those: no lock order to
    deadlock on. SQLite: a no-op, its pipeline transaction runs alone (``sloten``).
    """
    if connection.vendor != "postgresql":
        return
    sleutel = zlib.crc32(f"{gemeente_id}:{aanbieder_id}:{wet}".encode()) - (1 << 31)  # int4
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [REEKS, sleutel])


def _omschrijving(declaratie, uitslag: Uitslag) -> str:
    if uitslag.geweigerd:
        codes = uitslag.header_codes or uitslag.declaratie_codes
        return f"{declaratie} afgewezen: {', '.join(codes)}"
    return f"{declaratie}: {len(uitslag.afgewezen)} prestatie(s) afgewezen"


def _bewaar_prestaties(declaratie, ctx: Context, uitslag: Uitslag) -> None:
    rijen = []
    for p in ctx.declaratie.prestaties:
        t = ctx.toewijzing_van(p)
        codes = uitslag.afgewezen.get(p.referentienummer)
        rijen.append(
            OntvangenPrestatie(
                declaratie=declaratie,
                toewijzing=t,
                client=ctx.clienten.get(p.bsn),
                bsn=p.bsn,
                referentienummer=p.referentienummer,
                vorig_referentienummer=p.vorig_referentienummer,
                toewijzingnummer=p.toewijzingnummer,
                productcategorie=p.productcategorie,
                productcode=p.productcode,
                periode_begin=p.begin,
                periode_eind=p.eind,
                geleverd_volume=p.volume,
                eenheid=p.eenheid,
                tarief=p.tarief,
                bedrag=p.bedrag,
                debet_credit=p.debet_credit,
                oordeel=Oordeel.AFGEWEZEN if codes else Oordeel.GOEDGEKEURD,
                retourcodes=codes or [],
                client_retourcodes=uitslag.client_codes.get(p.bsn, []),
            )
        )
    # No batch size of our own: PostgreSQL takes every row in one INSERT (client-side
    # binding has no parameter limit); Django splits it where SQLite's variable limit says.
    OntvangenPrestatie.objects.bulk_create(rijen)


def _signaleer_zonder_start(declaratie, ctx: Context, bericht) -> None:
    """OP364: a declared toewijzing without a start (305) is looked at, not rejected."""
    zonder = {
        t.pk: t
        for p in ctx.declaratie.prestaties
        if (t := ctx.toewijzing_van(p)) is not None and t.pk not in ctx.gestart
    }
    Signaal.objects.bulk_create(
        [
            Signaal(
                organisatie_id=declaratie.gemeente_id,
                soort=ZONDER_START,
                tekst=(
                    f"{declaratie.aanbieder} declareert op toewijzing {t.toewijzingnummer} "
                    f"(declaratie {declaratie.declaratienummer}), maar stuurde geen start (305). "
                    "De standaard keurt de declaratie daarom niet af (OP364); controleer het."
                ),
                bericht=bericht,
                toewijzing=t,
            )
            for t in zonder.values()
        ]
    )


def _beantwoord_geweigerd(declaratie, root, uitslag: Uitslag) -> None:
    antwoord = bericht325.maak_325(declaratie.bericht, root, **antwoord_velden(uitslag))
    declaratie.antwoord = antwoord
    declaratie.status = BeoordelingStatus.BEANTWOORD
    declaratie.save(update_fields=["antwoord", "status"])
    termijnen.sluit_termijn(declaratie.termijn, op=timezone.localdate(), acting_user=None)


@weigering("iwmo", 323)
@weigering("ijw", 323)
def weiger_323(bericht, root, fouten) -> None:
    """A 323 rejected on a single-message rule (0001) or on TR056 (9056): the Header only."""
    code = (
        DUBBELE_IDENTIFICATIE
        if any(getattr(f, "code", None) == "TR056" for f in fouten)
        else TECHNISCH_AFGEKEURD
    )
    bericht325.maak_325(bericht, root, header_codes=[code])
    logger.info("323 %s afgewezen met een 325 (Header %s)", bericht.pk, code)
