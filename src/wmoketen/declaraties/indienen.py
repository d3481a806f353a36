"""The aanbieder works on its concept declaration and submits it as a 323.

While a declaration is concept the aanbieder adjusts each prestatie's delivered volume (the
ProductPeriode stays as proposed: IV089) or removes a prestatie; ``dien_in`` then sends the
323 through the message layer (``bericht323.maak_323``: internal, mailbox or API alike) and
marks the declaration ingediend, in one transaction: a message the layer refuses leaves the
declaration concept and nothing stored.

The lines of a correction (``correcties``) are guarded here too, after the lock: a credit's
volume never changes (IV091: it repeats its original), and a line of a correction still wholly
in a concept is not removed alone (the credit and its corrected debit go together: withdraw the
correction, ``correcties.trek_in``). A line's number is never given twice, not even after its
removal: ``nieuwe_regelnummers`` counts on from the highest number the declaration ever had
(a counter per declaration, ``toewijzingen.nummering``, as the declaratienummers).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from wmoketen.audit import services as audit
from wmoketen.berichten.models import Bericht
from wmoketen.toewijzingen.models import Nummerreeks
from wmoketen.toewijzingen.nummering import volgend_nummer

from .bericht323 import maak_323
from .constants import DeclaratieStatus
from .models import DebetCredit, Declaratie, Prestatie

__all__ = [
    "MAX_VOLUME",
    "borg_regelteller",
    "correctie_in_concept",
    "dien_in",
    "nieuwe_regelnummers",
    "verwijder_prestatie",
    "wijzig_volume",
]

MAX_VOLUME = 99_999_999  # LDT_Volume


def _vergrendel(declaratie_id: int, acting_user) -> Declaratie:
    """The declaration, locked until commit; only its own aanbieder's users, only concept."""
    declaratie = (
        Declaratie.objects.select_for_update()
        .select_related("aanbieder", "gemeente")
        .get(pk=declaratie_id)
    )
    if getattr(acting_user, "organisatie_id", None) != declaratie.aanbieder_id:
        raise PermissionDenied("U kunt alleen declaraties van uw eigen organisatie wijzigen.")
    if declaratie.status != DeclaratieStatus.CONCEPT:
        raise ValidationError(
            f"Declaratie {declaratie.declaratienummer} is {declaratie.get_status_display()}"
            " en kan niet meer gewijzigd of ingediend worden."
        )
    return declaratie


def _controleer_volume(volume) -> int:
    if isinstance(volume, bool) or not isinstance(volume, int):
        raise ValidationError("Het geleverde volume is een heel getal.")
    if volume < 0:
        raise ValidationError("Het geleverde volume is niet negatief.")
    if volume > MAX_VOLUME:
        raise ValidationError(f"Het geleverde volume is hoogstens {MAX_VOLUME}.")
    return volume


@transaction.atomic
def wijzig_volume(prestatie: Prestatie, *, volume: int, acting_user) -> Prestatie:
    """Set the delivered volume of a prestatie of a concept declaration."""
    volume = _controleer_volume(volume)
    _vergrendel(prestatie.declaratie_id, acting_user)
    prestatie = Prestatie.objects.select_for_update().get(pk=prestatie.pk)
    if prestatie.debet_credit == DebetCredit.CREDIT:
        raise ValidationError(
            "Een creditprestatie is gelijk aan de oorspronkelijke prestatie (IV091); haar "
            "volume verandert niet. Trek de correctie in en vraag zo nodig een nieuwe aan."
        )
    oud = prestatie.geleverd_volume
    if oud == volume:
        return prestatie
    prestatie.geleverd_volume = volume
    prestatie.save(update_fields=["geleverd_volume"])
    audit.log(
        acting_user,
        "prestatie.volume_gewijzigd",
        prestatie,
        omschrijving=f"Prestatie {prestatie.referentienummer}: geleverd volume {oud} → {volume}",
        wijzigingen=audit.wijzigingen({"geleverd_volume": oud}, {"geleverd_volume": volume}),
    )
    return prestatie


