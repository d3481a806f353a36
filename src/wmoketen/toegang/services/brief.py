"""The beschikking letter (PDF), rendered by ``toegang.pdf`` and stored with the beschikking."""

from wmoketen.producten import codelijsten

from ..models import Beschikking
from ..pdf import BeschikkingBrief, BriefProduct, beschikking_pdf


def bewaar_brief(beschikking: Beschikking) -> None:
    """Render the letter and store it with the beschikking (gemeente only)."""
    beschikking.pdf = beschikking_pdf(brief_voor(beschikking))
    beschikking.save(update_fields=["pdf"])


def brief_voor(beschikking: Beschikking) -> BeschikkingBrief:
    """The ``BeschikkingBrief`` (``toegang.pdf``) for a beschikking: texts, not codes."""
    client = beschikking.client
    return BeschikkingBrief(
        gemeente_naam=beschikking.gemeente.naam,
        gemeentecode=beschikking.gemeente.gemeentecode,
        client_naam=client.volledige_naam,
        client_adres=_adresregels(client),
        kenmerk=beschikking.nummer,
        datum=beschikking.dagtekening,
        producten=[
            BriefProduct(
                naam=bp.product.naam,
                volume=bp.volume,
                eenheid=_omschrijving("WJ756", bp.eenheid),
                frequentie=_omschrijving("WMO757", bp.frequentie),
            )
            for bp in beschikking.producten.select_related("product")
        ],
        ingangsdatum=beschikking.ingangsdatum,
        einddatum=beschikking.einddatum,
        motivatie=beschikking.motivering,
        bezwaarclausule=beschikking.bezwaarclausule,
        # Open: the client chooses the aanbieder, so the letter names none.
        aanbieder_naam=""
        if beschikking.open or not beschikking.aanbieder_id
        else beschikking.aanbieder.naam,
        open_beschikking=beschikking.open,
        afwijzing=beschikking.is_afwijzing,
    )


def _omschrijving(lijst: str, code: str) -> str:
    return codelijsten.omschrijving(lijst, code).lower() if code else ""


def _adresregels(client) -> list[str]:
    """The client's own address (not a relation's) as the letter's address lines."""
    adres = client.contacten.filter(relatie__isnull=True).first()
    if not adres:
        return []
    regels = [
        " ".join(
            str(p)
            for p in (
                adres.straatnaam,
                adres.huisnummer,
                adres.huisletter,
                adres.huisnummertoevoeging,
            )
            if p
        ),
        f"{adres.postcode}  {adres.plaatsnaam}".strip(),
    ]
    return [r for r in regels if r]
