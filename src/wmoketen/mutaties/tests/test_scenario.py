"""One scenario per mutation, for the Jeugdwet (Almere) and the Wmo (Weert): the exact
messages on both sides (301 with which RedenWijziging and Einddatum to which aanbieder, the
aanbieder's 307 with which RedenBeeindiging, their retours 302/308), both sides' records and
the Mutatie on the traject. Every message is valid XML without retourcodes."""

from datetime import timedelta
from decimal import Decimal

import pytest

from wmoketen.termijnen.constants import LOPEND
from wmoketen.termijnen.queries import termijnen_voor
from wmoketen.toewijzingen.constants import AanbiederStatus, LeveringStatus
from wmoketen.toewijzingen.constants import Status as ToewijzingStatus
from wmoketen.toewijzingen.models import AanbiederToewijzing, Levering, Toewijzing
from wmoketen.toewijzingen.services import registreer_start
from wmoketen.trajecten.constants import TaakSoort
from wmoketen.trajecten.models import Taak

from ..constants import Soort
from ..services import (
    aanbieder_stopt,
    client_stopt,
    naar_pgb,
    naar_wlz,
    naar_zin,
    stop_na_intrekking,
    verhuizing_of_overlijden,
    wijzig_intensiteit,
    wissel_aanbieder,
)
from .hulp import (
    EINDE,
    VANDAAG,
    berichten_sinds,
    laatste_pk,
    producten_301,
    reden_307,
    uitgewisseld,
)

GISTEREN = VANDAAG - timedelta(days=1)


def stop_zorg_lopend(at) -> bool:
    return (
        termijnen_voor(at, at.aanbieder).filter(regel__code="stop_zorg", status__in=LOPEND).exists()
    )


def stop_zorg_vanaf(at):
    """The start of the running stop_zorg deadline (OP272: 5 werkdagen after the end)."""
    [termijn] = termijnen_voor(at, at.aanbieder, alleen_lopend=True).filter(regel__code="stop_zorg")
    return termijn.startdatum


def gemeentelevering(toewijzing) -> tuple:
    levering = Levering.objects.get(toewijzing=toewijzing)
    return levering.status, levering.einddatum, levering.reden_beeindiging


def bevestig_stop(p, at, bezorg, *, reden="", medewerker=None):
    """The aanbieder answers the ending 301 with its 307; returns the 307's (reden, einde)."""
    pk = laatste_pk()
    with bezorg():
        stop_na_intrekking(at, acting_user=medewerker or p.medewerker, reden=reden)
    b307, b308 = berichten_sinds(pk, p.standaard)
    assert uitgewisseld([b307, b308]) == [
        (307, at.aanbieder.naam, p.gemeente.naam),
        (308, p.gemeente.naam, at.aanbieder.naam),
    ]
    at.refresh_from_db()
    assert not stop_zorg_lopend(at)
    return reden_307(b307)


# Verhuizing, overlijden, Wlz: every allocation at every aanbieder ends -----------------------

BEEINDIG_ALLES = {
    # soort: (RedenWijziging, 307 reden Jeugdwet, 307 reden Wmo, last day = datum?)
    Soort.VERHUIZING: ("07", "35", "31", False),
    Soort.OVERLIJDEN: ("02", "02", "02", True),
    Soort.WLZ: ("06", "39", "39", False),
}


