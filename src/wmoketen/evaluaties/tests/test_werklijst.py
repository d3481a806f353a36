"""A planned evaluation appears in the consulent's and the aanbieder's worklist from its
werkdag on, not the day before (the driemaandscheck of 1 August 2026, a Saturday, falls on
Friday 31 July)."""

from datetime import date

from wmoketen.accounts.constants import Rol
from wmoketen.evaluaties import services
from wmoketen.factories import GebruikerFactory
from wmoketen.gedeeld.werklijst import werklijst

from .conftest import CHECK


def evaluaties_in(gebruiker):
    return [(i.titel, i.vervaldatum, i.termijn_label) for i in werklijst(gebruiker, "Evaluaties")]


def test_vanaf_de_werkdag_niet_de_dag_ervoor(beschikking, consulent, medewerker, op):
    naam = beschikking.plan.melding.traject.client.volledige_naam
    op(date(2026, 7, 30))
    assert evaluaties_in(consulent) == []
    assert evaluaties_in(medewerker) == []
    op(CHECK)
    verwacht = [(f"Driemaandscheck: {naam}", CHECK, "Vandaag")]
    assert evaluaties_in(consulent) == verwacht
    assert evaluaties_in(medewerker) == verwacht
    op(date(2026, 8, 3))
    assert evaluaties_in(medewerker) == [(f"Driemaandscheck: {naam}", CHECK, "Sinds 3 dagen")]


def test_uitgevoerd_verdwijnt_uit_de_werklijst(check, consulent, medewerker, op):
    op(CHECK)
    services.voer_uit(
        check,
        acting_user=medewerker,
        gehouden_op=CHECK,
        aanwezig=["client", "aanbieder"],
        vervolgstap="voortzetten",
        ondersteuning_gestart=True,
        volgens_afspraak=True,
    )
    assert evaluaties_in(consulent) == []
    assert evaluaties_in(medewerker) == []


def test_alleen_de_eigen_consulent_en_de_eigen_aanbieder(beschikking, gemeente, buitenstaander, op):
    collega = GebruikerFactory(organisatie=gemeente, rol=Rol.TOEGANGSMEDEWERKER)
    backoffice = GebruikerFactory(organisatie=gemeente, rol=Rol.BACKOFFICE)
    op(CHECK)
    assert evaluaties_in(collega) == []
    assert evaluaties_in(buitenstaander) == []
    assert evaluaties_in(backoffice) == []
