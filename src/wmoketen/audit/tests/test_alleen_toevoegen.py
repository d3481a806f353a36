"""The trail is append-only in the database too (PostgreSQL), and keeps who and which
organisation as values: deleting a user or an organisation never touches a row."""

import pytest
from django.db import DatabaseError, connection, transaction

from wmoketen.accounts.constants import Rol
from wmoketen.accounts.models import Gebruiker
from wmoketen.audit import services as audit
from wmoketen.audit.models import AuditRegel
from wmoketen.factories import ClientFactory, GebruikerFactory, GemeenteFactory
from wmoketen.organisaties.models import Organisatie

pytestmark = pytest.mark.django_db

alleen_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="de databasetrigger bestaat alleen in PostgreSQL"
)


@pytest.fixture
def regel(consulent):
    client = ClientFactory(organisatie=consulent.organisatie)
    return audit.log(consulent, "client.gelezen", client, client_id=client.pk)


@alleen_postgresql
@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_auditregel SET actie = 'weg' WHERE id = %s",
        "DELETE FROM audit_auditregel WHERE id = %s",
    ],
    ids=["update", "delete"],
)
def test_database_weigert_wijzigen_en_verwijderen(regel, sql):
    with pytest.raises(DatabaseError, match="De audittrail kan alleen worden aangevuld"):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [regel.pk])

    assert AuditRegel.objects.get(pk=regel.pk).actie == "client.gelezen"


def test_regel_bewaart_gebruiker_en_organisatie_als_waarden(regel, consulent):
    assert (regel.gebruiker_id, regel.gebruikersnaam) == (consulent.pk, "consulent")
    assert (regel.organisatie_id, regel.organisatienaam) == (consulent.organisatie_id, "Weert")


def test_gebruiker_en_organisatie_verwijderen_laat_auditregels_staan(db):
    organisatie = GemeenteFactory(naam="Opgeheven", gemeentecode="0999")
    gebruiker = GebruikerFactory(username="vertrokken", organisatie=organisatie, rol=Rol.BACKOFFICE)
    gelezen = audit.log(gebruiker, "client.gelezen", organisatie)
    systeem = audit.log(None, "gemeente.gewijzigd", organisatie, organisatie=organisatie)
    ids = (gebruiker.pk, organisatie.pk)

    gebruiker.delete()
    Organisatie.objects.filter(pk=organisatie.pk).delete()

    assert not Gebruiker.objects.filter(pk=ids[0]).exists()
    assert not Organisatie.objects.filter(pk=ids[1]).exists()
    rijen = AuditRegel.objects.filter(pk__in=[gelezen.pk, systeem.pk]).order_by("pk")
    assert [
        (r.gebruiker_id, r.gebruikersnaam, r.organisatie_id, r.organisatienaam) for r in rijen
    ] == [
        (ids[0], "vertrokken", ids[1], "Opgeheven"),
        (None, "systeem", ids[1], "Opgeheven"),
    ]
    # The organisation's trail is still its own (by id), also after it is gone.
    assert AuditRegel.objects.voor_organisatie(organisatie).count() == 2