@pytest.mark.parametrize("soort", list(BEEINDIG_ALLES))
def test_alle_toewijzingen_eindigen(p, lopend, bezorg, soort):
    reden, jw, wmo, op_datum = BEEINDIG_ALLES[soort]
    eigen, eigen_at = lopend(p)
    ander, ander_at = lopend(
        p, p.ander_product, aanbieder=p.ander, medewerker=p.ander_medewerker, start=False
    )
    laatste = VANDAAG if op_datum else GISTEREN
    pk = laatste_pk()
    with bezorg():
        if soort == Soort.WLZ:
            mutatie = naar_wlz(p.client, datum=VANDAAG, acting_user=p.backoffice)
        else:
            mutatie = verhuizing_of_overlijden(
                p.client, soort=soort, datum=VANDAAG, acting_user=p.backoffice
            )

    berichten = berichten_sinds(pk, p.standaard)
    # One 301 per aanbieder, each answered by its 302.
    assert uitgewisseld(berichten) == [
        (301, p.gemeente.naam, p.aanbieder.naam),
        (301, p.gemeente.naam, p.ander.naam),
        (302, p.aanbieder.naam, p.gemeente.naam),
        (302, p.ander.naam, p.gemeente.naam),
    ]
    naar_eigen, naar_ander = berichten[:2]
    assert producten_301(naar_eigen) == {
        eigen.toewijzingnummer: {
            "ingang": eigen.ingangsdatum.isoformat(),
            "einde": laatste.isoformat(),
            "reden": reden,
            "volume": "3",
        }
    }
    assert producten_301(naar_ander)[ander.toewijzingnummer]["einde"] == laatste.isoformat()
    assert producten_301(naar_ander)[ander.toewijzingnummer]["reden"] == reden
    # The gemeente's records.
    for t in (eigen, ander):
        t.refresh_from_db()
        assert (t.einddatum, t.reden_wijziging, t.status) == (
            laatste,
            reden,
            ToewijzingStatus.BEEINDIGD,
        )
    # The aanbieders' records; only the running delivery owes a 307 (OP272).
    for at in (eigen_at, ander_at):
        at.refresh_from_db()
        assert (at.einddatum, at.reden_wijziging, at.status) == (
            laatste,
            reden,
            AanbiederStatus.ACTUEEL,
        )
    assert stop_zorg_vanaf(eigen_at) == laatste
    assert not stop_zorg_lopend(ander_at)
    assert mutatie.soort == soort and mutatie.traject == p.traject
    assert set(mutatie.beeindigd.all()) == {eigen, ander}
    assert list(mutatie.berichten.order_by("pk")) == [naar_eigen, naar_ander]

    # The aanbieder stops with the reden that goes with the RedenWijziging.
    assert bevestig_stop(p, eigen_at, bezorg) == [
        (jw if p.wet == "jeugdwet" else wmo, laatste.isoformat())
    ]
    assert gemeentelevering(eigen) == (
        LeveringStatus.GESTOPT,
        laatste,
        jw if p.wet == "jeugdwet" else wmo,
    )


# Intensity ------------------------------------------------------------------------------------


def test_intensiteit_per_week_beeindigt_en_wijst_opnieuw_toe(p, lopend, bezorg):
    oud, oud_at = lopend(p)
    pk = laatste_pk()
    with bezorg():
        mutatie = wijzig_intensiteit(oud, volume=5, datum=VANDAAG, acting_user=p.backoffice)

    berichten = berichten_sinds(pk, p.standaard)
    assert uitgewisseld(berichten) == [
        (301, p.gemeente.naam, p.aanbieder.naam),
        (302, p.aanbieder.naam, p.gemeente.naam),
    ]
    [nieuw] = mutatie.nieuw.all()
    assert producten_301(berichten[0]) == {
        oud.toewijzingnummer: {
            "ingang": oud.ingangsdatum.isoformat(),
            "einde": GISTEREN.isoformat(),
            "reden": "05",
            "volume": "3",
        },
        nieuw.toewijzingnummer: {
            "ingang": VANDAAG.isoformat(),
            "einde": EINDE.isoformat(),
            "reden": None,
            "volume": "5",
        },
    }
    oud.refresh_from_db()
    assert (oud.einddatum, oud.status) == (GISTEREN, ToewijzingStatus.BEEINDIGD)
    assert (nieuw.volume, nieuw.status) == (5, ToewijzingStatus.TOEGEWEZEN)
    assert list(mutatie.beeindigd.all()) == [oud]
    nieuw_at = AanbiederToewijzing.objects.get(
        aanbieder=p.aanbieder, toewijzingnummer=nieuw.toewijzingnummer
    )
    assert (nieuw_at.volume, nieuw_at.status) == (5, AanbiederStatus.ACTUEEL)

    # The aanbieder stops the old one (36: geïnitieerd door de gemeente), starts the new one.
    assert bevestig_stop(p, oud_at, bezorg) == [("36", GISTEREN.isoformat())]
    pk = laatste_pk()
    with bezorg():
        registreer_start(nieuw_at, startdatum=VANDAAG, acting_user=p.medewerker)
    assert [b.nummer for b in berichten_sinds(pk, p.standaard)] == [305, 306]
    assert Levering.objects.get(toewijzing=nieuw).status == LeveringStatus.GESTART


def test_intensiteit_totaal_wijzigt_in_place(p, lopend, bezorg):
    t, at = lopend(p, volume=40, frequentie="6")
    pk = laatste_pk()
    with bezorg():
        mutatie = wijzig_intensiteit(t, volume=50, datum=VANDAAG, acting_user=p.backoffice)

    berichten = berichten_sinds(pk, p.standaard)
    assert [b.nummer for b in berichten] == [301, 302]
    assert producten_301(berichten[0]) == {
        t.toewijzingnummer: {
            "ingang": t.ingangsdatum.isoformat(),
            "einde": EINDE.isoformat(),
            "reden": "04",
            "volume": "50",
        }
    }
    t.refresh_from_db()
    at.refresh_from_db()
    assert (t.volume, t.einddatum, t.status) == (50, EINDE, ToewijzingStatus.TOEGEWEZEN)
    assert (at.volume, at.reden_wijziging, at.einddatum) == (50, "04", EINDE)
    # The delivery simply goes on: the 307 is still due after the unchanged einddatum (OP272).
    assert stop_zorg_vanaf(at) == EINDE
    assert list(mutatie.gewijzigd.all()) == [t]
    assert not mutatie.beeindigd.exists() and not mutatie.nieuw.exists()


