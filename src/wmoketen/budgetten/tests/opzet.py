"""Test support: a gemeente, an aanbieder, a taakgericht contract line and their users."""

from datetime import date
from decimal import Decimal

from wmoketen.accounts.constants import Rol
from wmoketen.budgetten import services
from wmoketen.factories import (
    AanbiederFactory,
    ContractregelFactory,
    GebruikerFactory,
    GemeenteFactory,
)

BEGIN = date(2025, 1, 1)


class Opzet:
    def __init__(self, *, gemeentecode="0034", agb="73730101", variant="taakgericht"):
        self.gemeente = GemeenteFactory(naam=f"Gemeente {gemeentecode}", gemeentecode=gemeentecode)
        self.aanbieder = AanbiederFactory(naam=f"Aanbieder {agb}", agb_code=agb)
        self.regel = ContractregelFactory(
            contract__gemeente=self.gemeente,
            contract__aanbieder=self.aanbieder,
            contract__begindatum=BEGIN,
            uitvoeringsvariant=variant,
            tarief=Decimal("0.00"),
        )
        self.contractmanager = GebruikerFactory(organisatie=self.gemeente, rol=Rol.CONTRACTMANAGER)
        self.backoffice = GebruikerFactory(organisatie=self.gemeente, rol=Rol.BACKOFFICE)
        self.medewerker = GebruikerFactory(organisatie=self.aanbieder, rol=Rol.AANBIEDER)

    def budget(self, *, begin=BEGIN, eind=date(2025, 12, 31), bedrag=1_200_000, **velden):
        return services.leg_vast(
            gemeente=self.gemeente,
            contractregel=velden.pop("contractregel", self.regel),
            begindatum=begin,
            einddatum=eind,
            bedrag=bedrag,
            acting_user=velden.pop("acting_user", self.contractmanager),
            **velden,
        )
