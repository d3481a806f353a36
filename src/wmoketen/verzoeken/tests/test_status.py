"""A 320 with errors: the gemeente's answer did not arrive, so it must answer again, with a
deadline again (the first one closed when it answered)."""

from wmoketen.termijnen.models import Termijn
from wmoketen.verzoeken.aanvragen import AangevraagdProductInvoer, vraag_toewijzing_aan
from wmoketen.verzoeken.beslissen import wijs_af
from wmoketen.verzoeken.constants import Kant, Status
from wmoketen.verzoeken.models import Verzoek
from wmoketen.verzoeken.status import antwoord_afgekeurd

from .hulp import EINDE, INGANG


def test_afgekeurd_antwoord_opent_de_termijn_opnieuw(
    aanbieder,
    almere,
    contracten,
    producten,
    kind,
    kind_almere,
    medewerker,
    backoffice_almere,
    bezorg,
):
    product = producten.jw_ambulant
    with bezorg():
        vraag_toewijzing_aan(
            aanbieder=aanbieder,
            gemeente=almere,
            client=kind,
            wet="jeugdwet",
            producten=[
                AangevraagdProductInvoer(
                    product,
                    INGANG,
                    EINDE,
                    4,
                    product.eenheid,
                    product.frequentie,
                    verwijzer_type="02",
                    verwijzer_naam="Dokter Jansen",
                )
            ],
            acting_user=medewerker,
        )
    ontvangen = Verzoek.objects.get(kant=Kant.GEMEENTE)
    antwoord = wijs_af(ontvangen, reden="7", acting_user=backoffice_almere)

    def termijnen(status):
        return list(
            Termijn.objects.filter(
                object_id=ontvangen.pk, content_type__model="verzoek", status=status
            ).values_list("regel__code", "startgebeurtenis")
        )

    assert termijnen("open") == []  # answered: antwoord_315 is closed

    antwoord_afgekeurd(antwoord.bericht, ["8001"])

    ontvangen.refresh_from_db()
    assert ontvangen.status == Status.OPEN
    assert termijnen("open") == [("antwoord_315", "ontvangst van het afgekeurde antwoord (320)")]
