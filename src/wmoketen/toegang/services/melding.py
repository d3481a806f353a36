"""Step 1: the melding. It starts the samenwerkingstraject and the deadlines of the route."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from wmoketen.accounts.constants import Rol
from wmoketen.accounts.rechten import eis_rol
from wmoketen.audit import services as audit
from wmoketen.clienten.models import Client
from wmoketen.meldingen.services import meld
from wmoketen.producten.constants import Wet
from wmoketen.termijnen import services as termijnen
from wmoketen.termijnen.constants import Regelcode
from wmoketen.trajecten import services as trajecten

from ..constants import AFGEHANDELD, Aanleiding, Kanaal, Route
from ..controles import dag, pagina_url
from ..models import Melding
from ..plausibiliteit import meldingdatumfout


@transaction.atomic
def registreer_melding(
    *,
    client,
    wet: str,
    ontvangen_op: date,
    kanaal: str,
    acting_user,
    consulent=None,
    route: str = Route.GEMEENTELIJKE_TOEGANG,
    toelichting: str = "",
) -> Melding:
    """A melding for one of the gemeente's own clients: starts the samenwerkingstraject and
    opens the deadlines huisbezoek, onderzoek (steps 1–3) and melding_beschikking (8 weeks).
    Refused when received in the future or longer ago than ``MELDING_MAX_DAGEN_TERUG``."""
    eis_rol(acting_user, Rol.TOEGANGSMEDEWERKER)
    gemeente = acting_user.organisatie
    if not gemeente.is_gemeente or client.organisatie_id != gemeente.pk:
        raise ValidationError("Een melding registreert u voor een cliënt van uw eigen gemeente.")
    if wet not in Wet.values:
        raise ValidationError("Kies de wet: Wmo of Jeugdwet.")
    if kanaal not in Kanaal.values:
        raise ValidationError("Kies hoe de melding binnenkwam.")
    if route not in Route.values:
        raise ValidationError("Deze route wordt (nog) niet ondersteund.")
    if ontvangen_op is None:
        raise ValidationError("Vul de datum in waarop de melding binnenkwam.")
    dag(ontvangen_op, "De datum van ontvangst")
    if fout := meldingdatumfout(ontvangen_op):
        raise ValidationError(fout)
    consulent = consulent or acting_user
    if consulent.organisatie_id != gemeente.pk or not consulent.heeft_rol(Rol.TOEGANGSMEDEWERKER):
        raise ValidationError("De consulent moet een toegangsmedewerker van uw gemeente zijn.")
    # Lock the client: two requests registering a melding for him wait for each other.
    Client.objects.select_for_update().get(pk=client.pk)
    if (open_ := open_melding(client, wet)) is not None:
        raise OpenMeldingBestaat(open_)
    traject = trajecten.start_traject(
        client=client,
        onderwerp=f"Melding {Wet(wet).label}",
        wet=wet,
        startdatum=ontvangen_op,
        acting_user=acting_user,
    )
    melding = Melding(
        gemeente_id=gemeente.pk,
        client=client,
        wet=wet,
        ontvangen_op=ontvangen_op,
        kanaal=kanaal,
        route=route,
        consulent=consulent,
        traject=traject,
        toelichting=toelichting,
    )
    return bewaar_melding(
        melding,
        acting_user=acting_user,
        omschrijving=f"{Wet(wet).label}, {Kanaal(kanaal).label}, traject {traject.nummer}",
        titel="Nieuwe melding toegewezen",
    )


def bewaar_melding(melding: Melding, *, acting_user, omschrijving: str, titel: str) -> Melding:
    """Store a new melding (a first one or a follow-up): its deadlines, the audit row and, when
    someone else registered it, a notification to its consulent (``titel``)."""
    melding.full_clean()
    melding.save()
    open_meldingstermijnen(melding, acting_user)
    audit.log(
        acting_user,
        "melding.geregistreerd",
        melding,
        client_id=melding.client_id,
        omschrijving=omschrijving,
    )
    if melding.consulent_id is not None and melding.consulent_id != acting_user.pk:
        meld(
            [melding.consulent],
            titel=titel,
            url=pagina_url("toegang:melding", melding.pk),
        )
    return melding


class OpenMeldingBestaat(ValidationError):
    """A new melding while one for the same client and wet is still open."""

    def __init__(self, melding: Melding):
        self.melding = melding
        super().__init__(
            f"Er loopt al een melding {Wet(melding.wet).label} voor deze cliënt (ontvangen "
            f"{melding.ontvangen_op:%d-%m-%Y}, {melding.get_status_display().lower()}). Werk "
            "verder in die melding, of sluit haar eerst af.",
            code="open_melding",
        )


def open_melding(client, wet: str) -> Melding | None:
    """The client's open new melding for ``wet``: not decided, withdrawn or closed. A
    follow-up of a running beschikking (herindicatie, profielwijziging) does not count."""
    return (
        Melding.objects.filter(client_id=client.pk, wet=wet, aanleiding=Aanleiding.NIEUW)
        .exclude(status__in=AFGEHANDELD)
        .order_by("-ontvangen_op", "-pk")
        .first()
    )


def open_meldingstermijnen(melding: Melding, acting_user) -> None:
    """The deadlines every melding starts with (also a follow-up, ``vervolg``)."""
    for code in (Regelcode.HUISBEZOEK, Regelcode.ONDERZOEK, Regelcode.MELDING_BESCHIKKING):
        termijnen.open_termijn(
            code,
            onderwerp=melding,
            gemeente=melding.gemeente,
            startdatum=melding.ontvangen_op,
            acting_user=acting_user,
            omschrijving=Regelcode(code).label,
        )
