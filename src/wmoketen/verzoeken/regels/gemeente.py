"""The rules on a 315/317 the gemeente receives (afzender aanbieder, ontvanger gemeente).

They read the gemeente's own allocations and requests; the table is in ``regels``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from istandaarden.opbouw import budget_in_centen
from wmoketen.toewijzingen import queries as toewijzingen_queries

from ..constants import ONDERHANDEN, Kant, Status
from ..models import Verzoek
from . import lezen

# Omvang/Frequentie (WMO757) 6: "totaal binnen geldigheidsduur toewijzing" (TR373).
FREQUENTIE_TOTAAL = "6"

# TR375/TR412 leave aspecific allocations ending on or before this date alone (transition).
OVERGANG = date(2020, 12, 31)

# iWmo TR361: hulpmiddelen and woningaanpassingen may overlap, also on category level.
OVERLAP_TOEGESTAAN_WMO = frozenset({"11", "12", "13", "14"})


def _toewijzingen(bericht, store) -> dict:
    """The gemeente's allocations to this aanbieder (wet) the 317 names, by ToewijzingNummer."""
    nummers = {
        n
        for e in lezen.ongewijzigd(bericht) + lezen.te_wijzigen(bericht)
        if (n := lezen.nummer(e)) is not None
    }
    return toewijzingen_queries.per_nummer(
        store.ontvanger_id, store.afzender_id, wet=lezen.wet(bericht), nummers=nummers
    )


def _actuele_pks(bericht, toewijzingen) -> set[int]:
    """Which of ``toewijzingen`` are current on the message's dagtekening (one query)."""
    return toewijzingen_queries.actuele_pks([t.pk for t in toewijzingen], bericht.dagtekening)


def _code_in_301(toewijzing) -> str:
    """Product/Code as the 301 carried it: a budget goes with the category alone."""
    if toewijzing.budget is not None:
        return ""
    return toewijzing.product.productcode or ""


def _gemeente_verzoeken(bericht, store):
    return Verzoek.objects.filter(
        kant=Kant.GEMEENTE,
        organisatie_id=store.ontvanger_id,
        aanbieder_id=store.afzender_id,
        wet=lezen.wet(bericht),
    )


def tr347(bericht, store):
    verzoeken = _gemeente_verzoeken(bericht, store)
    for element, referentie in lezen.referenties(bericht):
        if verzoeken.filter(
            Q(referentie_aanbieder=referentie) | Q(producten__referentie_aanbieder=referentie)
        ).exists():
            yield (
                element,
                f"ReferentieAanbieder {referentie} is al gebruikt in een eerder verzoek van deze "
                "aanbieder; een referentie is uniek binnen het wettelijk domein (TR347).",
            )


def tr374(bericht, store):
    lopend = (
        _gemeente_verzoeken(bericht, store)
        .filter(client__bsn=lezen.bsn(bericht))
        .filter(
            # "deels" may still hold undecided products (a 315 is answered per product)
            Q(status__in=ONDERHANDEN) | Q(status=Status.DEELS, producten__status__in=ONDERHANDEN)
        )
        .first()
    )
    if lopend is not None:
        yield (
            lezen.verzoek_element(bericht),
            f"Er is al een verzoek voor deze cliënt onderhanden ({lopend.referentie}, "
            f"{lopend.dagtekening:%d-%m-%Y}); wacht op de toewijzing of afwijzing (TR374).",
        )


def tr304(bericht, store):
    toewijzingen = _toewijzingen(bericht, store)
    bsn = lezen.bsn(bericht)
    for element in lezen.ongewijzigd(bericht) + lezen.te_wijzigen(bericht):
        toewijzing = toewijzingen.get(lezen.nummer(element))
        if toewijzing is not None and toewijzing.client.bsn != bsn:
            yield (
                element,
                f"Toewijzing {toewijzing.toewijzingnummer} hoort niet bij de cliënt met dit "
                "BSN (TR304).",
            )


