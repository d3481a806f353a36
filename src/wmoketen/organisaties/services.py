"""State changes of organisations and contracts. Each is one transaction with an audit row."""

from datetime import date
from decimal import Decimal

from django.db import transaction

from wmoketen.audit import services as audit

from .models import Aanbieder, Contract, Contractregel, Gemeente, Onderaanneming, Regio


def _opslaan(obj, actie: str, acting_user):
    obj.full_clean()
    obj.save()
    audit.log(acting_user, actie, obj, omschrijving=str(obj))
    return obj


@transaction.atomic
def registreer_gemeente(*, naam: str, gemeentecode: str, acting_user) -> Gemeente:
    return _opslaan(
        Gemeente(naam=naam, gemeentecode=gemeentecode), "gemeente.geregistreerd", acting_user
    )


@transaction.atomic
def stel_open_beschikkingen_in(
    gemeente: Gemeente, *, open_beschikkingen: bool, acting_user
) -> Gemeente:
    """Whether the gemeente issues open beschikkingen (the aanbieder then files a 315)."""
    gemeente = Gemeente.objects.select_for_update().get(pk=gemeente.pk)
    oud = gemeente.open_beschikkingen
    if oud == open_beschikkingen:
        return gemeente  # nothing changes, nothing to log (the demo runs twice)
    gemeente.open_beschikkingen = open_beschikkingen
    gemeente.save(update_fields=["open_beschikkingen"])
    audit.log(
        acting_user,
        "gemeente.open_beschikkingen",
        gemeente,
        wijzigingen={"open_beschikkingen": [oud, open_beschikkingen]},
    )
    return gemeente


@transaction.atomic
def registreer_aanbieder(
    *, naam: str, agb_code: str, kvk_nummer: str = "", acting_user
) -> Aanbieder:
    aanbieder = Aanbieder(naam=naam, agb_code=agb_code, kvk_nummer=kvk_nummer)
    return _opslaan(aanbieder, "aanbieder.geregistreerd", acting_user)


@transaction.atomic
def registreer_regio(*, naam: str, gemeenten: list[Gemeente], acting_user) -> Regio:
    regio = _opslaan(Regio(naam=naam), "regio.geregistreerd", acting_user)
    regio.gemeenten.set(gemeenten)
    return regio


@transaction.atomic
def sluit_contract(
    *,
    kenmerk: str,
    aanbieder: Aanbieder,
    begindatum: date,
    gemeente: Gemeente | None = None,
    regio: Regio | None = None,
    einddatum: date | None = None,
    acting_user,
) -> Contract:
    contract = Contract(
        kenmerk=kenmerk,
        aanbieder=aanbieder,
        gemeente=gemeente,
        regio=regio,
        begindatum=begindatum,
        einddatum=einddatum,
    )
    return _opslaan(contract, "contract.gesloten", acting_user)


@transaction.atomic
def voeg_contractregel_toe(
    contract: Contract,
    *,
    product,
    uitvoeringsvariant: str,
    tarief: Decimal,
    declaratieregel: str,
    eenheid: str | None = None,
    frequentie: str | None = None,
    acting_user,
) -> Contractregel:
    """A product on the contract; eenheid and frequentie default to the product's."""
    regel = Contractregel(
        contract=contract,
        product=product,
        uitvoeringsvariant=uitvoeringsvariant,
        eenheid=eenheid or product.eenheid,
        frequentie=frequentie or product.frequentie,
        tarief=tarief,
        declaratieregel=declaratieregel,
    )
    return _opslaan(regel, "contractregel.toegevoegd", acting_user)


@transaction.atomic
def voeg_onderaannemer_toe(
    contract: Contract, *, onderaannemer: Aanbieder, begindatum: date, acting_user
) -> Onderaanneming:
    onderaanneming = Onderaanneming(
        contract=contract, onderaannemer=onderaannemer, begindatum=begindatum
    )
    return _opslaan(onderaanneming, "onderaanneming.toegevoegd", acting_user)