@transaction.atomic
def verwijder_prestatie(prestatie: Prestatie, *, acting_user) -> None:
    """Remove a prestatie from a concept declaration (its ReferentieNummer is not reused)."""
    declaratie = _vergrendel(prestatie.declaratie_id, acting_user)
    prestatie = Prestatie.objects.get(pk=prestatie.pk)
    if prestatie.correctie_id and correctie_in_concept(prestatie.correctie_id):
        raise ValidationError(
            f"Prestatie {prestatie.referentienummer} hoort bij een correctie: de creditprestatie "
            "en de gecorrigeerde prestatie gaan samen (OP366). Trek de correctie in om beide "
            "uit de declaratie te halen."
        )
    borg_regelteller(declaratie)
    audit.log(
        acting_user,
        "prestatie.verwijderd",
        prestatie,
        omschrijving=(
            f"Prestatie {prestatie.referentienummer} ({prestatie.periode_begin:%d-%m-%Y} t/m "
            f"{prestatie.periode_eind:%d-%m-%Y}) verwijderd uit declaratie "
            f"{declaratie.declaratienummer}"
        ),
    )
    prestatie.delete()


def correctie_in_concept(correctie_id: int) -> bool:
    """Whether every line of the correction is in a concept declaration: it can still be
    withdrawn as a whole. Not so once its credit was sent; a debit the next proposal offers
    again for it (``correcties``) is then a line of its own."""
    regels = Prestatie.objects.filter(correctie_id=correctie_id)
    return (
        regels.exists() and not regels.exclude(declaratie__status=DeclaratieStatus.CONCEPT).exists()
    )


def _regelteller(declaratie: Declaratie) -> str:
    return f"prestatieregels-{declaratie.pk}"


def _hoogste_regel(declaratie: Declaratie) -> int:
    """The highest line number among the declaration's ReferentieNummers."""
    voorvoegsel = f"{declaratie.declaratienummer}-"
    nummers = [
        int(ref.removeprefix(voorvoegsel))
        for ref in declaratie.prestaties.values_list("referentienummer", flat=True)
        if ref.startswith(voorvoegsel) and ref.removeprefix(voorvoegsel).isdigit()
    ]
    return max(nummers, default=0)


def borg_regelteller(declaratie: Declaratie) -> None:
    """Before a line leaves or joins the (locked) declaration: its line counter exists. Made
    at first need from the highest line number then, which is the highest ever, since before
    it no line was removed; from then on only the counter gives numbers."""
    Nummerreeks.objects.bulk_create(
        [
            Nummerreeks(
                organisatie_id=declaratie.aanbieder_id,
                naam=_regelteller(declaratie),
                laatste=_hoogste_regel(declaratie),
            )
        ],
        ignore_conflicts=True,
    )


def nieuwe_regelnummers(declaratie: Declaratie, aantal: int) -> list[int]:
    """``aantal`` line numbers for new lines of the (locked) declaration, after every number it
    ever had (a removed line's number is not reused)."""
    borg_regelteller(declaratie)
    return [volgend_nummer(declaratie.aanbieder, _regelteller(declaratie)) for _ in range(aantal)]


@transaction.atomic
def dien_in(declaratie: Declaratie, *, acting_user) -> Bericht:
    """Send the concept declaration as a 323 and mark it ingediend.

    Refuses an empty declaration and one with a prestatie of volume 0 (remove it, or fill in
    what was delivered): a 323 declares what was delivered.
    """
    declaratie = _vergrendel(declaratie.pk, acting_user)
    nul = list(
        declaratie.prestaties.filter(geleverd_volume=0).values_list("referentienummer", flat=True)
    )
    if not declaratie.prestaties.exists():
        raise ValidationError(
            f"Declaratie {declaratie.declaratienummer} heeft geen prestaties; er is niets in te "
            "dienen."
        )
    if nul:
        raise ValidationError(
            "Vul het geleverde volume in of verwijder de prestatie: volume 0 bij "
            + ", ".join(nul[:10])
            + (" …" if len(nul) > 10 else "")
            + "."
        )
    bericht = maak_323(declaratie, acting_user=acting_user)
    declaratie.bericht = bericht
    declaratie.status = DeclaratieStatus.INGEDIEND
    declaratie.ingediend_op = timezone.now()
    declaratie.ingediend_door = acting_user
    declaratie.save(update_fields=["bericht", "status", "ingediend_op", "ingediend_door"])
    audit.log(
        acting_user,
        "declaratie.ingediend",
        declaratie,
        omschrijving=(
            f"Declaratie {declaratie.declaratienummer} ({declaratie.periode_begin:%m-%Y}) "
            f"ingediend bij {declaratie.gemeente} in {bericht.naam} {bericht.identificatie}"
        ),
    )
    return bericht
