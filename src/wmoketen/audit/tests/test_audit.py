import pytest

from wmoketen.audit import services as audit
from wmoketen.audit.models import AlleenToevoegen, AuditRegel
from wmoketen.factories import ClientFactory, GebruikerFactory


def test_auditregel_kan_niet_worden_gewijzigd_of_verwijderd(consulent):
    regel = audit.log(consulent, "client.gelezen", consulent)

    regel.actie = "iets anders"
    with pytest.raises(AlleenToevoegen):
        regel.save()
    with pytest.raises(AlleenToevoegen):
        regel.delete()
    with pytest.raises(AlleenToevoegen):
        AuditRegel.objects.all().delete()
    with pytest.raises(AlleenToevoegen):
        AuditRegel.objects.update(actie="x")
    assert AuditRegel.objects.get().actie == "client.gelezen"


def test_maskeren_van_bsn_en_gezondheidsinformatie():
    gewijzigd = audit.wijzigingen(
        {"bsn": "111222333", "toelichting": "oud", "naam": "A"},
        {"bsn": "123456782", "toelichting": "depressie", "naam": "B"},
        gevoelig=frozenset({"toelichting"}),
    )

    assert gewijzigd == {
        "bsn": ["*****2333", "*****6782"],
        "toelichting": ["«verborgen»", "«verborgen»"],
        "naam": ["A", "B"],
    }


def test_beheerder_zoekt_in_audittrail_op_bsn_en_gebruiker(client, beheerder, consulent):
    eigen = ClientFactory(organisatie=beheerder.organisatie, bsn="111222333")
    ander = ClientFactory(organisatie=beheerder.organisatie, bsn="123456782")
    audit.log(consulent, "client.gelezen", eigen, client_id=eigen.pk)
    audit.log(consulent, "client.gewijzigd", ander, client_id=ander.pk)
    audit.log(beheerder, "client.gelezen", ander, client_id=ander.pk)
    client.force_login(beheerder)

    op_bsn = client.get("/audit/", {"bsn": "111222333"}).context["pagina"]
    op_gebruiker = client.get("/audit/", {"gebruiker": "consulent"}).context["pagina"]

    # The search itself reads the client's history: it is on the trail, found first.
    assert [(r.actie, r.client_id) for r in op_bsn] == [
        ("audit.gezocht", eigen.pk),
        ("client.gelezen", eigen.pk),
    ]
    assert sorted(r.actie for r in op_gebruiker) == ["client.gelezen", "client.gewijzigd"]


def test_audittrail_toont_geen_regels_van_andere_organisatie(client, beheerder, andere_gemeente):
    vreemde = GebruikerFactory(username="vreemde", organisatie=andere_gemeente)
    audit.log(vreemde, "client.gelezen", vreemde)
    client.force_login(beheerder)

    assert list(client.get("/audit/").context["pagina"]) == []


def test_audittrail_alleen_voor_functioneel_beheerder(ingelogd):
    assert ingelogd.get("/audit/").status_code == 403


@pytest.mark.parametrize("bsn", ["12\x00", "12345678", "1234567890", "abcdefghi", "١٢٣٤٥٦٧٨٩"])
def test_ongeldig_bsn_geeft_melding_zonder_zoekvraag(client, beheerder, bsn):
    audit.log(beheerder, "client.gelezen", beheerder)
    client.force_login(beheerder)

    antwoord = client.get("/audit/", {"bsn": bsn})

    assert antwoord.status_code == 200
    assert antwoord.context["form"].errors["bsn"] == ["Een BSN bestaat uit precies 9 cijfers."]
    assert "Een BSN bestaat uit precies 9 cijfers." in antwoord.content.decode()
    assert list(antwoord.context["pagina"]) == []
    assert not AuditRegel.objects.filter(actie="audit.gezocht").exists()


def test_nul_byte_in_gebruikersnaam_geeft_melding(client, beheerder):
    client.force_login(beheerder)

    antwoord = client.get("/audit/", {"gebruiker": "beheer\x00der"})

    assert antwoord.status_code == 200
    assert antwoord.context["form"].errors["gebruiker"] == ["Null-tekens zijn niet toegestaan."]
