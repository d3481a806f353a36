"""The request messages of the rule tests (``test_regels``, ``gelijktijdig``), built from the
bindings: the official example as a start, then the fields the rules read. Each passes the
XSD and the message's own rules; only the cross-message rules are left to refuse it.

* ``bericht_315``/``bericht_317``: the aanbieder's requests; ``bericht_319``: the gemeente's
  answer; ``bericht_301``: the allocation of a stored ``Toewijzing``.
* ``DAGTEKENING``: every message's date; ``EINDE``: a changed allocation's default einddatum.
"""

import importlib
import itertools
from dataclasses import replace
from datetime import date

from istandaarden.codec import parse, serialize
from istandaarden.samples import lees
from istandaarden.validation import validate
from wmoketen.producten.constants import Wet
from wmoketen.toewijzingen.bericht301 import bouw_301

EINDE = date(2027, 3, 1)
DAGTEKENING = date(2026, 5, 4)

_identificaties = itertools.count(1)


def _modules(standaard: str, nummer: int):
    prefix = "wmo" if standaard == "iwmo" else "jw"
    basis = importlib.import_module(f"istandaarden.bindings.v3_2.{standaard}.basisschema")
    bericht = importlib.import_module(f"istandaarden.bindings.v3_2.{standaard}.{prefix}{nummer}")
    return basis, bericht


def _kop(msg, afzender: str, ontvanger: str, dagtekening: date) -> None:
    msg.header.afzender = afzender
    msg.header.ontvanger = ontvanger
    msg.header.bericht_identificatie.identificatie = f"T{next(_identificaties)}"
    msg.header.bericht_identificatie.dagtekening = dagtekening.isoformat()


def _geldig(msg) -> bytes:
    data = serialize(msg)
    assert validate(data) == []  # only the cross-message rules are under test
    return data


def bericht_315(gemeente, aanbieder, bsn: str, referenties: list[str], product) -> bytes:
    msg = parse(lees("WMO315"))
    b, _ = _modules("iwmo", 315)
    _kop(msg, aanbieder.agb_code, gemeente.gemeentecode, DAGTEKENING)
    msg.client.bsn = bsn
    voorbeeld = msg.client.aangevraagde_producten.aangevraagd_product[0]
    producten = []
    for i, referentie in enumerate(referenties):
        p = replace(voorbeeld, referentie_aanbieder=referentie)
        p.product = b.CdtProduct(
            categorie=b.LdtProductCategorie(product.productcategorie), code=product.productcode
        )
        p.omvang = b.CdtOmvang(
            volume=4, eenheid=b.LdtEenheid(product.eenheid), frequentie=b.LdtFrequentie("2")
        )
        p.toewijzing_ingangsdatum = date(2026, 6 + i, 1).isoformat()
        p.toewijzing_einddatum = date(2026, 6 + i, 28).isoformat()
        producten.append(p)
    msg.client.aangevraagde_producten.aangevraagd_product = producten
    return _geldig(msg)


def bericht_317(
    gemeente,
    aanbieder,
    bsn: str,
    *,
    wet: str = Wet.WMO,
    referentie: str = "",
    ongewijzigd=(),
    te_wijzigen=(),
    nieuw=(),
) -> bytes:
    """``te_wijzigen``: dicts (nummer, ingang, einde, omvang=(volume, eenheid, frequentie) or
    None, budget=cents or None); ``nieuw``: (product, ingang, einde)."""
    standaard = "iwmo" if wet == Wet.WMO else "ijw"
    b, m = _modules(standaard, 317)
    afzender = aanbieder.agb_code
    msg = m.Bericht(
        header=parse(lees("WMO317" if wet == Wet.WMO else "JW317")).header,
        client=m.Client(
            bsn=bsn,
            verzoek=m.Verzoek(
                referentie_aanbieder=referentie or f"R{next(_identificaties):010d}",
                reden_verzoek=b.LdtRedenVerzoek("1"),
                ongewijzigde_producten=m.OngewijzigdeProducten(
                    ongewijzigd_product=[
                        m.OngewijzigdProduct(toewijzing_nummer=n) for n in ongewijzigd
                    ]
                )
                if ongewijzigd
                else None,
                te_wijzigen_producten=m.TeWijzigenProducten(
                    te_wijzigen_product=[_te_wijzigen(b, m, **w) for w in te_wijzigen]
                )
                if te_wijzigen
                else None,
                nieuwe_producten=m.NieuweProducten(
                    nieuw_product=[_nieuw_product(b, m, *n) for n in nieuw]
                )
                if nieuw
                else None,
            ),
        ),
    )
    _kop(msg, afzender, gemeente.gemeentecode, DAGTEKENING)
    return _geldig(msg)


def _omvang(b, volume, eenheid, frequentie):
    return b.CdtOmvang(
        volume=volume, eenheid=b.LdtEenheid(eenheid), frequentie=b.LdtFrequentie(frequentie)
    )


def _te_wijzigen(b, m, nummer, ingang, einde=EINDE, omvang=(5, "04", "2"), budget=None):
    return m.TeWijzigenProduct(
        toewijzing_nummer=nummer,
        gewenste_ingangsdatum=ingang.isoformat(),
        einddatum=einde.isoformat() if einde else None,
        omvang=_omvang(b, *omvang) if omvang else None,
        budget=budget,
    )


def _nieuw_product(b, m, product, ingang, einde):
    return m.NieuwProduct(
        product=b.CdtProduct(
            categorie=b.LdtProductCategorie(product.productcategorie), code=product.productcode
        ),
        gewenste_ingangsdatum=ingang.isoformat(),
        einddatum=einde.isoformat(),
        omvang=_omvang(b, 2, product.eenheid, "2"),
    )


def bericht_319(gemeente, aanbieder, referentie: str, antwoord: str) -> bytes:
    b, _ = _modules("iwmo", 319)
    msg = parse(lees("WMO319"))
    _kop(msg, gemeente.gemeentecode, aanbieder.agb_code, DAGTEKENING)
    msg.antwoord.referentie_aanbieder = referentie
    msg.antwoord.verzoek_antwoord = b.LdtVerzoekAntwoord(antwoord)
    msg.antwoord.reden_afwijzing_verzoek = (
        b.LdtRedenAfwijzingVerzoek("4") if antwoord == "1" else None
    )
    return _geldig(msg)


def bericht_301(gemeente, aanbieder, client, toewijzing, referentie: str) -> bytes:
    msg = bouw_301(
        gemeente=gemeente,
        aanbieder=aanbieder,
        client=client,
        wet=toewijzing.wet,
        toewijzingen=[toewijzing],
        identificatie=f"T{next(_identificaties)}",
        dagtekening=DAGTEKENING,
    )
    msg.client.toegewezen_producten.toegewezen_product[0].referentie_aanbieder = referentie or None
    return _geldig(msg)