# Aanbieder switch ------------------------------------------------------------------------------


def test_wissel_aanbieder(p, lopend, bezorg):
    oud, oud_at = lopend(p)
    pk = laatste_pk()
    with bezorg():
        mutatie = wissel_aanbieder(
            oud, nieuwe_aanbieder=p.ander, datum=VANDAAG, acting_user=p.backoffice
        )

    berichten = berichten_sinds(pk, p.standaard)
    assert uitgewisseld(berichten) == [
        (301, p.gemeente.naam, p.aanbieder.naam),
        (301, p.gemeente.naam, p.ander.naam),
        (302, p.aanbieder.naam, p.gemeente.naam),
        (302, p.ander.naam, p.gemeente.naam),
    ]
    [nieuw] = mutatie.nieuw.all()
    assert producten_301(berichten[0]) == {
        oud.toewijzingnummer: {
            "ingang": oud.ingangsdatum.isoformat(),
            "einde": GISTEREN.isoformat(),
            "reden": "09",
            "volume": "3",
        }
    }
    assert producten_301(berichten[1]) == {
        nieuw.toewijzingnummer: {
            "ingang": VANDAAG.isoformat(),
            "einde": EINDE.isoformat(),
            "reden": None,
            "volume": "3",
        }
    }
    assert (nieuw.aanbieder, nieuw.product) == (p.ander, p.product)
    assert (mutatie.aanbieder, mutatie.nieuwe_aanbieder) == (p.aanbieder, p.ander)
    assert p.traject.is_deelnemer(p.ander)
    nieuw_at = AanbiederToewijzing.objects.get(
        aanbieder=p.ander, toewijzingnummer=nieuw.toewijzingnummer
    )
    assert nieuw_at.status == AanbiederStatus.ACTUEEL

    assert bevestig_stop(p, oud_at, bezorg) == [("38", GISTEREN.isoformat())]
    with bezorg():
        registreer_start(nieuw_at, startdatum=VANDAAG, acting_user=p.ander_medewerker)
    assert Levering.objects.get(toewijzing=nieuw).status == LeveringStatus.GESTART


# Delivery form ZIN <-> PGB -----------------------------------------------------------------


def test_naar_pgb_en_terug_naar_zin(p, lopend, bezorg):
    t, at = lopend(p)
    pk = laatste_pk()
    with bezorg():
        mutatie = naar_pgb(
            t, datum=VANDAAG, pgb_budget=Decimal("1250.00"), acting_user=p.backoffice
        )
    berichten = berichten_sinds(pk, p.standaard)
    assert [b.nummer for b in berichten] == [301, 302]  # no message for the pgb itself
    assert producten_301(berichten[0])[t.toewijzingnummer]["reden"] == "08"
    assert producten_301(berichten[0])[t.toewijzingnummer]["einde"] == GISTEREN.isoformat()
    assert mutatie.pgb_budget == Decimal("1250.00")
    assert bevestig_stop(p, at, bezorg) == [("36", GISTEREN.isoformat())]

    later = VANDAAG + timedelta(days=14)
    pk = laatste_pk()
    with bezorg():
        terug = naar_zin(
            p.client,
            product=p.product,
            aanbieder=p.ander,
            datum=later,
            volume=2,
            einddatum=EINDE,
            acting_user=p.backoffice,
        )
    berichten = berichten_sinds(pk, p.standaard)
    assert uitgewisseld(berichten) == [
        (301, p.gemeente.naam, p.ander.naam),
        (302, p.ander.naam, p.gemeente.naam),
    ]
    [nieuw] = terug.nieuw.all()
    assert producten_301(berichten[0]) == {
        nieuw.toewijzingnummer: {
            "ingang": later.isoformat(),
            "einde": EINDE.isoformat(),
            "reden": None,
            "volume": "2",
        }
    }
    assert p.traject.is_deelnemer(p.ander)
    assert terug.soort == Soort.NAAR_ZIN and list(terug.berichten.all()) == [berichten[0]]


# The client stops -------------------------------------------------------------------------


