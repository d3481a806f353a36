"""The organisations a mailbox folder names: our own, and the counterparty that sent."""

from wmoketen.organisaties.models import Organisatie
from wmoketen.organisaties.queries import met_code

from .. import services
from ..constants import Transport


def eigen_organisatie(code: str) -> Organisatie:
    """An organisation of this installation by its code; ValueError with a Dutch message."""
    organisatie = met_code(code)
    if organisatie is None:
        raise ValueError(f"Er is geen organisatie met code {code}.")
    if services.kanaal_van(organisatie) != Transport.INTERN:
        raise ValueError(
            f"{organisatie} ({code}) heeft geen brievenbus hier: die organisatie wisselt "
            f"berichten uit via {kanaalnaam(organisatie)}."
        )
    return organisatie


def kanaalnaam(organisatie: Organisatie) -> str:
    return Transport(services.kanaal_van(organisatie)).label.lower()


def tegenpartij(code: str, organisatie: Organisatie) -> tuple[Organisatie | None, str]:
    """The sender a counterparty folder names, or the reason its files are refused."""
    afzender = met_code(code)
    if afzender is None:
        return (
            None,
            f"De map in/{code} hoort bij geen bekende organisatie: de afzender is onbekend.",
        )
    if afzender.pk == organisatie.pk:
        return None, f"De map in/{code} is de eigen organisatie, niet een afzender."
    if services.kanaal_van(afzender) != Transport.BESTAND:
        return None, (
            f"{afzender} ({code}) wisselt geen berichten uit via de brievenbus "
            f"(berichtkanaal: {kanaalnaam(afzender)})."
        )
    return afzender, ""