def tr349(bericht, store):
    genoemd = {lezen.nummer(e) for e in lezen.ongewijzigd(bericht) + lezen.te_wijzigen(bericht)}
    gehouden = toewijzingen_queries.gehouden_nummers(
        store.ontvanger_id,
        store.afzender_id,
        wet=lezen.wet(bericht),
        bsn=lezen.bsn(bericht),
        op=bericht.dagtekening,
    )
    ontbrekend = sorted(gehouden - genoemd)
    if ontbrekend:
        yield (
            lezen.verzoek_element(bericht),
            "Het verzoek om wijziging bevat niet alle actuele toewijzingen van de cliënt; "
            f"ontbrekend: {', '.join(map(str, ontbrekend))} (TR349).",
        )


def _niet_actueel(bericht, store, elementen, code: str, klasse: str):
    toewijzingen = _toewijzingen(bericht, store)
    actueel = _actuele_pks(bericht, toewijzingen.values())
    for element in elementen:
        toewijzing = toewijzingen.get(lezen.nummer(element))
        if toewijzing is None or toewijzing.pk not in actueel:
            yield (
                element,
                f"{klasse} {lezen.tekst(element, 'ToewijzingNummer')} is geen actuele toewijzing "
                f"van deze gemeente aan u ({code}).",
            )


def tr350(bericht, store):
    return _niet_actueel(bericht, store, lezen.ongewijzigd(bericht), "TR350", "OngewijzigdProduct")


def tr351(bericht, store):
    return _niet_actueel(bericht, store, lezen.te_wijzigen(bericht), "TR351", "TeWijzigenProduct")


def _te_wijzigen_met_toewijzing(bericht, store):
    """(element, stored allocation) per TeWijzigenProduct whose allocation is known."""
    toewijzingen = _toewijzingen(bericht, store)
    for element in lezen.te_wijzigen(bericht):
        toewijzing = toewijzingen.get(lezen.nummer(element))
        if toewijzing is not None:  # unknown: TR351
            yield element, toewijzing


def tr357(bericht, store):
    for element, toewijzing in _te_wijzigen_met_toewijzing(bericht, store):
        gewenst = lezen.datum(element, "GewensteIngangsdatum")
        if gewenst and gewenst <= bericht.dagtekening and gewenst != toewijzing.ingangsdatum:
            yield (
                element,
                f"De gewenste ingangsdatum {gewenst:%d-%m-%Y} ligt niet na de dagtekening; een "
                "wijziging die niet in de toekomst ingaat geldt de hele looptijd en begint op de "
                f"ingangsdatum van de toewijzing ({toewijzing.ingangsdatum:%d-%m-%Y}) (TR357).",
            )


def _budget_of_totaal_gewijzigd(element, toewijzing) -> bool:
    budget = lezen.tekst(element, "Budget")
    if budget:
        huidig = budget_in_centen(toewijzing.budget) if toewijzing.budget is not None else None
        if huidig is None or int(budget) != huidig:
            return True
    if element.find("{*}Omvang") is None:
        return False
    omvang = (
        lezen.tekst(element, "Omvang/Volume"),
        lezen.tekst(element, "Omvang/Eenheid"),
        lezen.tekst(element, "Omvang/Frequentie"),
    )
    huidig = (str(toewijzing.volume or ""), toewijzing.eenheid, toewijzing.frequentie)
    totaal = FREQUENTIE_TOTAAL in (omvang[2], toewijzing.frequentie)
    return totaal and omvang != huidig


def tr373(bericht, store):
    for element, toewijzing in _te_wijzigen_met_toewijzing(bericht, store):
        gewenst = lezen.datum(element, "GewensteIngangsdatum")
        if (
            gewenst
            and gewenst != toewijzing.ingangsdatum
            and _budget_of_totaal_gewijzigd(element, toewijzing)
        ):
            yield (
                element,
                "Een gewijzigd budget of totaal over de toewijzingsperiode geldt de hele "
                f"looptijd: de gewenste ingangsdatum is de ingangsdatum van de toewijzing "
                f"({toewijzing.ingangsdatum:%d-%m-%Y}) (TR373).",
            )


def _aspecifiek_na_overgang(toewijzing) -> bool:
    return toewijzing.einddatum is None or toewijzing.einddatum > OVERGANG


