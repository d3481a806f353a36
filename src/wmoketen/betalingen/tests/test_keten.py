"""The chain through the real pipeline: a 323 received and checked, answered with a 325, paid
in a batch with a SEPA file valid against the XSD, and marked paid."""

import pytest
import xmlschema
from django.utils import timezone

from wmoketen.accounts.constants import Rol
from wmoketen.betalingen import services
from wmoketen.declaraties import beantwoorden
from wmoketen.declaraties.models import OntvangenDeclaratie
from wmoketen.declaraties.tests.hulp_gemeente import Opzet, bouw_323, ontvang_323, prestatie
from wmoketen.factories import GebruikerFactory
from wmoketen.organisaties.betaalgegevens import wijzig_betaalgegevens

from .hulp import AANBIEDER_IBAN, GEMEENTE_IBAN
from .test_exports import SCHEMA


@pytest.mark.django_db
def test_323_325_betaalbatch_sepa_betaald():
    opzet = Opzet.maak()
    backoffice = GebruikerFactory(organisatie=opzet.gemeente, rol=Rol.BACKOFFICE)
    manager = GebruikerFactory(organisatie=opzet.gemeente, rol=Rol.CONTRACTMANAGER)
    wijzig_betaalgegevens(
        opzet.gemeente, iban=GEMEENTE_IBAN, rekeninghouder="Gemeente Weert", acting_user=manager
    )
    wijzig_betaalgegevens(
        opzet.aanbieder, iban=AANBIEDER_IBAN, rekeninghouder="Zorggroep Test", acting_user=manager
    )
    t1, t2 = opzet.toewijzing(), opzet.toewijzing()
    ontvang_323(opzet, bouw_323(opzet, [prestatie(t1), prestatie(t2, volume=40)]))
    declaratie = OntvangenDeclaratie.objects.get()
    # 40 hours where 3 a week are allocated: rejected by the rules (TR321), never paid.
    assert declaratie.prestaties.get(toewijzingnummer=t2.toewijzingnummer).oordeel == "afgewezen"
    beantwoorden.beantwoord(declaratie, acting_user=backoffice)

    [batch] = services.maak_batches(opzet.gemeente, acting_user=backoffice)
    assert list(batch.regels.values_list("bedrag", flat=True)) == [10 * 6500]
    assert batch.maand == timezone.localdate().replace(day=1)
    services.stel_vast(batch, acting_user=backoffice)
    sepa = services.exporteer(batch, soort="sepa", acting_user=backoffice)
    xmlschema.XMLSchema(SCHEMA).validate(sepa.inhoud.decode())
    assert b'<InstdAmt Ccy="EUR">650.00</InstdAmt>' in sepa.inhoud
    assert b"<BICFI>RABONL2U</BICFI>" in sepa.inhoud  # derived from the IBAN
    services.markeer_betaald(batch, betaald_op=timezone.localdate(), acting_user=backoffice)
    batch.refresh_from_db()
    assert batch.termijn.status == "gehaald"
