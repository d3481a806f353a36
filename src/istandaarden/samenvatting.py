"""A readable Dutch summary of a parsed message: type, parties, clients, products, retourcodes.

Used by ``wmoketen-bericht toon`` and the berichtenverkeer pages.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import fields, is_dataclass
from enum import Enum
from typing import Any

from istandaarden.retourcodes import omschrijving

__all__ = ["samenvatting"]


def samenvatting(bericht: Any) -> list[str]:
    """A readable Dutch summary: type, sender, receiver, clients and products."""
    from istandaarden.codec import soort_van

    soort = soort_van(bericht)
    header = bericht.header
    regels = [
        f"{soort.titel} ({soort.naam}, BerichtCode {soort.berichtcode})",
        f"Afzender:      {_partij(header.afzender)}",
        f"Ontvanger:     {_partij(header.ontvanger)}",
        f"Identificatie: {header.bericht_identificatie.identificatie}, "
        f"dagtekening {header.bericht_identificatie.dagtekening}",
    ]
    if getattr(header, "identificatie_retour", None):
        regels.append(
            f"Retour:        {header.identificatie_retour}, dagtekening {header.dagtekening_retour}"
        )
    regels += _retourregels(header, "")
    regels += _body(bericht)
    return regels


def _partij(code: str) -> str:
    return f"{code} ({'gemeente' if len(code) == 4 else 'aanbieder, AGB-code'})"


def _body(bericht: Any) -> list[str]:
    regels = []
    declaratie = getattr(bericht, "declaratie", None)
    if declaratie is not None:
        periode = declaratie.declaratie_periode
        regels.append(
            f"Declaratie {declaratie.declaratie_nummer}: periode {periode.begindatum} "
            f"t/m {periode.einddatum}, totaal {_bedrag(declaratie.totaal_ingediend_bedrag)}"
        )
    antwoord = getattr(bericht, "antwoord", None)
    if antwoord is not None:
        regels.append(
            f"Antwoord op verzoek {antwoord.referentie_aanbieder}: "
            f"VerzoekAntwoord {_waarde(antwoord.verzoek_antwoord)}"
        )
        regels += _retourregels(antwoord, "  ")
        return regels
    clienten = list(_zoek(bericht, lambda o: type(o).__name__ == "Client"))
    regels.append(f"Cliënten:      {len(clienten)}")
    for client in clienten:
        regels += _client(client)
    return regels


def _client(client: Any) -> list[str]:
    regels = [f"  Cliënt BSN {client.bsn}{_persoon(client)}"]
    regels += _retourregels(client, "    ")
    for product in _zoek(client, _is_product):
        regels.append(f"    {_productregel(product)}")
        regels += _retourregels(product, "      ")
    return regels


def _persoon(client: Any) -> str:
    geboren = getattr(getattr(client, "geboortedatum", None), "datum", None)
    naam = getattr(client, "naam", None)
    delen = [f"geboren {geboren}"] if geboren else []
    if naam is not None:
        achternaam = naam.geslachtsnaam
        voorvoegsel = f"{achternaam.voorvoegsel} " if achternaam.voorvoegsel else ""
        delen.append(f"{naam.voorletters or ''} {voorvoegsel}{achternaam.achternaam}".strip())
    return f" ({', '.join(delen)})" if delen else ""


def _is_product(obj: Any) -> bool:
    name = type(obj).__name__
    return name == "Prestatie" or (name.endswith("Product") and name != "CdtProduct")


# Fields shown for a product, in this order, with their Dutch label.
PRODUCTVELDEN = (
    ("toewijzing_nummer", "toewijzing"),
    ("referentie_aanbieder", "referentie"),
    ("product", "product"),
    ("product_categorie", "categorie"),
    ("product_code", "code"),
    ("toewijzing_ingangsdatum", "vanaf"),
    ("ingangsdatum", "vanaf"),
    ("gewenste_ingangsdatum", "gewenst vanaf"),
    ("begindatum", "begin"),
    ("einddatum", "t/m"),
    ("toewijzing_einddatum", "t/m"),
    ("product_periode", "periode"),
    ("reden_beeindiging", "reden beëindiging"),
    ("reden_wijziging", "reden wijziging"),
    ("omvang", "omvang"),
    ("budget", "budget"),
    ("geleverd_volume", "volume"),
    ("ingediend_bedrag", "bedrag"),
    ("status_aanlevering", "status aanlevering"),
)


def _productregel(product: Any) -> str:
    label = re.sub(r"(?<!^)([A-Z])", r" \1", type(product).__name__).capitalize()
    delen = [
        f"{tekst} {_waarde(getattr(product, veld))}"
        for veld, tekst in PRODUCTVELDEN
        if getattr(product, veld, None) is not None
    ]
    return f"{label}: {', '.join(delen)}"


def _waarde(value: Any) -> str:
    if isinstance(value, Enum):
        return str(value.value)
    if not is_dataclass(value):
        return str(value)
    name = type(value).__name__
    if name == "CdtProduct":
        return f"{_waarde(value.categorie)}/{value.code or '-'}"
    if name == "CdtOmvang":
        eenheid, frequentie = _waarde(value.eenheid), _waarde(value.frequentie)
        return f"{value.volume} × eenheid {eenheid}, frequentie {frequentie}"
    if name == "CdtGeslotenPeriode":
        return f"{value.begindatum} t/m {value.einddatum}"
    if "Bedrag" in name:
        return _bedrag(value)
    return ", ".join(f"{f.name} {_waarde(getattr(value, f.name))}" for f in fields(value))


def _bedrag(value: Any) -> str:
    """Amounts are in cents, with a debet/credit indicator (D or C)."""
    cents = getattr(value, "bedrag", None)
    if cents is None:
        cents = value.totaal_bedrag
    euro = f"{cents / 100:.2f}".replace(".", ",")
    return f"€ {euro} {_waarde(value.debet_credit)}"


def _retourregels(obj: Any, inspringen: str) -> list[str]:
    codes = getattr(getattr(obj, "retour_codes", None), "retour_code", None) or []
    return [f"{inspringen}Retourcode {_waarde(c)}: {omschrijving(_waarde(c))}" for c in codes]


def _zoek(obj: Any, past: Callable[[Any], bool]) -> Iterator[Any]:
    """Dataclass instances below ``obj`` (not ``obj`` itself) for which ``past`` holds."""
    for f in fields(obj):
        value = getattr(obj, f.name)
        for item in value if isinstance(value, list) else [value]:
            if is_dataclass(item):
                if past(item):
                    yield item
                yield from _zoek(item, past)
