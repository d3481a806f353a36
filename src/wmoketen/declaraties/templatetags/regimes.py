"""The gemeente's expectation per received prestatie (``verwachting``) on its page."""

from django import template

from ..verwachting import verwachtingen as _verwachtingen

register = template.Library()


@register.simple_tag
def verwachtingen(declaratie, prestaties) -> dict:
    """``{% verwachtingen declaratie pagina as verwacht %}``: the expectations of a page."""
    return _verwachtingen(declaratie, list(prestaties))


@register.filter
def verwachting_van(verwacht: dict, prestatie):
    """``verwacht|verwachting_van:p``: the prestatie's expectation, or None."""
    return verwacht.get(prestatie.pk)
