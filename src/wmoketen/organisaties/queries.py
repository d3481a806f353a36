from .models import Contract, Organisatie


def contracten_voor(organisatie):
    return (
        Contract.objects.voor_organisatie(organisatie)
        .select_related("gemeente", "regio", "aanbieder")
        .prefetch_related("regels__product", "onderaannemingen__onderaannemer")
    )


def organisaties():
    """The directory of parties in the chain: public reference data for every user."""
    return Organisatie.objects.select_related("gemeente", "aanbieder").order_by("soort", "naam")
