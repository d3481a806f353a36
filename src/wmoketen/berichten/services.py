"""The message pipeline: store verbatim, validate, claim the Identificatie, handle, retour.

    ontvang()  a message arrives over a transport (file mailbox, API)
    verstuur() one of our organisations sends a message; the receiver's transport delivers it
    verwerk()  the receiving side's processing, the same for every transport
    herverwerk() a failed or stuck message, once more (functioneel beheerder)

The raw bytes are committed first in their own transaction, so nothing received is ever lost;
everything after that happens in one transaction per message.
"""

import hashlib
import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from kombu.exceptions import OperationalError as KombuFout

from istandaarden.fout import MAX_FOUTEN, Fout, ParseFout, meldingen, totaal
from istandaarden.regels.crossmessage import controleer
from istandaarden.retour import maak_retour
from istandaarden.safe_xml import parse_bytes
from istandaarden.validation import validate_tree
from wmoketen.audit import services as audit

from . import afhandeling
from .constants import DUBBELE_IDENTIFICATIE, Soort, Status, Transport
from .handlers import handler_voor, is_zelf_beoordeeld
from .kop import Kop, als_ontvangen, lees_kop
from .models import Bericht, Berichtkanaal, Bezorging
from .signals import retour_gekoppeld
from .sloten import vergrendel_bericht

logger = logging.getLogger(__name__)


class OngeldigBericht(ValidationError):
    """An outgoing message that breaks the standard: it is not sent.

    ``fouten``: the findings themselves (``Fout``), so a form can tell the user what to change
    (``berichten.regelteksten``); the messages keep "CODE: text" for logs and support.
    """

    def __init__(self, message, *, fouten=()) -> None:
        super().__init__(message)
        self.fouten = list(fouten)


def kanaal_van(organisatie) -> str:
    kanaal = Berichtkanaal.objects.filter(organisatie_id=organisatie.pk).first()
    return kanaal.transport if kanaal else Transport.INTERN


@transaction.atomic
def _bewaar(data: bytes, *, afzender, ontvanger, transport: str, status: str, **velden) -> Bericht:
    return Bericht.objects.create(
        inhoud=data,
        sha256=hashlib.sha256(data).hexdigest(),
        grootte=len(data),
        afzender_id=afzender.pk,
        ontvanger_id=ontvanger.pk,
        transport=transport,
        status=status,
        **velden,
    )


def ontvang(data: bytes, *, afzender, ontvanger, transport: str, bron: str = "") -> Bericht:
    """A message from ``afzender`` for ``ontvanger`` arrived over ``transport``.

    ``bron``: where a file mailbox took it from (unique per receiver, see ``Bericht.bron``).
    """
    bericht = _bewaar(
        data,
        afzender=afzender,
        ontvanger=ontvanger,
        transport=transport,
        status=Status.ONTVANGEN,
        bron=bron,
    )
    logger.info("bericht %s ontvangen via %s (%d bytes)", bericht.pk, transport, len(data))
    return verwerk(bericht)


def verstuur(data: bytes, *, afzender, ontvanger, acting_user=None, naam: str = "") -> Bericht:
    """Send a message we built; refused (nothing stored) when it breaks the standard.

    ``naam`` (e.g. "WMO301"): the refusal then starts with a sentence that names the message,
    for the user who tried to send it.
    """
    uitleg = (
        [f"Het {naam}-bericht voldoet niet aan de standaard en is niet verstuurd."] if naam else []
    )
    try:  # one parse serves the validation and the Header
        tree = parse_bytes(data, compact=True)
    except ParseFout as fout:
        regel = f"{fout.fout.code}: {fout.fout.message}"
        raise OngeldigBericht([*uitleg, regel], fouten=[fout.fout]) from None
    fouten = validate_tree(tree)
    if fouten:
        raise OngeldigBericht([*uitleg, *meldingen(fouten)], fouten=fouten)
    kop = lees_kop(tree.getroot())
    with transaction.atomic():
        bericht = _bewaar(
            data,
            afzender=afzender,
            ontvanger=ontvanger,
            transport=kanaal_van(ontvanger),
            status=Status.VERZONDEN,
            **_kopvelden(kop),
        )
        audit.log(acting_user, "bericht.verzonden", bericht, omschrijving=str(bericht))
        _naar_uitvoer(bericht)
    return bericht


