"""Retour messages exactly as invulinstructie IV028 describes them.

The retour is built through the bindings: the retour schema of every heenbericht mirrors its
classes (wmo301.Client → wmo302.Client) and adds ``RetourCodes`` to each berichtklasse, so
copying is a generic walk over the dataclasses.

What the retour holds depends on the findings (``Fout``) passed in:

* none → the Header only, without retourcodes;
* a finding without retourcode (XSD or PARSE, controleniveau 1) → no retour at all:
  :class:`GeenRetour` is raised, the sender gets an error report instead;
* a single-message rule (retourcode 0001, controleniveau 2) → the Header only, with 0001 and
  our validator version as XsltVersie;
* cross-message findings (controleniveau 3/4) carry the rule's retourcode and the element
  concerned: a ``Fout`` with its positional XPath, or a ``regels.crossmessage.Overtreding``
  with its lxml element (turned into that XPath here). One in the Header (or without XPath)
  → the Header only with those retourcodes. Otherwise the Header gets 0200 and the client's
  whole content is copied: every berichtklasse gets the retourcodes of the findings inside it,
  else 0233 when it lies in ``niet_beoordeeld``, else 0200. :func:`berichtklassen` lists the
  XPaths that take codes.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields, is_dataclass
from datetime import date
from typing import Any

from istandaarden import VALIDATOR_VERSIE
from istandaarden.berichten import ROOT, XSD_VERSIE, Bericht
from istandaarden.codec import parse, serialize, soort_van
from istandaarden.fout import Fout, element_pad
from istandaarden.retourcodes import AFGEKEURD, GEEN_OPMERKING, NIET_BEOORDEELD

__all__ = ["GeenRetour", "berichtklassen", "bouw_retour", "maak_retour"]

HEADER_XPATH = f"/{ROOT}[1]/Header[1]"


class GeenRetour(ValueError):
    """No retour may be sent for this heenbericht (XSD-invalid, or a type without retour)."""


@dataclass
class _Kopie:
    """One copy walk: heen and retour binding modules, and every berichtklasse by XPath."""

    heen_module: str
    soort: Bericht  # the retour's message type
    module: Any
    klassen: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def voor(cls, heen: Any) -> _Kopie:
        soort = _retour_soort(soort_van(heen))
        return cls(type(heen).__module__, soort, importlib.import_module(soort.module))


def maak_retour(
    heenbericht: bytes | Any,
    fouten: Sequence[Fout],
    *,
    identificatie_retour: str,
    dagtekening_retour: date | str,
    niet_beoordeeld: Iterable[str] = (),
    xslt_versie: str = VALIDATOR_VERSIE,
    xsd_versie_retour: str = XSD_VERSIE,
) -> bytes:
    """The retour for ``heenbericht`` (bytes or binding) as UTF-8 XML; see the module doc."""
    retour = bouw_retour(
        heenbericht,
        fouten,
        identificatie_retour=identificatie_retour,
        dagtekening_retour=dagtekening_retour,
        niet_beoordeeld=niet_beoordeeld,
        xslt_versie=xslt_versie,
        xsd_versie_retour=xsd_versie_retour,
    )
    return serialize(retour)


def bouw_retour(
    heenbericht: bytes | Any,
    fouten: Sequence[Fout],
    *,
    identificatie_retour: str,
    dagtekening_retour: date | str,
    niet_beoordeeld: Iterable[str] = (),
    xslt_versie: str = VALIDATOR_VERSIE,
    xsd_versie_retour: str = XSD_VERSIE,
) -> Any:
    """Like :func:`maak_retour`, returning the retour binding instead of bytes."""
    _weiger_zonder_retour(fouten)
    heen = parse(heenbericht) if isinstance(heenbericht, bytes) else heenbericht
    kopie = _Kopie.voor(heen)
    module = kopie.module
    header = module.Header(
        **_header_kopie(heen.header, kopie.soort),
        identificatie_retour=identificatie_retour,
        dagtekening_retour=_datum(dagtekening_retour),
        xsd_versie_retour=_basis(module).CdtXsdVersie(
            basisschema_xsd_versie=xsd_versie_retour, bericht_xsd_versie=xsd_versie_retour
        ),
    )
    if not fouten:
        return module.Bericht(header=header)
    if any(f.retourcode == AFGEKEURD for f in fouten):
        header.xslt_versie = xslt_versie
        header.retour_codes = _retourcodes(module, [AFGEKEURD])
        return module.Bericht(header=header)
    return _met_berichtklassen(heen, header, kopie, fouten, set(niet_beoordeeld))


def berichtklassen(heenbericht: bytes | Any) -> list[str]:
    """XPaths of the berichtklassen below the Header that get retourcodes, in document order.

    These are the keys a cross-message check can point its findings at, e.g.
    ``/Bericht[1]/Client[1]/StartProducten[1]/StartProduct[2]``.
    """
    heen = parse(heenbericht) if isinstance(heenbericht, bytes) else heenbericht
    kopie = _Kopie.voor(heen)
    _kopieer_body(heen, kopie)
    return list(kopie.klassen)


def _weiger_zonder_retour(fouten: Sequence[Fout]) -> None:
    if any(f.retourcode is None for f in fouten):
        raise GeenRetour(
            "Het bericht voldoet niet aan het XSD of kon niet gelezen worden (controleniveau 1): "
            "er wordt geen retourbericht gestuurd; de afzender krijgt een foutmelding."
        )


def _retour_soort(soort: Bericht) -> Bericht:
    if soort.retour is None:
        raise GeenRetour(f"Op een {soort.naam}-bericht ({soort.naam_nl}) volgt geen retourbericht.")
    return soort.retour


def _datum(value: date | str) -> str:
    return value.isoformat() if isinstance(value, date) else value


def _header_kopie(heen_header: Any, retour_soort: Bericht) -> dict[str, Any]:
    """IV028: every heen Header element unchanged, except the retour's own BerichtCode."""
    copied = {f.name: getattr(heen_header, f.name) for f in fields(heen_header)}
    return {**copied, "bericht_code": retour_soort.berichtcode}