def test_client_stopt_ingevoerd_door_de_gemeente(p, lopend, bezorg):
    t, at = lopend(p)
    pk = laatste_pk()
    with bezorg():
        client_stopt(t, datum=VANDAAG, acting_user=p.backoffice)
    berichten = berichten_sinds(pk, p.standaard)
    assert [b.nummer for b in berichten] == [301, 302]
    assert producten_301(berichten[0])[t.toewijzingnummer]["reden"] == "05"
    # The aanbieder knows why (the traject) and reports the client's own stop.
    eigen = "32" if p.wet == "jeugdwet" else "21"
    assert bevestig_stop(p, at, bezorg, reden=eigen) == [(eigen, GISTEREN.isoformat())]


AANBIEDER_MELDT = {
    # soort: (service, RedenWijziging, 307 reden Jeugdwet, 307 reden Wmo)
    Soort.CLIENT_STOPT: (client_stopt, "05", "32", "21"),
    Soort.AANBIEDER_STOPT: (aanbieder_stopt, "12", "33", "22"),
}


@pytest.mark.parametrize("soort", list(AANBIEDER_MELDT))
def test_aanbieder_meldt_de_stop(p, lopend, bezorg, soort):
    service, reden, jw, wmo = AANBIEDER_MELDT[soort]
    stopreden = jw if p.wet == "jeugdwet" else wmo
    if p.wet == "jeugdwet":
        reden = "14"  # JZ002 14: withdrawn after the aanbieder's definitive stop message
    t, at = lopend(p)
    pk = laatste_pk()
    with bezorg():
        mutatie = service(at, datum=VANDAAG, acting_user=p.medewerker, toelichting="Gesprek.")

    berichten = berichten_sinds(pk, p.standaard)
    assert uitgewisseld(berichten) == [
        (307, p.aanbieder.naam, p.gemeente.naam),
        (301, p.gemeente.naam, p.aanbieder.naam),
        (308, p.gemeente.naam, p.aanbieder.naam),
        (302, p.aanbieder.naam, p.gemeente.naam),
    ]
    assert reden_307(berichten[0]) == [(stopreden, GISTEREN.isoformat())]
    assert producten_301(berichten[1])[t.toewijzingnummer] == {
        "ingang": t.ingangsdatum.isoformat(),
        "einde": GISTEREN.isoformat(),
        "reden": reden,
        "volume": "3",
    }
    t.refresh_from_db()
    at.refresh_from_db()
    assert (t.einddatum, t.reden_wijziging, t.status) == (
        GISTEREN,
        reden,
        ToewijzingStatus.BEEINDIGD,
    )
    assert gemeentelevering(t) == (LeveringStatus.GESTOPT, GISTEREN, stopreden)
    assert (at.einddatum, at.reden_wijziging) == (GISTEREN, reden)
    assert at.laatste_levering.status == LeveringStatus.GESTOPT
    assert not stop_zorg_lopend(at)
    assert (mutatie.soort, mutatie.gemeld_door_id, mutatie.ingevoerd_door) == (
        soort,
        p.aanbieder.pk,
        p.medewerker,
    )
    assert list(mutatie.berichten.order_by("pk")) == berichten[:2]
    # The consulent's task on the traject.
    taak = Taak.objects.get(traject=p.traject, soort=TaakSoort.WIJZIGING)
    assert taak.toegewezen_aan_organisatie_id == p.gemeente.pk
    assert taak.termijn.vervaldatum > VANDAAG


def test_aanbieder_stopt_zonder_levering_stuurt_geen_307(p, lopend, bezorg):
    t, at = lopend(p, start=False)
    pk = laatste_pk()
    with bezorg():
        aanbieder_stopt(at, datum=VANDAAG, acting_user=p.medewerker)
    assert [b.nummer for b in berichten_sinds(pk, p.standaard)] == [301, 302]
    assert Toewijzing.objects.get(pk=t.pk).reden_wijziging == "12"


def test_toewijzing_die_nog_niet_liep_wordt_verwijderd(p, lopend, bezorg):
    later = VANDAAG + timedelta(days=30)
    t, at = lopend(p, ingang=later, start=False)
    pk = laatste_pk()
    with bezorg():
        verhuizing_of_overlijden(
            p.client, soort=Soort.VERHUIZING, datum=VANDAAG, acting_user=p.backoffice
        )
    [b301, _] = berichten_sinds(pk, p.standaard)
    assert producten_301(b301)[t.toewijzingnummer]["einde"] == later.isoformat()
    assert producten_301(b301)[t.toewijzingnummer]["reden"] == "13"
    t.refresh_from_db()
    assert (t.einddatum, t.reden_wijziging, t.status) == (
        later,
        "13",
        ToewijzingStatus.VERWIJDERD,
    )