def _naar_uitvoer(bericht: Bericht) -> None:
    """Record the intent to deliver with the message (outbox), and deliver after the commit.

    File mailbox and API need no delivery: the export command writes the message, or the
    receiver fetches it.
    """
    if bericht.transport == Transport.INTERN:
        Bezorging.objects.create(bericht=bericht)
        transaction.on_commit(lambda: bezorg(bericht.pk))


def bezorg(pk: int) -> bool:
    """Queue an internal message for the receiver's pipeline; False when the broker refused.

    A refusal (broker down) is recorded on the Bezorging and left to ``herstel``: the message
    is stored and committed already, so the sender's action stands.
    """
    from .tasks import verwerk_intern

    Bezorging.objects.filter(bericht_id=pk).update(
        pogingen=F("pogingen") + 1, laatste_poging_op=timezone.now(), laatste_fout=""
    )
    try:
        verwerk_intern.delay(pk)
    except KombuFout as fout:
        logger.warning("bericht %s: niet in de wachtrij gezet (%s); herstel volgt", pk, fout)
        Bezorging.objects.filter(bericht_id=pk).update(laatste_fout=f"wachtrij: {fout}"[:500])
        return False
    return True


def _kopvelden(kop: Kop) -> dict:
    return {
        "soort": Soort.RETOUR if kop.is_retour else Soort.HEENBERICHT,
        "standaard": kop.soort.standaard,
        "nummer": kop.soort.nummer,
        "berichtcode": kop.soort.berichtcode,
        "versie": kop.versie[:10],
        "identificatie": kop.eigen_identificatie[:20],
        "dagtekening": kop.eigen_dagtekening,
    }


# Only a message waiting for the receiving side is processed; a repeat of the task is a no-op.
TE_VERWERKEN = (Status.ONTVANGEN, Status.VERZONDEN)


def verwerk(bericht: Bericht) -> Bericht:
    """The receiving side's pipeline for one stored message; a repeat is a no-op.

    Safe to run again at any time (a redelivered task, the recovery job, two workers at
    once): the message row is locked and only a message still waiting is processed.
    """
    bericht = _verwerk(bericht)
    if bericht.status not in TE_VERWERKEN:  # the pipeline has it: delivery is done
        Bezorging.objects.filter(bericht_id=bericht.pk, afgerond_op__isnull=True).update(
            afgerond_op=timezone.now()
        )
    return bericht


def _verwerk(bericht: Bericht) -> Bericht:
    try:
        tree = parse_bytes(bericht.bytes, compact=True)
    except ParseFout as fout:
        return _onleesbaar(bericht, fout.fout)
    try:
        return _verwerk_boom(bericht, tree)
    except Exception as exc:  # a defect of ours: keep the message, mark it, go on with the next
        logger.exception("bericht %s: onverwachte fout in de verwerking", bericht.pk)
        Bericht.objects.filter(pk=bericht.pk, status__in=TE_VERWERKEN).update(
            status=Status.FOUT_BIJ_VERWERKING, foutmelding=f"{type(exc).__name__}: {exc}"
        )
        return Bericht.objects.get(pk=bericht.pk)


def _verwerk_boom(bericht: Bericht, tree) -> Bericht:
    fouten = validate_tree(tree)
    kop = lees_kop(tree.getroot())
    with transaction.atomic():
        bericht = Bericht.objects.select_for_update().get(pk=bericht.pk)
        if bericht.status not in TE_VERWERKEN:
            return bericht
        for veld, waarde in _kopvelden(kop).items():
            setattr(bericht, veld, waarde)
        if fout := _adresfout(bericht, kop):
            return _afkeuren(bericht, [fout])
        # The Identificatie is used from now on, even when this message is rejected.
        bericht.origineel = eerder = _claim(bericht, kop)
        if any(f.code == "XSD" for f in fouten):
            return _afkeuren(bericht, fouten)  # controleniveau 1: an error report, no retour
        if eerder is not None and eerder.sha256 == bericht.sha256:
            return _herhaling(bericht, eerder)
        if fouten:
            # Controleniveau 2 comes before the cross-message TR056 (level 3): 0001 only.
            return _weiger(bericht, tree.getroot(), fouten)
        if eerder is not None:
            return _weiger(bericht, tree.getroot(), [_tr056()])
        return _accepteer(bericht, kop, tree)


