"""Bad input: a clear Dutch message (or PermissionDenied), nothing stored, nothing sent."""

from datetime import timedelta
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.forms.models import model_to_dict

from wmoketen import testhulp
from wmoketen.accounts.constants import Rol
from wmoketen.berichten.models import Bericht
from wmoketen.factories import ClientFactory, GebruikerFactory, GemeenteFactory
from wmoketen.toewijzingen.models import AanbiederToewijzing, Levering, Toewijzing

from ..constants import Soort
from ..models import Mutatie
from ..services import (
    aanbieder_stopt,
    client_stopt,
    naar_pgb,
    naar_zin,
    stop_na_intrekking,
    verhuizing_of_overlijden,
    wijzig_intensiteit,
    wissel_aanbieder,
)
from .hulp import EINDE, VANDAAG


def _stand():
    return (
        Bericht.objects.count(),
        Mutatie.objects.count(),
        Toewijzing.objects.count(),
        [model_to_dict(t) for t in Toewijzing.objects.order_by("pk")],
        [model_to_dict(t) for t in AanbiederToewijzing.objects.order_by("pk")],
        [model_to_dict(lev) for lev in Levering.objects.order_by("pk")],
    )


def geweigerd(fout, tekst: str):
    """The block raises ``fout`` with ``tekst`` in its message and changes nothing."""
    return testhulp.geweigerd(fout, tekst, stand=_stand, deel=True)


def test_mutatie_op_een_beeindigde_toewijzing(p, lopend, bezorg):
    t, _ = lopend(p)
    with bezorg():
        naar_pgb(t, datum=VANDAAG, pgb_budget=Decimal("900"), acting_user=p.backoffice)
    t.refresh_from_db()
    with geweigerd(ValidationError, "is al beëindigd"):
        client_stopt(t, datum=VANDAAG, acting_user=p.backoffice)
    with geweigerd(ValidationError, "is al beëindigd"):
        wissel_aanbieder(t, nieuwe_aanbieder=p.ander, datum=VANDAAG, acting_user=p.backoffice)
    with geweigerd(ValidationError, "is al beëindigd"):
        wijzig_intensiteit(t, volume=9, datum=VANDAAG, acting_user=p.backoffice)


def test_mutatie_na_de_einddatum(p, lopend):
    t, _ = lopend(p)
    with geweigerd(ValidationError, f"eindigt al op {EINDE:%d-%m-%Y}"):
        client_stopt(t, datum=EINDE + timedelta(days=1), acting_user=p.backoffice)


def test_wissel_naar_aanbieder_zonder_contract(p, lopend):
    t, _ = lopend(p)
    with geweigerd(ValidationError, "heeft geen contract met"):
        wissel_aanbieder(
            t, nieuwe_aanbieder=p.zonder_contract, datum=VANDAAG, acting_user=p.backoffice
        )
    assert not p.traject.is_deelnemer(p.zonder_contract)


def test_wissel_naar_dezelfde_aanbieder(p, lopend):
    t, _ = lopend(p)
    with geweigerd(ValidationError, "levert deze toewijzing al"):
        wissel_aanbieder(t, nieuwe_aanbieder=p.aanbieder, datum=VANDAAG, acting_user=p.backoffice)


def test_niets_te_beeindigen(p):
    with geweigerd(ValidationError, "geen lopende toewijzingen"):
        verhuizing_of_overlijden(
            p.client, soort=Soort.OVERLIJDEN, datum=VANDAAG, acting_user=p.backoffice
        )
    with geweigerd(ValidationError, "Kies verhuizing of overlijden"):
        verhuizing_of_overlijden(p.client, soort=Soort.WLZ, datum=VANDAAG, acting_user=p.backoffice)


def test_intensiteit_foutief(p, lopend):
    t, _ = lopend(p)
    with geweigerd(ValidationError, "heeft al volume 3"):
        wijzig_intensiteit(t, volume=3, datum=VANDAAG, acting_user=p.backoffice)
    with geweigerd(ValidationError, "ten minste 1"):
        wijzig_intensiteit(t, volume=0, datum=VANDAAG, acting_user=p.backoffice)
    with geweigerd(ValidationError, "vóór de ingangsdatum"):
        wijzig_intensiteit(
            t, volume=4, datum=t.ingangsdatum - timedelta(days=1), acting_user=p.backoffice
        )


