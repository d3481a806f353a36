"""Template filters for iStandaarden codes: one library, loaded with ``{% load codelijsten %}``."""

from django import template

from wmoketen.producten import codelijsten

register = template.Library()


@register.filter
def code_en_omschrijving(waarde: str, lijst: str) -> str:
    """The code and its description, for a field shown on its own:
    ``{{ client.juridische_status|code_en_omschrijving:"WJ232" }}`` → "04 – Onder
    toezichtstelling (ots)"; an unknown code says so."""
    if not waarde:
        return ""
    return f"{waarde} – {codelijsten.omschrijving(lijst, waarde) or 'onbekende code'}"


@register.filter
def omschrijving(waarde: str, lijst: str) -> str:
    """The description alone, for a code inside a sentence or beside its value:
    ``{{ "04"|omschrijving:"WJ756" }}`` → "Uur"; an unknown code shows the code itself."""
    return codelijsten.omschrijving(lijst, waarde) or waarde
