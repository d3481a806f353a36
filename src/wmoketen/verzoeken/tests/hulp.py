"""Helpers shared by the request tests: their dates and BSNs, the aanbieder's form data and
its requests through the service.

* ``INGANG``/``EINDE``: an allocation's period, moved along with today (``testdatum.dag``).
* ``nieuw_formulier``/``productregel``: the data of the new-request form and one product row;
  ``wijzigingsregel``: one allocation's row on the change form.
* ``aangevraagd``/``jw_315``: a requested product and a Jeugdwet 315 through the service.
"""

from datetime import date, timedelta

from wmoketen.testdatum import dag
from wmoketen.verzoeken.aanvragen import AangevraagdProductInvoer, vraag_toewijzing_aan

INGANG = dag(2026, 3, 2)
EINDE = dag(2027, 3, 1)
BSN_KIND = "999990019"
BSN_VOLWASSENE = "999990032"
VANDAAG = date.today()


def html(antwoord) -> str:
    return antwoord.content.decode()


# The aanbieder's forms ------------------------------------------------------------------------


def productregel(prefix: int, product, **velden) -> dict:
    data = {
        "product": product.pk,
        "ingangsdatum": VANDAAG.isoformat(),
        "einddatum": (VANDAAG + timedelta(days=90)).isoformat(),
        "volume": "4",
        "verwijzer_type": "02",
        "verwijzer_naam": "Dokter Jansen",
    } | velden
    return {f"product-{prefix}-{k}": v for k, v in data.items()}


def nieuw_formulier(gemeente, *, client_pk=None, wet="jeugdwet", regels=(), **kop) -> dict:
    data = {
        "gemeente": gemeente.pk,
        "wet": wet,
        "client": client_pk or "",
        "product-TOTAL_FORMS": str(len(regels)),
        "product-INITIAL_FORMS": "0",
        "product-MIN_NUM_FORMS": "1",
        "product-MAX_NUM_FORMS": "1000",
    } | kop
    for regel in regels:
        data |= regel
    return data


def wijzigingsregel(t, keuze="ongewijzigd", **velden) -> dict:
    data = {
        "keuze": keuze,
        "ingangsdatum": t.ingangsdatum.isoformat(),
        "einddatum": t.einddatum.isoformat() if t.einddatum else "",
        "volume": str(t.volume or ""),
    } | velden
    return {f"t{t.pk}-{k}": v for k, v in data.items()}


# The service ----------------------------------------------------------------------------------


def aangevraagd(product, **kwargs):
    velden = dict(
        product=product,
        ingangsdatum=INGANG,
        einddatum=EINDE,
        volume=4,
        eenheid=product.eenheid,
        frequentie=product.frequentie,
        verwijzer_type="02",
        verwijzer_zorgverlenercode="01234567",
    )
    return AangevraagdProductInvoer(**{**velden, **kwargs})


def jw_315(aanbieder, almere, kind, medewerker, producten, **kwargs):
    return vraag_toewijzing_aan(
        aanbieder=aanbieder,
        gemeente=almere,
        client=kind,
        wet="jeugdwet",
        producten=producten,
        acting_user=medewerker,
        **kwargs,
    )
