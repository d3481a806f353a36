from django.db import models


class BatchStatus(models.TextChoices):
    """A payment batch: collected, fixed, sent to the bank or the financial system, paid."""

    CONCEPT = "concept", "Concept (vult zich nog aan)"
    VASTGESTELD = "vastgesteld", "Vastgesteld"
    GEEXPORTEERD = "geexporteerd", "Geëxporteerd"
    BETAALD = "betaald", "Betaald"


# A batch fixed by the backoffice no longer changes; new approvals go to a later month's batch.
BEVROREN = (BatchStatus.VASTGESTELD, BatchStatus.GEEXPORTEERD, BatchStatus.BETAALD)
# Batches still to pay: the worklist and the filter "open".
OPEN = (BatchStatus.CONCEPT, BatchStatus.VASTGESTELD, BatchStatus.GEEXPORTEERD)


class Exportsoort(models.TextChoices):
    CSV = "csv", "CSV voor het financiële systeem"
    SEPA = "sepa", "SEPA-betaalbestand (pain.001)"
