"""The received 301 copies the client's contacts into the aanbieder's own client record."""

from istandaarden.codec import parse
from wmoketen.audit.models import AuditRegel
from wmoketen.berichten.models import Bericht
from wmoketen.clienten.models import Contact
from wmoketen.toewijzingen.models import AanbiederToewijzing
from wmoketen.toewijzingen.ontvangst import _client

VELDEN = ("soort", "straatnaam", "huisnummer", "postcode", "plaatsnaam", "landcode")
VELDEN += ("telefoonnummer", "telefoon_landnummer", "emailadres")


def test_301_kopieert_contacten_naar_de_eigen_client(partijen, toegewezen, client):
    _, aanbieder = partijen
    eigen = AanbiederToewijzing.objects.get(aanbieder=aanbieder).client
    assert eigen.pk != client.pk and eigen.organisatie_id == aanbieder.pk
    verwacht = list(client.contacten.values_list(*VELDEN))
    assert verwacht == [
        ("01", "Markt", 1, "6001AA", "Weert", "NL", "0612345678", "0031", "anna@example.org")
    ]
    assert list(eigen.contacten.filter(relatie__isnull=True).values_list(*VELDEN)) == verwacht
    regel = AuditRegel.objects.get(actie="client.contact_toegevoegd")
    assert regel.client_id == eigen.pk

    # The same 301 again (or a later one with the same contacts): nothing is added twice; a
    # contact the aanbieder recorded itself stays.
    Contact.objects.create(client=eigen, soort="02", telefoonnummer="0401234567")
    bericht = Bericht.objects.get(nummer=301, soort="heen")
    _client(aanbieder, parse(bericht.bytes).client)
    assert eigen.contacten.count() == 2
    assert AuditRegel.objects.filter(actie="client.contact_toegevoegd").count() == 1

    # A postcode written otherwise ("6001 aa") is the same address once normalised.
    binding = parse(bericht.bytes).client
    binding.contactgegevens.contact[0].adres.postcode = "6001 aa"
    _client(aanbieder, binding)
    assert eigen.contacten.count() == 2
