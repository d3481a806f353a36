"""factory_boy factories for tests, e.g. ``ClientFactory(zonder_geboortedatum=True)``."""

from datetime import date
from decimal import Decimal

import factory
from django.contrib.auth.models import Group

from wmoketen.accounts.constants import Rol
from wmoketen.accounts.models import Gebruiker
from wmoketen.clienten.models import Client, Contact
from wmoketen.organisaties.models import Aanbieder, Contract, Contractregel, Gemeente
from wmoketen.producten.models import Product

WACHTWOORD = "Test-wachtwoord-123"


def geldig_bsn(n: int) -> str:
    """The n-th valid BSN above 100000000 (elfproef), for unique test data."""
    basis = 10000000 + n * 7
    while True:
        cijfers = [int(c) for c in str(basis)]
        rest = sum(c * w for c, w in zip(cijfers, range(9, 1, -1), strict=True)) % 11
        if rest < 10:
            return f"{basis}{rest}"
        basis += 1


class GemeenteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gemeente
        django_get_or_create = ["gemeentecode"]

    naam = factory.Sequence(lambda n: f"Gemeente {n}")
    # Four digits whatever the sequence reached in a long run (9000-9999, one test never
    # creates a thousand gemeenten).
    gemeentecode = factory.Sequence(lambda n: f"{9000 + n % 1000:04d}")


class AanbiederFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Aanbieder
        django_get_or_create = ["agb_code"]

    naam = factory.Sequence(lambda n: f"Aanbieder {n}")
    agb_code = factory.Sequence(lambda n: f"{98000000 + n:08d}")


class GebruikerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gebruiker
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    organisatie = factory.SubFactory(GemeenteFactory)
    password = factory.django.Password(WACHTWOORD)

    @factory.post_generation
    def rol(self, create, extracted, **kwargs):
        if create and extracted:
            rollen = extracted if isinstance(extracted, list | tuple) else [extracted]
            # get_or_create: transactional tests flush the groups the migration made.
            self.groups.add(*(Group.objects.get_or_create(name=Rol(r).value)[0] for r in rollen))


class ClientFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Client

    organisatie = factory.SubFactory(GemeenteFactory)
    bsn = factory.Sequence(geldig_bsn)
    geslachtsnaam = factory.Sequence(lambda n: f"Achternaam{n}")
    voornamen = "Jan"
    voorletters = "J"
    geslacht = "1"
    geboortedatum = date(1950, 5, 17)

    class Params:
        zonder_geboortedatum = factory.Trait(geboortedatum=date(1900, 1, 1), datumgebruik="3")


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    client = factory.SubFactory(ClientFactory)
    soort = "01"
    straatnaam = "Markt"
    huisnummer = 1
    postcode = "6001AA"
    plaatsnaam = "Weert"


class ProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Product

    wet = "wmo"
    productcategorie = "02"
    productcode = factory.Sequence(lambda n: f"T{n:04d}")
    naam = "Testbegeleiding"
    eenheid = "04"
    frequentie = "2"
    geldig_van = date(2020, 1, 1)


class ContractFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contract

    kenmerk = factory.Sequence(lambda n: f"TEST-{n}")
    gemeente = factory.SubFactory(GemeenteFactory)
    aanbieder = factory.SubFactory(AanbiederFactory)
    begindatum = date(2026, 1, 1)


class ContractregelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contractregel
        skip_postgeneration_save = True

    contract = factory.SubFactory(ContractFactory)
    product = factory.SubFactory(ProductFactory)
    uitvoeringsvariant = "inspanningsgericht"
    eenheid = "04"
    frequentie = "2"
    begindatum = factory.SelfAttribute("contract.begindatum")

    @factory.post_generation
    def tarief(self, create, extracted, **kwargs):
        """``ContractregelFactory(tarief=Decimal("61.25"))``: the line's first tariff period."""
        if create:
            bedrag = Decimal("65.00") if extracted is None else extracted
            self.tarieven.create(bedrag=bedrag, ingangsdatum=self.begindatum)