def _basis(module: Any) -> Any:
    """The basisschema bindings beside a message module."""
    return importlib.import_module(module.__name__.rsplit(".", 1)[0] + ".basisschema")


def _retourcodes(module: Any, codes: Iterable[str]) -> Any:
    enum = _basis(module).LdtRetourCode
    return module.RetourCodes(retour_code=[enum(code) for code in codes])


def _met_berichtklassen(
    heen: Any, header: Any, kopie: _Kopie, fouten: Sequence[Fout], niet_beoordeeld: set[str]
) -> Any:
    module = kopie.module
    body = _kopieer_body(heen, kopie)
    per_klasse, header_codes = _verdeel(fouten, kopie.klassen)
    if header_codes:
        header.retour_codes = _retourcodes(module, header_codes)
        return module.Bericht(header=header)
    header.retour_codes = _retourcodes(module, [GEEN_OPMERKING])
    for xpath, klasse in kopie.klassen.items():
        codes = per_klasse.get(xpath) or [_zonder_fout(xpath, niet_beoordeeld)]
        klasse.retour_codes = _retourcodes(module, codes)
    return module.Bericht(header=header, **body)


def _zonder_fout(xpath: str, niet_beoordeeld: set[str]) -> str:
    for skipped in niet_beoordeeld:
        if xpath == skipped or xpath.startswith(skipped + "/"):
            return NIET_BEOORDEELD
    return GEEN_OPMERKING


def _verdeel(fouten: Sequence[Fout], klassen: dict[str, Any]) -> tuple[dict[str, list], list]:
    """Assign each finding to the deepest berichtklasse that contains its XPath."""
    per_klasse: dict[str, list[str]] = {}
    header_codes: list[str] = []
    for fout in fouten:
        owner = _eigenaar(_xpath_van(fout), klassen)
        target = header_codes if owner is None else per_klasse.setdefault(owner, [])
        if fout.retourcode not in target:
            target.append(fout.retourcode)
    return per_klasse, header_codes


def _xpath_van(fout: Any) -> str | None:
    """The finding's positional XPath: a Fout has one, an Overtreding has an lxml element."""
    if hasattr(fout, "xpath"):
        return fout.xpath
    element = getattr(fout, "element", None)
    return None if element is None else element_pad(element)


def _eigenaar(xpath: str | None, klassen: dict[str, Any]) -> str | None:
    if not xpath or xpath == HEADER_XPATH or xpath.startswith(HEADER_XPATH + "/"):
        return None
    candidates = [k for k in klassen if xpath == k or xpath.startswith(k + "/")]
    return max(candidates, key=len, default=None)


def _kopieer_body(heen: Any, kopie: _Kopie) -> dict[str, Any]:
    """Copy every root child except the Header (Client, or Antwoord for 319)."""
    body = {}
    for f in fields(heen):
        if f.name != "header":
            xpath = f"/{ROOT}[1]/{f.metadata['name']}"
            body[f.name] = _kopieer_waarde(getattr(heen, f.name), xpath, kopie)
    return body


def _kopieer_waarde(value: Any, xpath: str, kopie: _Kopie) -> Any:
    if isinstance(value, list):
        return [_kopieer_waarde(item, f"{xpath}[{i}]", kopie) for i, item in enumerate(value, 1)]
    if not is_dataclass(value) or type(value).__module__ != kopie.heen_module:
        return value  # plain values, enums and basisschema types are shared as they are
    return _kopieer_klasse(value, xpath if xpath.endswith("]") else f"{xpath}[1]", kopie)


def _kopieer_klasse(value: Any, xpath: str, kopie: _Kopie) -> Any:
    cls = getattr(kopie.module, type(value).__name__)
    is_klasse = any(f.name == "retour_codes" for f in fields(cls))
    if is_klasse:
        kopie.klassen[xpath] = None  # reserve the slot: keeps document order
    values = {}
    for f in fields(value):
        child = f"{xpath}/{f.metadata['name']}"
        values[f.name] = _kopieer_waarde(getattr(value, f.name), child, kopie)
    if not is_klasse:
        return cls(**values)  # a wrapper such as StartProducten: no retourcodes of its own
    copied = cls(**values, retour_codes=None)  # filled in once all findings are placed
    kopie.klassen[xpath] = copied
    return copied