def _onleesbaar(bericht: Bericht, fout: Fout) -> Bericht:
    with transaction.atomic():
        bericht.status = Status.AFGEKEURD
        bericht.soort = Soort.ONBEKEND
        bericht.fouten = [fout.as_dict()]
        bericht.fouten_totaal = 1
        bericht.verwerkt_op = timezone.now()
        bericht.save()
    logger.warning("bericht %s onleesbaar: %s", bericht.pk, fout.message)
    return bericht


def _adresfout(bericht: Bericht, kop: Kop) -> Fout | None:
    """The Header must name the organisations the transport says: a message is not ours else.

    A retour copies the heenbericht's Header, so there Afzender is the retour's receiver.
    """
    afzender, ontvanger = (
        (kop.ontvanger, kop.afzender) if kop.is_retour else (kop.afzender, kop.ontvanger)
    )
    verwacht = (bericht.afzender.code, bericht.ontvanger.code)
    if (afzender, ontvanger) == verwacht:
        return None
    return Fout(
        "ADRES",
        None,
        "/Bericht[1]/Header[1]",
        None,
        f"De Header noemt afzender {afzender} en ontvanger {ontvanger}, maar het bericht "
        f"kwam van {verwacht[0]} voor {verwacht[1]}.",
    )


def _claim(bericht: Bericht, kop: Kop) -> Bericht | None:
    """TR056: claim (sender, standard, message, Identificatie); the earlier holder if taken.

    The unique column makes a concurrent second claim wait for the first transaction and
    then fail, so exactly one of two simultaneous copies is processed.
    """
    sleutel = (
        f"{bericht.afzender_id}:{kop.soort.standaard}:{kop.soort.nummer}:{kop.eigen_identificatie}"
    )
    if len(sleutel) > 120:  # only an XSD-invalid Identificatie is this long: keep it exact
        sleutel = "sha256:" + hashlib.sha256(sleutel.encode()).hexdigest()
    try:
        with transaction.atomic():
            Bericht.objects.filter(pk=bericht.pk).update(sleutel=sleutel)
    except IntegrityError:
        return Bericht.objects.select_related("retour").defer("retour__inhoud").get(sleutel=sleutel)
    bericht.sleutel = sleutel
    return None


def _herhaling(bericht: Bericht, eerder: Bericht) -> Bericht:
    """The same bytes again (a resend after a lost connection): the earlier retour stands."""
    bericht.status = Status.DUBBEL
    bericht.verwerkt_op = timezone.now()
    bericht.save()
    retour = getattr(eerder, "retour", None)
    if retour is not None:
        transaction.on_commit(lambda: _bezorg_opnieuw(retour.pk))
    return bericht


def _tr056() -> Fout:
    return Fout(
        "TR056",
        DUBBELE_IDENTIFICATIE,
        None,
        None,
        "Deze identificatie is al gebruikt voor een ander bericht van deze afzender.",
    )


def _bezorg_opnieuw(pk: int) -> None:
    """Offer an earlier retour again (a resend after a lost connection).

    Inside the installation it was delivered already; outside, it is offered for fetching or
    export once more.
    """
    Bericht.objects.filter(pk=pk).exclude(transport=Transport.INTERN).update(opgehaald_op=None)


def _als_json(fout) -> dict:
    """A single-message Fout or a cross-message Overtreding, as stored on the message."""
    if isinstance(fout, Fout):
        return fout.as_dict()
    return {
        "code": fout.code,
        "retourcode": fout.retourcode,
        "xpath": None,
        "line": getattr(fout.element, "sourceline", None),
        "message": fout.message,
    }


