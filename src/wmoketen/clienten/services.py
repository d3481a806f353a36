"""State changes of client records: validated, one transaction, audit-logged.

Every change checks that the record belongs to the acting user's organisation (a Dutch
``PermissionDenied`` otherwise), validates the whole record with the rules a WMO301/JW301 puts
on it (a Dutch ``ValidationError`` keyed by field; nothing is stored) and writes one audit row
with the changed fields as ``[oud, nieuw]``, the BSN shortened (``audit.services.masker``).
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.forms.models import model_to_dict
from django.utils import timezone

from istandaarden.regels.cd import ADRESSOORT_TIJDELIJK
from wmoketen.accounts.rechten import eis_organisatie
from wmoketen.audit import services as audit

from .models import Client, Contact, Relatie

KLANTVELDEN = [
    f.name for f in Client._meta.fields if f.editable and f.name not in ("id", "organisatie")
]
RELATIEVELDEN = [
    f.name for f in Relatie._meta.fields if f.editable and f.name not in ("id", "client")
]
CONTACTVELDEN = [
    f.name for f in Contact._meta.fields if f.editable and f.name not in ("id", "client", "relatie")
]
NIET_UW_CLIENT = "U mag alleen cliënten van uw eigen organisatie wijzigen."


def _controleer_eigenaar(client: Client, acting_user) -> None:
    eis_organisatie(acting_user, client.organisatie_id, NIET_UW_CLIENT)


def _zet(obj, gegevens: dict, velden: list[str]) -> None:
    if onbekend := set(gegevens) - set(velden):
        raise ValidationError(f"Onbekende velden: {', '.join(sorted(onbekend))}.")
    for veld, waarde in gegevens.items():
        setattr(obj, veld, waarde)


def _gevuld(gegevens: dict) -> dict:
    return {veld: waarde for veld, waarde in gegevens.items() if waarde not in ("", None)}


def _verwijder(obj, velden: list[str], actie: str, acting_user) -> None:
    """Delete a record entered by mistake; the audit row keeps what it held."""
    oud = _gevuld(model_to_dict(obj, velden))
    audit.log(
        acting_user,
        actie,
        obj,
        client_id=obj.client_id,
        omschrijving=str(obj),
        wijzigingen=audit.wijzigingen(oud, dict.fromkeys(oud)),
    )
    obj.delete()


def _vergrendeld(client: Client, acting_user) -> Client:
    """The client row locked for this transaction, after the tenant check."""
    _controleer_eigenaar(client, acting_user)
    return Client.objects.select_for_update().get(pk=client.pk)


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
def client_uit_bericht(
    *, organisatie, bsn: str, gegevens: dict, omschrijving: str, acting_user=None
) -> tuple[Client, bool]:
    """The organisation's record of the client a received message names; (record, created).

    A known record is returned unchanged: what a message may change is the caller's choice. A
    new one holds ``gegevens`` as the message carries them (the standard validated them, so no
    ``full_clean``: the form's stricter rules must not make a received message fail).

    Created once: messages about one client of one receiver run one at a time
    (``berichten.sloten``); should another path insert the BSN meanwhile, the unique
    constraint decides and that record is returned."""
    bestaand = Client.objects.filter(organisatie_id=organisatie.pk, bsn=bsn).first()
    if bestaand is not None:
        return bestaand, False
    try:
        with transaction.atomic():  # a savepoint: the caller's transaction survives a clash
            client = Client.objects.create(organisatie_id=organisatie.pk, bsn=bsn, **gegevens)
    except IntegrityError:
        bestaand = Client.objects.filter(organisatie_id=organisatie.pk, bsn=bsn).first()
        if bestaand is None:
            raise
        return bestaand, False
    audit.log(
        acting_user,
        "client.aangemaakt",
        client,
        client_id=client.pk,
        organisatie=organisatie,
        omschrijving=omschrijving,
        wijzigingen=audit.wijzigingen(
            {}, _gevuld(model_to_dict(client, KLANTVELDEN)), Client.AUDIT_GEVOELIG
        ),
    )
    return client, True


@transaction.atomic
def werk_bij_uit_bericht(
    client: Client, *, gegevens: dict, omschrijving: str, acting_user=None
) -> list[str]:
    """Take over what a received message (a 301) says about a client the receiver already has:
    the fields of ``gegevens`` that differ are set, as the message carries them (no
    ``full_clean``, see :func:`client_uit_bericht`); one audit row names them. The changed
    field names (empty: nothing changed, no row)."""
    gewijzigd = [veld for veld, waarde in gegevens.items() if getattr(client, veld) != waarde]
    if not gewijzigd:
        return []
    for veld in gewijzigd:
        setattr(client, veld, gegevens[veld])
    client.save()
    audit.log(
        acting_user,
        "client.gewijzigd",
        client,
        client_id=client.pk,
        omschrijving=f"{omschrijving}: {', '.join(gewijzigd)}",
    )
    return gewijzigd


@transaction.atomic
def voeg_contacten_toe_uit_bericht(
    client: Client, *, contacten: list[dict], omschrijving: str, acting_user=None
) -> list[Contact]:
    """The client's own contacts a received message carries (each the fields of a ``Contact``):
    the ones the record does not have yet are added, as :func:`deel_met` does; what the
    receiver recorded itself stays. One audit row per contact added."""

    def sleutel(velden: dict) -> tuple:
        return tuple(sorted(velden.items(), key=str))

    bestaand = {
        sleutel(model_to_dict(k, GEDEELDE_CONTACTVELDEN))
        for k in client.contacten.filter(relatie__isnull=True)
    }
    toegevoegd = []
    for velden in contacten:
        nieuw = Contact(client=client, **velden)
        nieuw.full_clean()  # normalises first (e.g. the postcode), so equal means equal
        gegevens = sleutel(model_to_dict(nieuw, GEDEELDE_CONTACTVELDEN))
        if gegevens in bestaand:
            continue
        nieuw.save()
        bestaand.add(gegevens)
        audit.log(
            acting_user,
            "client.contact_toegevoegd",
            nieuw,
            client_id=client.pk,
            omschrijving=f"{omschrijving}: {nieuw}",
        )
        toegevoegd.append(nieuw)
    return toegevoegd


@transaction.atomic
def wijzig_client(client: Client, *, acting_user, **wijzigingen) -> Client:
    """Correct or complete a client record (a typo in the name, the BSN, the communicatie …).

    The audit row holds each changed field as [oud, nieuw]; the BSN shortened to its last four
    digits, never in full. No change, no row."""
    client = _vergrendeld(client, acting_user)
    oud = model_to_dict(client, KLANTVELDEN)
    _zet(client, wijzigingen, KLANTVELDEN)
    client.full_clean()
    client.save()
    gewijzigd = audit.wijzigingen(oud, model_to_dict(client, KLANTVELDEN), Client.AUDIT_GEVOELIG)
    if gewijzigd:
        audit.log(
            acting_user, "client.gewijzigd", client, client_id=client.pk, wijzigingen=gewijzigd
        )
    return client


# Contacts: addresses with phone and e-mail ----------------------------------------------------


def _controleer_contact(contact: Contact) -> None:
    """What the record keeps apart from the message (``Contact.clean`` has the message's own
    rules): only a tijdelijk verblijfadres carries a period in the 301 (CD009), so any other
    address has no begindatum and ends before today; each soort occurs once in a 301 (TR101),
    so one current address per soort; a relatie has one contact."""
    fouten = {}
    vandaag = timezone.localdate()
    if contact.soort != ADRESSOORT_TIJDELIJK:
        if contact.begindatum is not None:
            fouten["begindatum"] = (
                "Alleen een tijdelijk verblijfadres (04) heeft een begindatum: in de "
                "toewijzing (301) heeft alleen dat adres een periode."
            )
        if contact.einddatum is not None and contact.einddatum >= vandaag:
            fouten["einddatum"] = (
                "Een ander adres dan een tijdelijk verblijfadres (04) beëindigt u met een datum "
                "vóór vandaag: in de toewijzing (301) heeft alleen dat adres een periode."
            )
    if fouten:
        raise ValidationError(fouten)
    anderen = Contact.objects.filter(client_id=contact.client_id).exclude(pk=contact.pk)
    if contact.relatie_id is not None:
        if anderen.filter(relatie_id=contact.relatie_id).exists():
            raise ValidationError(
                "Deze relatie heeft al een contact; in de toewijzing (301) heeft een relatie er "
                "één. Wijzig het bestaande contact."
            )
        return
    if contact.is_beeindigd:
        return
    lopend = (
        anderen.filter(relatie__isnull=True, soort=contact.soort)
        .exclude(einddatum__lt=vandaag)
        .first()
    )
    if lopend is not None:
        raise ValidationError(
            {
                "soort": f"De cliënt heeft al een {contact.soort_in_zin} dat nog "
                f"geldt ({lopend.adresregel or lopend.telefoonnummer}). Beëindig of wijzig dat "
                "adres: in de toewijzing (301) komt elke soort adres één keer voor."
            }
        )


def _contact_van(contact: Contact, acting_user) -> Contact:
    """The contact locked, after the tenant check on its client."""
    _vergrendeld(contact.client, acting_user)
    return Contact.objects.select_for_update().select_related("client").get(pk=contact.pk)


@transaction.atomic
def voeg_contact_toe(
    client: Client, *, acting_user, relatie: Relatie | None = None, **gegevens
) -> Contact:
    """An address (with phone and e-mail) of the client, or the one contact of a relatie."""
    client = _vergrendeld(client, acting_user)
    if relatie is not None and relatie.client_id != client.pk:
        raise ValidationError("Deze relatie hoort niet bij deze cliënt.")
    contact = Contact(client=client, relatie=relatie)
    _zet(contact, gegevens, CONTACTVELDEN)
    contact.full_clean()
    _controleer_contact(contact)
    contact.save()
    audit.log(
        acting_user,
        "contact.toegevoegd",
        contact,
        client_id=client.pk,
        omschrijving=str(contact),
        wijzigingen=audit.wijzigingen({}, _gevuld(model_to_dict(contact, CONTACTVELDEN))),
    )
    return contact


@transaction.atomic
def wijzig_contact(contact: Contact, *, acting_user, **wijzigingen) -> Contact:
    """Correct an address, phone number or e-mail address."""
    contact = _contact_van(contact, acting_user)
    oud = model_to_dict(contact, CONTACTVELDEN)
    _zet(contact, wijzigingen, CONTACTVELDEN)
    contact.full_clean()
    _controleer_contact(contact)
    contact.save()
    if gewijzigd := audit.wijzigingen(oud, model_to_dict(contact, CONTACTVELDEN)):
        audit.log(
            acting_user,
            "contact.gewijzigd",
            contact,
            client_id=contact.client_id,
            omschrijving=str(contact),
            wijzigingen=gewijzigd,
        )
    return contact


@transaction.atomic
def beeindig_contact(contact: Contact, *, einddatum, acting_user) -> Contact:
    """The address no longer holds after ``einddatum`` (the client moved): it stays in the
    record, and no later 301 carries it."""
    contact = _contact_van(contact, acting_user)
    oud = contact.einddatum
    contact.einddatum = einddatum
    contact.full_clean()
    _controleer_contact(contact)
    contact.save()
    audit.log(
        acting_user,
        "contact.beeindigd",
        contact,
        client_id=contact.client_id,
        omschrijving=str(contact),
        wijzigingen=audit.wijzigingen({"einddatum": oud}, {"einddatum": einddatum}),
    )
    return contact


@transaction.atomic
def verwijder_contact(contact: Contact, *, acting_user) -> None:
    """Remove an address recorded by mistake (an address that ended: ``beeindig_contact``)."""
    _verwijder(_contact_van(contact, acting_user), CONTACTVELDEN, "contact.verwijderd", acting_user)


# Relaties: partner, parent, wettelijk vertegenwoordiger, contact person … ----------------------


def _bewaar_relatiecontact(relatie: Relatie, contact: dict | None) -> dict:
    """Create or change the relatie's one contact (the one the 301 carries); its changes as
    audit entries under ``contact.<veld>``."""
    if contact is None:
        return {}
    bestaand = relatie.contacten.select_for_update().order_by("pk").first()
    oud = model_to_dict(bestaand, CONTACTVELDEN) if bestaand else {}
    bestaand = bestaand or Contact(client_id=relatie.client_id, relatie=relatie)
    _zet(bestaand, contact, CONTACTVELDEN)
    try:
        bestaand.full_clean()
        _controleer_contact(bestaand)
    except ValidationError as fout:
        raise ValidationError(
            {f"contact.{veld}": fouten for veld, fouten in fout.message_dict.items()}
            if hasattr(fout, "error_dict")
            else fout
        ) from None
    bestaand.save()
    nieuw = model_to_dict(bestaand, CONTACTVELDEN)
    gewijzigd = audit.wijzigingen(oud, nieuw if oud else _gevuld(nieuw))
    return {f"contact.{veld}": waarden for veld, waarden in gewijzigd.items()}


@transaction.atomic
def voeg_relatie_toe(
    client: Client, *, acting_user, contact: dict | None = None, **gegevens
) -> Relatie:
    """A relation of the client (COD472), with its contact (the 301 requires one):
    ``contact`` holds the fields of its ``Contact``."""
    client = _vergrendeld(client, acting_user)
    relatie = Relatie(client=client)
    _zet(relatie, gegevens, RELATIEVELDEN)
    relatie.full_clean()
    relatie.save()
    wijzigingen = audit.wijzigingen({}, _gevuld(model_to_dict(relatie, RELATIEVELDEN)))
    wijzigingen |= _bewaar_relatiecontact(relatie, contact)
    audit.log(
        acting_user,
        "relatie.toegevoegd",
        relatie,
        client_id=client.pk,
        omschrijving=str(relatie),
        wijzigingen=wijzigingen,
    )
    return relatie


@transaction.atomic
def wijzig_relatie(
    relatie: Relatie, *, acting_user, contact: dict | None = None, **wijzigingen
) -> Relatie:
    """Correct a relatie and (``contact``) its contact."""
    _vergrendeld(relatie.client, acting_user)
    relatie = Relatie.objects.select_for_update().get(pk=relatie.pk)
    oud = model_to_dict(relatie, RELATIEVELDEN)
    _zet(relatie, wijzigingen, RELATIEVELDEN)
    relatie.full_clean()
    relatie.save()
    gewijzigd = audit.wijzigingen(oud, model_to_dict(relatie, RELATIEVELDEN))
    gewijzigd |= _bewaar_relatiecontact(relatie, contact)
    if gewijzigd:
        audit.log(
            acting_user,
            "relatie.gewijzigd",
            relatie,
            client_id=relatie.client_id,
            omschrijving=str(relatie),
            wijzigingen=gewijzigd,
        )
    return relatie


@transaction.atomic
def verwijder_relatie(relatie: Relatie, *, acting_user) -> None:
    """Remove a relatie with its contact."""
    _vergrendeld(relatie.client, acting_user)
    relatie = Relatie.objects.select_for_update().get(pk=relatie.pk)
    _verwijder(relatie, RELATIEVELDEN, "relatie.verwijderd", acting_user)


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
GEDEELDE_CONTACTVELDEN = CONTACTVELDEN


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
