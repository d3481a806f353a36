from django import template

from wmoketen.producten import codelijsten

register = template.Library()


@register.filter
def code(waarde: str, lijst: str) -> str:
    """``{{ client.juridische_status|code:"WJ232" }}`` → "04 – Onder toezichtstelling (ots)"."""
    if not waarde:
        return ""
    return f"{waarde} – {codelijsten.omschrijving(lijst, waarde) or 'onbekende code'}"