def _afkeuren(bericht: Bericht, fouten, *, retour: bool = False) -> Bericht:
    """Rejected: counts as not sent (OP286). A retour where the standard gives one."""
    bericht.status = Status.AFGEKEURD
    # Only the first errors are kept (and logged); the retour gets them all.
    bericht.fouten = [_als_json(f) for f in fouten[:MAX_FOUTEN]]
    bericht.fouten_totaal = totaal(fouten)
    bericht.retourcodes = sorted({f.retourcode for f in fouten if f.retourcode})
    bericht.verwerkt_op = timezone.now()
    bericht.save()
    logger.warning(
        "bericht %s afgekeurd (%d fouten): %s",
        bericht.pk,
        bericht.fouten_totaal,
        "; ".join(f"{f['code']} {f['message']}" for f in bericht.fouten),
    )
    if retour and _heeft_retour(bericht):
        _stuur_retour(bericht, fouten)
    return bericht


def _weiger(bericht: Bericht, root, fouten) -> Bericht:
    """Rejected on a single-message rule or on TR056: the retour, then the message type's
    registered ``weigering`` in a savepoint; when that fails, the rejection stands."""
    bericht = _afkeuren(bericht, fouten, retour=True)
    afhandeling.meld_weigering(bericht, root, fouten)
    return bericht


def _heeft_retour(bericht: Bericht) -> bool:
    return bericht.nummer not in (323, 325) and bericht.soort == Soort.HEENBERICHT


def _accepteer(bericht: Bericht, kop: Kop, tree) -> Bericht:
    root = tree.getroot()
    if kop.is_retour:
        _koppel_aan_heenbericht(bericht, kop, root)
    else:
        # One at a time per client of this receiver: the rules see every earlier message.
        vergrendel_bericht(bericht, root)
        if not is_zelf_beoordeeld(bericht.standaard, bericht.nummer):  # else the handler does
            overtredingen = controleer(als_ontvangen(kop, root), store=bericht)
            if overtredingen:  # controleniveau 3/4: the retour names them per message class
                return _afkeuren(bericht, overtredingen, retour=True)
    bericht.status = Status.GEACCEPTEERD
    bericht.save()
    return _handel_af(bericht, root)


def _koppel_aan_heenbericht(retour: Bericht, kop: Kop, root) -> None:
    """Match a retour to the heenbericht we sent, by that one's Identificatie."""
    heen = (
        Bericht.objects.filter(
            afzender_id=retour.ontvanger_id,
            ontvanger_id=retour.afzender_id,
            standaard=kop.soort.standaard,
            nummer=kop.soort.nummer - 1,
            identificatie=kop.identificatie,
            soort=Soort.HEENBERICHT,
        )
        .exclude(status=Status.DUBBEL)
        .order_by("pk")
        .first()
    )
    if (
        heen is not None
        and not Bericht.objects.filter(heenbericht=heen).exclude(pk=retour.pk).exists()
    ):
        retour.heenbericht = heen
        heen.retourcodes = retour.retourcodes = codes_in(root)
        heen.save(update_fields=["retourcodes"])
        retour_gekoppeld.send(
            sender=Bericht, retour=retour, heenbericht=heen, codes=heen.retourcodes
        )


def retour_codes(data: bytes) -> list[str]:
    """Every RetourCode in a retour message."""
    return codes_in(parse_bytes(data).getroot())


def codes_in(root) -> list[str]:
    """Every RetourCode under ``root`` (a parsed retour), sorted."""
    return sorted({e.text for e in root.iter("{*}RetourCode") if e.text})


def _handel_af(bericht: Bericht, root, *, retour_verzonden: bool = False) -> Bericht:
    """Run the handler in a savepoint: fully applied, or not at all and marked. A heenbericht
    of a type without a handler is flagged, never marked verwerkt; its retour still goes: a
    retour says the message passed the checks (IV028), not that it was applied.

    ``retour_verzonden``: the retour went already (a message processed later, ``herverwerk``).
    """
    if afhandeling.zonder_verwerking(bericht):
        afhandeling.markeer_zonder_verwerking(bericht)
    elif fout := afhandeling.handel(bericht, root):
        bericht.status = Status.FOUT_BIJ_VERWERKING
        bericht.foutmelding = fout
        bericht.save()
        return bericht
    else:
        bericht.status = Status.RETOUR_VERZONDEN if retour_verzonden else Status.VERWERKT
        bericht.foutmelding = ""
        bericht.verwerkt_op = timezone.now()
        bericht.save()
    if _heeft_retour(bericht) and not retour_verzonden:
        _stuur_retour(bericht, [])
    return bericht


