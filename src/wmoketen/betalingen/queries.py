"""Reads of payments: what is still to pay, the batches for the pages and worklist, totals.

What is approved is read through the declarations' and budgets' own reads
(``declaraties.queries.goedgekeurde_prestaties``, ``budgetten.queries.voorschotten_voor``);
this module keeps what no batch holds yet.
"""

from collections import defaultdict

from django.db.models import BigIntegerField, Count, F, Q, Sum, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from wmoketen.audit import services as audit
from wmoketen.budgetten.queries import voorschotten_voor
from wmoketen.declaraties.queries import goedgekeurde_prestaties
from wmoketen.organisaties.rekening import maskeer

from .constants import OPEN, BatchStatus
from .models import Betaalbatch, Betaalregel

FILTERS = {"": "Te betalen", **dict(BatchStatus.choices), "alle": "Alle"}
# The totals page: the dimension (GET "per") → (label, the values() path, its order).
DIMENSIES = {
    "maand": ("Maand", "batch__maand"),
    "aanbieder": ("Aanbieder", "batch__aanbieder__naam"),
    "product": ("Product", "productcode"),
    "gemeente": ("Gemeente", "batch__gemeente__naam"),
}


# Still to pay ---------------------------------------------------------------------------------


def te_betalen_prestaties(gemeente):
    """The gemeente's approved prestaties of answered declarations not in a batch yet (none
    of € 0,00), with the declaration, its 325 (without its content) and the aanbieder."""
    return goedgekeurde_prestaties(gemeente.pk).filter(betaalregel__isnull=True)


def te_betalen_voorschotten(gemeente, *, tot_en_met):
    """The advances and settlements of the gemeente's budgets for months up to
    ``tot_en_met`` (a first day) not in a batch yet (none of € 0,00), with their budget."""
    return voorschotten_voor(gemeente, tot_en_met=tot_en_met).filter(betaalregel__isnull=True)


def batches_van(gemeente_id: int, aanbieder_ids) -> defaultdict[int, dict]:
    """{aanbieder_id: {maand: Betaalbatch}} of one gemeente and those aanbieders (to place new
    lines), in one query, locked: call it inside the transaction that holds the gemeente's
    lock (``services.maak_batches``)."""
    rijen = Betaalbatch.objects.select_for_update().filter(
        gemeente_id=gemeente_id, aanbieder_id__in=aanbieder_ids
    )
    per_aanbieder = defaultdict(dict)
    for batch in rijen:
        per_aanbieder[batch.aanbieder_id][batch.maand] = batch
    return per_aanbieder


# Pages ----------------------------------------------------------------------------------------


def _nul():
    return Value(0, output_field=BigIntegerField())


def _met_totalen(batches):
    return batches.annotate(totaal=Coalesce(Sum("regels__bedrag"), _nul()), aantal=Count("regels"))


def zichtbare_batches(organisatie):
    return Betaalbatch.objects.voor_organisatie(organisatie).select_related(
        "gemeente", "aanbieder", "termijn"
    )


def batch_lijst(organisatie, *, keuze: str = "", aanbieder_id: int | None = None):
    """The organisation's batches with their totals: by default those still to pay, the
    nearest deadline first; a status or "alle", the latest month first."""
    batches = zichtbare_batches(organisatie)
    if aanbieder_id:
        batches = batches.filter(aanbieder_id=aanbieder_id)
    if keuze == "alle":
        volgorde = ("-maand", "aanbieder__naam", "pk")
    elif keuze in BatchStatus.values:
        batches = batches.filter(status=keuze)
        volgorde = ("-maand", "aanbieder__naam", "pk")
    else:
        batches = batches.filter(status__in=OPEN)
        volgorde = (F("vervaldatum").asc(nulls_last=True), "maand", "pk")
    return _met_totalen(batches).order_by(*volgorde)


def aanbieders_in_batches(organisatie):
    """(pk, naam) of the aanbieders of the organisation's batches, for the filter."""
    return (
        zichtbare_batches(organisatie)
        .values_list("aanbieder_id", "aanbieder__naam")
        .distinct()
        .order_by("aanbieder__naam")
    )


def lees_batch(gebruiker, pk: int) -> Betaalbatch:
    """One batch the user's organisation may see (404 otherwise)."""
    return get_object_or_404(zichtbare_batches(gebruiker.organisatie), pk=pk)


def totaal(batch) -> dict:
    """totaal (signed cent), debet, credit and aantal lines of one batch."""
    return batch.regels.aggregate(
        totaal=Coalesce(Sum("bedrag"), _nul()),
        debet=Coalesce(Sum("bedrag", filter=Q(bedrag__gt=0)), _nul()),
        credit=Coalesce(Sum("bedrag", filter=Q(bedrag__lt=0)), _nul()),
        aantal=Count("pk"),
    )


def rekening_afwijkingen(batch, *, met_gemeente: bool) -> list[str]:
    """Dutch warnings for a fixed batch whose organisations' accounts changed since it was
    fixed: the batch pays the account fixed with it. The gemeente's own only for the gemeente."""
    if batch.is_concept:
        return []
    kanten = [(batch.aanbieder, batch.crediteur)]
    if met_gemeente:
        kanten.append((batch.gemeente, batch.debiteur))
    return [
        f"De betaalgegevens van {organisatie} zijn gewijzigd sinds deze betaalbatch werd "
        f"vastgesteld (nu IBAN {maskeer(organisatie.iban) or 'geen'}). De batch betaalt de "
        "rekening die bij het vaststellen gold; controleer welke rekening juist is."
        for organisatie, vastgelegd in kanten
        if (organisatie.iban, organisatie.bic, organisatie.rekeninghouder) != vastgelegd
    ]


def regels_van(batch):
    """The batch's lines with what the page and the exports show: the prestatie with its
    declaration and client, or the advance with its budget."""
    return batch.regels.select_related(
        "prestatie__declaratie", "prestatie__client", "voorschot__budget"
    ).order_by("prestatie__declaratie_id", "prestatie__periode_begin", "voorschot__maand", "pk")


def totalen(organisatie, *, per: str, status: str = ""):
    """Totals (signed cent) and number of lines of the organisation's batches per ``per``
    (maand, aanbieder, product, gemeente), in one aggregate query."""
    _, pad = DIMENSIES.get(per, DIMENSIES["maand"])
    regels = Betaalregel.objects.filter(
        batch__in=Betaalbatch.objects.voor_organisatie(organisatie).values("pk")
    )
    if status in BatchStatus.values:
        regels = regels.filter(batch__status=status)
    return (
        regels.values(sleutel=F(pad))
        .annotate(
            totaal=Sum("bedrag"),
            aantal=Count("pk"),
            batches=Count("batch", distinct=True),
        )
        .order_by("sleutel")
    )


# The worklist --------------------------------------------------------------------------------


def open_batches(gemeente_id: int):
    """The gemeente's batches still to pay, the nearest deadline first (the worklist)."""
    return _met_totalen(
        Betaalbatch.objects.filter(gemeente_id=gemeente_id, status__in=OPEN).select_related(
            "aanbieder", "gemeente", "termijn__regel"
        )
    ).order_by(F("vervaldatum").asc(nulls_last=True), "maand", "pk")


# The audit trail -----------------------------------------------------------------------------


def log_gelezen(gebruiker, batch, client_ids) -> None:
    """A batch's page was read: one audit row per client whose prestatie it showed."""
    audit.log_clienten(
        gebruiker,
        "betaalbatch.gelezen",
        batch,
        sorted({pk for pk in client_ids if pk is not None}),
        omschrijving=str(batch),
    )