def tr375(bericht, store):
    for element, toewijzing in _te_wijzigen_met_toewijzing(bericht, store):
        if (
            not toewijzing.product.productcategorie
            and _aspecifiek_na_overgang(toewijzing)
            and element.find("{*}Omvang") is not None
        ):
            yield (
                element,
                f"Toewijzing {toewijzing.toewijzingnummer} heeft geen product; laat de omvang "
                "leeg (TR375).",
            )


def tr411(bericht, store):
    for element, toewijzing in _te_wijzigen_met_toewijzing(bericht, store):
        if _code_in_301(toewijzing) and element.find("{*}Omvang") is None:
            yield (
                element,
                f"Toewijzing {toewijzing.toewijzingnummer} heeft productcode "
                f"{_code_in_301(toewijzing)}; vul de omvang (TR411).",
            )


def tr412(bericht, store):
    for element, toewijzing in _te_wijzigen_met_toewijzing(bericht, store):
        if (
            not _code_in_301(toewijzing)
            and _aspecifiek_na_overgang(toewijzing)
            and element.find("{*}Omvang") is not None
        ):
            yield (
                element,
                f"Toewijzing {toewijzing.toewijzingnummer} heeft geen productcode; laat de "
                "omvang leeg (TR412).",
            )


@dataclass(frozen=True)
class _Periode:
    """One product of a 317 with the period it is asked for (TR361)."""

    element: object
    gestuurd: bool  # OngewijzigdProduct/TeWijzigenProduct: named by ToewijzingNummer
    categorie: str
    code: str
    begin: date
    einde: date | None

    def overlapt(self, ander: _Periode) -> bool:
        return (ander.einde is None or self.begin <= ander.einde) and (
            self.einde is None or ander.begin <= self.einde
        )


def _perioden(bericht, store) -> list[_Periode]:
    toewijzingen = _toewijzingen(bericht, store)
    uit = []
    for element in bericht.root.iter(
        "{*}OngewijzigdProduct", "{*}TeWijzigenProduct", "{*}NieuwProduct"
    ):
        naam = element.tag.rpartition("}")[2]
        if naam == "NieuwProduct":
            begin = lezen.datum(element, "GewensteIngangsdatum")
            if begin:
                uit.append(
                    _Periode(
                        element,
                        False,
                        lezen.tekst(element, "Product/Categorie"),
                        lezen.tekst(element, "Product/Code"),
                        begin,
                        lezen.datum(element, "Einddatum"),
                    )
                )
            continue
        toewijzing = toewijzingen.get(lezen.nummer(element))
        if toewijzing is None:  # TR350/TR351
            continue
        begin, einde = toewijzing.ingangsdatum, toewijzing.einddatum
        if naam == "TeWijzigenProduct":
            begin = lezen.datum(element, "GewensteIngangsdatum") or begin
            einde = lezen.datum(element, "Einddatum") or einde
        uit.append(
            _Periode(
                element,
                True,
                toewijzing.product.productcategorie,
                _code_in_301(toewijzing),
                begin,
                einde,
            )
        )
    return uit


def _zelfde_product(a: _Periode, b: _Periode, standaard: str) -> bool:
    """TR361's notion of "the same product": by code, else category; an empty category
    collides with every product (iWmo: except the categories that may overlap)."""
    vrij = OVERLAP_TOEGESTAAN_WMO if standaard == "iwmo" else frozenset()
    if not a.categorie or not b.categorie:
        return (a.categorie or b.categorie) not in vrij
    if a.categorie != b.categorie or a.categorie in vrij:
        return False
    return not (a.code and b.code) or a.code == b.code


def tr361(bericht, store):
    perioden = _perioden(bericht, store)
    for i, periode in enumerate(perioden):
        for eerder in perioden[:i]:
            if not (periode.gestuurd or eerder.gestuurd):
                continue  # two NieuwProducten: TR410 within the message
            if _zelfde_product(periode, eerder, bericht.standaard) and periode.overlapt(eerder):
                yield (
                    periode.element,
                    f"Dit product komt al eerder in het verzoek voor met een overlappende "
                    f"periode (vanaf {eerder.begin:%d-%m-%Y}) (TR361).",
                )
                break