def test_pgb_zonder_budget_en_zin_zonder_pgb(p, lopend):
    t, _ = lopend(p)
    for budget in (Decimal("0"), None, "veel", Decimal("NaN")):
        with geweigerd(ValidationError, "pgb-budget"):
            naar_pgb(t, datum=VANDAAG, pgb_budget=budget, acting_user=p.backoffice)
    with geweigerd(ValidationError, "geen pgb vastgelegd"):
        naar_zin(
            p.client,
            product=p.ander_product,
            aanbieder=p.ander,
            datum=VANDAAG,
            volume=2,
            einddatum=EINDE,
            acting_user=p.backoffice,
        )


def test_zin_bij_aanbieder_zonder_contract(p, lopend, bezorg):
    t, _ = lopend(p)
    with bezorg():
        naar_pgb(t, datum=VANDAAG, pgb_budget=Decimal("900"), acting_user=p.backoffice)
    with geweigerd(ValidationError, "heeft geen contract met"):
        naar_zin(
            p.client,
            product=p.product,
            aanbieder=p.zonder_contract,
            datum=VANDAAG + timedelta(days=7),
            volume=2,
            einddatum=EINDE,
            acting_user=p.backoffice,
        )


def test_rollen_van_de_gemeente(p, lopend):
    t, _ = lopend(p)
    andere = GemeenteFactory(naam="Leudal", gemeentecode="1640")
    vreemde_backoffice = GebruikerFactory(
        username="backoffice-leudal", organisatie=andere, rol=Rol.BACKOFFICE
    )
    for gebruiker in (p.consulent, p.medewerker, vreemde_backoffice):
        with geweigerd(PermissionDenied, ""):
            verhuizing_of_overlijden(
                p.client, soort=Soort.VERHUIZING, datum=VANDAAG, acting_user=gebruiker
            )
        with geweigerd(PermissionDenied, ""):
            client_stopt(t, datum=VANDAAG, acting_user=gebruiker)
    eigen = ClientFactory(organisatie=andere, bsn="999990044")
    with geweigerd(PermissionDenied, "hoort niet bij uw gemeente"):
        verhuizing_of_overlijden(
            eigen, soort=Soort.VERHUIZING, datum=VANDAAG, acting_user=p.backoffice
        )


def test_rollen_van_de_aanbieder(p, lopend):
    _, at = lopend(p)
    for gebruiker in (p.backoffice, p.ander_medewerker):
        with geweigerd(PermissionDenied, "geen mutatie melden"):
            aanbieder_stopt(at, datum=VANDAAG, acting_user=gebruiker)
        with geweigerd(PermissionDenied, "geen mutatie melden"):
            client_stopt(at, datum=VANDAAG, acting_user=gebruiker)


def test_aanbieder_stopt_voor_de_start_van_de_levering(p, lopend):
    _, at = lopend(p)
    with geweigerd(ValidationError, "vóór de start van de levering"):
        aanbieder_stopt(at, datum=at.ingangsdatum, acting_user=p.medewerker)


def test_aanbieder_stopt_na_een_beeindiging(p, lopend, bezorg):
    _, at = lopend(p)
    with bezorg():
        verhuizing_of_overlijden(
            p.client, soort=Soort.VERHUIZING, datum=VANDAAG, acting_user=p.backoffice
        )
    at.refresh_from_db()
    with geweigerd(ValidationError, "is al beëindigd"):
        aanbieder_stopt(at, datum=VANDAAG, acting_user=p.medewerker)


def test_stop_na_intrekking_zonder_intrekking(p, lopend):
    _, at = lopend(p)
    with geweigerd(ValidationError, "kies zelf een reden beëindiging"):
        stop_na_intrekking(at, acting_user=p.medewerker)
    _, zonder_start = lopend(p, p.ander_product, start=False)
    AanbiederToewijzing.objects.filter(pk=zonder_start.pk).update(reden_wijziging="07")
    zonder_start.refresh_from_db()
    with geweigerd(ValidationError, "loopt geen levering"):
        stop_na_intrekking(zonder_start, acting_user=p.medewerker)
