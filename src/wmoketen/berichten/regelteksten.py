"""What the user changes when a message a form would send breaks a rule of the standard.

The standard's own text ("TR134: Einddatum 16-12-2026 ligt na de dagtekening van het bericht")
describes the message, not the form. Each app with such forms keeps a table (``Aanwijzingen``,
in its own ``regelteksten`` module, with its own field names) from a rule code, optionally
narrowed to the element it was found on, to the field the user changes and an instruction in the
form's words; the rule code follows as a detail, so support can still find the rule. A finding
without an instruction shows the standard's text with its code, after a sentence that nothing
was sent. The findings come from ``services.OngeldigBericht.fouten``.
"""

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import partial

from django.utils import timezone

from istandaarden.fout import Fout

logger = logging.getLogger(__name__)

NIET_VERSTUURD = "Het bericht voldoet niet aan de standaard en is niet verstuurd."


@dataclass(frozen=True)
class Aanwijzing:
    veld: str | None  # the form field the user changes; None: the form as a whole
    tekst: str  # placeholders: {vandaag}, {morgen} (dd-mm-jjjj)


# (rule code, element or None for any element) -> what the user changes.
Aanwijzingen = dict[tuple[str, str | None], Aanwijzing]


def element(fout: Fout) -> str | None:
    """The element a finding is on: "/Bericht[1]/…/Einddatum[1]" -> "Einddatum"."""
    if not fout.xpath:
        return None
    return fout.xpath.rstrip("/").rsplit("/", 1)[-1].split("[", 1)[0]


def detail(code: str) -> str:
    return f"({code})" if code in ("XSD", "PARSE") else f"(regel {code})"


def aanwijzing(fout: Fout, *, tabel: Aanwijzingen, vandaag: date) -> tuple[str | None, str] | None:
    """(field, instruction with the rule code) for ``fout``, or None when ``tabel`` has none."""
    gevonden = tabel.get((fout.code, element(fout))) or tabel.get((fout.code, None))
    if gevonden is None:
        return None
    tekst = gevonden.tekst.format(
        vandaag=f"{vandaag:%d-%m-%Y}", morgen=f"{vandaag + timedelta(days=1):%d-%m-%Y}"
    )
    return gevonden.veld, f"{tekst} {detail(fout.code)}"


def formulierfouten(
    fouten: Iterable[Fout], *, tabel: Aanwijzingen, velden: Iterable[str], vandaag: date
) -> list[tuple[str | None, str]]:
    """(field or None, message) per finding, for ``form.add_error``: instructions on their
    field (the whole form when the form lacks it), then the findings without one."""
    velden = set(velden)
    uit, rest = [], []
    for fout in fouten:
        gevonden = aanwijzing(fout, tabel=tabel, vandaag=vandaag)
        if gevonden is None:
            rest.append((None, f"{fout.message} {detail(fout.code)}"))
        else:
            veld, tekst = gevonden
            uit.append((veld if veld in velden else None, tekst))
    return uit + ([(None, NIET_VERSTUURD), *rest] if rest else [])


def toon_op_formulier(form, fout: Exception, *, tabel: Aanwijzingen) -> bool:
    """Put the findings of a refused message on ``form``; False when ``fout`` carries none
    (another refusal, which the caller shows as before). The standard's own "CODE: text"
    lines go to the log for support."""
    fouten = getattr(fout, "fouten", None)
    if not fouten:
        return False
    logger.info("bericht geweigerd door de standaard: %s", " | ".join(fout.messages))
    vandaag = timezone.localdate()
    for veld, tekst in formulierfouten(fouten, tabel=tabel, velden=form.fields, vandaag=vandaag):
        form.add_error(veld, tekst)
    return True


def toon_met(tabel: Aanwijzingen) -> Callable[[object, Exception], bool]:
    """``toon_op_formulier`` with ``tabel``, for ``Poging(form, eerst=toon_met(tabel))``: a
    refused message's findings go on the form this way, any other refusal the default way."""
    return partial(toon_op_formulier, tabel=tabel)