def _stuur_retour(heen: Bericht, fouten) -> Bericht:
    """Build the retour (IV028) and send it back over the sender's transport."""
    data = maak_retour(
        heen.bytes,
        fouten,
        identificatie_retour=f"R{heen.pk}"[:12],
        dagtekening_retour=timezone.localdate(),
    )
    root = parse_bytes(data).getroot()  # once, for the codes and the Header
    codes = codes_in(root)
    retour = _bewaar(
        data,
        afzender=heen.ontvanger,
        ontvanger=heen.afzender,
        transport=kanaal_van(heen.afzender),
        status=Status.VERZONDEN,
        **_kopvelden(lees_kop(root)),
        heenbericht=heen,
        retourcodes=codes,
    )
    if heen.status == Status.VERWERKT:
        heen.status = Status.RETOUR_VERZONDEN
    heen.retourcodes = codes
    heen.save()
    _naar_uitvoer(retour)
    return retour


def mag_herverwerken(gebruiker, bericht: Bericht) -> bool:
    """Only a functioneel beheerder of the receiving organisation runs its pipeline again."""
    return gebruiker.is_functioneel_beheerder and bericht.ontvanger_id == gebruiker.organisatie_id


def kan_herverwerken(bericht: Bericht) -> bool:
    """A message that failed in its handler, one still waiting for the pipeline (stuck), or
    one nothing processed whose type has a handler by now."""
    if bericht.status == Status.GEEN_VERWERKING:
        return handler_voor(bericht.standaard, bericht.nummer) is not None
    return bericht.status == Status.FOUT_BIJ_VERWERKING or wacht_op_verwerking(bericht)


def wacht_op_verwerking(bericht: Bericht) -> bool:
    """Stored, but the receiving side's pipeline has not taken it (yet): per row what
    ``models.WACHTEND`` is as a filter."""
    return bericht.status == Status.ONTVANGEN or (
        bericht.status == Status.VERZONDEN and bericht.transport == Transport.INTERN
    )


def herverwerk(bericht: Bericht, *, acting_user) -> Bericht:
    """Run the whole pipeline, rules included, for a failed or stuck message once more.

    A message that failed in its handler keeps its claimed Identificatie (claiming it again
    is a no-op for the same message); everything else is checked anew. A message that passed
    the checks and was answered already (no handler then, or its retour went) only gets its
    handler: the checks and the retour stand.
    """
    if not mag_herverwerken(acting_user, bericht):
        raise PermissionDenied(
            "Alleen een functioneel beheerder van de ontvanger kan een bericht herverwerken."
        )
    with transaction.atomic():
        bericht = Bericht.objects.select_for_update().get(pk=bericht.pk)
        if not kan_herverwerken(bericht):  # checked under the lock
            raise ValidationError(_niet_herverwerkbaar(bericht))
        audit.log(acting_user, "bericht.herverwerkt", bericht, omschrijving=str(bericht))
        if afhandeling.al_beantwoord(bericht):
            return _handel_alsnog_af(bericht)
        if bericht.status == Status.FOUT_BIJ_VERWERKING:
            bericht.status = Status.ONTVANGEN
            bericht.foutmelding = ""
            bericht.save(update_fields=["status", "foutmelding"])
    return verwerk(bericht)


def _niet_herverwerkbaar(bericht: Bericht) -> str:
    if bericht.status == Status.GEEN_VERWERKING:
        return (
            f"Voor {bericht.naam} is nog geen verwerking ingericht; het bericht kan pas "
            "opnieuw worden verwerkt als die er is."
        )
    return (
        "Alleen een bericht met een fout bij verwerking of een bericht dat nog op "
        "verwerking wacht, kan opnieuw worden verwerkt."
    )


def _handel_alsnog_af(bericht: Bericht) -> Bericht:
    """Only the handler of a message checked and answered before (in the caller's
    transaction, with the row locked); its clients are locked as at receipt."""
    root = parse_bytes(bericht.bytes, compact=True).getroot()
    if bericht.soort == Soort.HEENBERICHT:
        vergrendel_bericht(bericht, root)
    return _handel_af(bericht, root, retour_verzonden=_heeft_retour(bericht))
