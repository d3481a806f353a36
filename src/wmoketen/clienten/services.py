"""State changes of client records: validated, one transaction, audit-logged."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.forms.models import model_to_dict

from wmoketen.audit import services as audit

from .models import Client, Contact, Relatie

KLANTVELDEN = [
    f.name for f in Client._meta.fields if f.editable and f.name not in ("id", "organisatie")
]


def _controleer_eigenaar(client: Client, acting_user) -> None:
    if client.organisatie_id != acting_user.organisatie_id:
        raise ValidationError("U mag alleen cliënten van uw eigen organisatie wijzigen.")


@transaction.atomic
def registreer_client(*, acting_user, **gegevens) -> Client:
    """A new client record of the acting user's organisation."""
    client = Client(organisatie=acting_user.organisatie, **gegevens)
    client.full_clean()
    client.save()
    audit.log(
        acting_user,
        "client.geregistreerd",
        client,
        client_id=client.pk,
        wijzigingen=audit.wijzigingen(
            {}, model_to_dict(client, KLANTVELDEN), Client.AUDIT_GEVOELIG
        ),
    )
    return client


@transaction.atomic
def wijzig_client(client: Client, *, acting_user, **wijzigingen) -> Client:
    client = Client.objects.select_for_update().get(pk=client.pk)
    _controleer_eigenaar(client, acting_user)
    onbekend = set(wijzigingen) - set(KLANTVELDEN)
    if onbekend:
        raise ValidationError(f"Onbekende velden: {', '.join(sorted(onbekend))}.")
    oud = model_to_dict(client, KLANTVELDEN)
    for veld, waarde in wijzigingen.items():
        setattr(client, veld, waarde)
    client.full_clean()
    client.save()
    gewijzigd = audit.wijzigingen(oud, model_to_dict(client, KLANTVELDEN), Client.AUDIT_GEVOELIG)
    if gewijzigd:
        audit.log(
            acting_user, "client.gewijzigd", client, client_id=client.pk, wijzigingen=gewijzigd
        )
    return client


@transaction.atomic
def voeg_contact_toe(
    client: Client, *, acting_user, relatie: Relatie | None = None, **gegevens
) -> Contact:
    _controleer_eigenaar(client, acting_user)
    contact = Contact(client=client, relatie=relatie, **gegevens)
    contact.full_clean()
    contact.save()
    audit.log(
        acting_user,
        "contact.toegevoegd",
        contact,
        client_id=client.pk,
        wijzigingen=audit.wijzigingen({}, gegevens),
    )
    return contact


@transaction.atomic
def voeg_relatie_toe(client: Client, *, acting_user, **gegevens) -> Relatie:
    _controleer_eigenaar(client, acting_user)
    relatie = Relatie(client=client, **gegevens)
    relatie.full_clean()
    relatie.save()
    audit.log(
        acting_user,
        "relatie.toegevoegd",
        relatie,
        client_id=client.pk,
        wijzigingen=audit.wijzigingen({}, gegevens),
    )
    return relatie


# What a client record shares with another organisation (the plan's consent, 002/004).
GEDEELDE_VELDEN = [
    "bsn",
    "geboortedatum",
    "datumgebruik",
    "geslacht",
    "geslachtsnaam",
    "voorvoegsel",
    "partnernaam",
    "partnervoorvoegsel",
    "voornamen",
    "voorletters",
    "naamgebruik",
]
GEDEELDE_CONTACTVELDEN = [
    f.name for f in Contact._meta.fields if f.editable and f.name not in ("id", "client", "relatie")
]


@transaction.atomic
def deel_met(client: Client, *, organisatie, acting_user) -> Client:
    """Give ``organisatie`` (e.g. the aanbieder with the order for plan part 2, with the
    client's consent) its own record of the client: name, birth date, BSN and addresses.

    Creates the record, or updates the one it already has for that BSN. The caller checks
    the consent; only the client's owner shares."""
    _controleer_eigenaar(client, acting_user)
    gegevens = model_to_dict(client, GEDEELDE_VELDEN)
    eigen = (
        Client.objects.select_for_update().filter(organisatie=organisatie, bsn=client.bsn).first()
    )
    oud = model_to_dict(eigen, GEDEELDE_VELDEN) if eigen else {}
    eigen = eigen or Client(organisatie=organisatie)
    for veld, waarde in gegevens.items():
        setattr(eigen, veld, waarde)
    eigen.full_clean()
    eigen.save()
    bestaand = {
        tuple(sorted(model_to_dict(c, GEDEELDE_CONTACTVELDEN).items(), key=str))
        for c in eigen.contacten.filter(relatie__isnull=True)
    }
    for contact in client.contacten.filter(relatie__isnull=True):
        velden = model_to_dict(contact, GEDEELDE_CONTACTVELDEN)
        if tuple(sorted(velden.items(), key=str)) not in bestaand:
            Contact.objects.create(client=eigen, **velden)
    audit.log(
        acting_user,
        "client.gedeeld",
        eigen,
        client_id=eigen.pk,
        omschrijving=f"gedeeld met {organisatie}",
        wijzigingen=audit.wijzigingen(
            oud, model_to_dict(eigen, GEDEELDE_VELDEN), Client.AUDIT_GEVOELIG
        ),
    )
    return eigen
