"""Cross-message rules on the requests: 315/317 at the gemeente, 319 and 301 at the aanbieder.

Each rule is the standard's own (regels/technische-regels/berichtoverstijgend/) with its own
retourcode (WJ001); niveau CLIENT: the retour copies the message classes with the code on the
class concerned. ``store`` is the stored Bericht row: the rules read only the RECEIVER's own
records (``store.ontvanger``), never another organisation's.

| received by | message | rule | retourcode | what |
|---|---|---|---|---|
| gemeente | 315, 317 | TR347 | 9347 | ReferentieAanbieder used before by this aanbieder |
| gemeente | 315, 317 | TR374 | 9374 | an earlier request for this client is still onderhanden |
| gemeente | 317 | TR304 | 8187 | the ToewijzingNummer belongs to another client |
| gemeente | 317 | TR349 | 9349 | a current allocation of the client is missing |
| gemeente | 317 | TR350 | 9350 | OngewijzigdProduct without a current allocation |
| gemeente | 317 | TR351 | 9351 | TeWijzigenProduct without a current allocation |
| gemeente | 317 | TR357 | 9357 | change not in the future, not from the allocation's ingangsdatum |
| gemeente | 317 | TR361 | 9361 | the same product twice with overlapping periods |
| gemeente | 317 | TR373 | 9373 | budget/total changed, not from the allocation's ingangsdatum |
| gemeente | 317 | TR375 | 9375 | Omvang while the allocation has no Product (ending after 2020) |
| gemeente | 317 | TR411 | 9411 | no Omvang while the allocation has a product Code |
| gemeente | 317 | TR412 | 9412 | Omvang while the allocation has no Code (ending after 2020) |
| aanbieder | 319 | TR355 | 9355 | ReferentieAanbieder of no request of this aanbieder |
| aanbieder | 319 | TR359 | 9359 | a 301 with this ReferentieAanbieder was received already |
| aanbieder | 319 | TR360 | 9360 | "in onderzoek" while an answer was received already |
| aanbieder | 319 | TR365 | 9365 | an earlier answer was not "in onderzoek" (so it was final) |
| aanbieder | 301 | TR379 | 9379 | ReferentieAanbieder of no request of this aanbieder |

TR355 and TR379 need the aanbieder's own requests: an aanbieder that never sent a request to
this gemeente in this wet through this installation has no such records (it may use other
software for requests), so they do not reject then. TR359, TR360 and TR365 only reject on a
record found. The gemeente's allocations are always its own, so its rules always apply.

"Actueel" (TR349–TR351) is judged on the message's dagtekening: an allocation not ended before
it and not removed (einddatum = ingangsdatum with RedenWijziging 01/13).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from istandaarden.regels.crossmessage import Niveau, Overtreding, registreer
from istandaarden.regels.registry import datum_van

from .constants import ANTWOORD_IN_ONDERZOEK, ONDERHANDEN, WET, Kant, Status

# Omvang/Frequentie (WMO757) 6: "totaal binnen geldigheidsduur toewijzing" (TR373).
FREQUENTIE_TOTAAL = "6"

# TR375/TR412 leave aspecific allocations ending on or before this date alone (transition).
OVERGANG = date(2020, 12, 31)

# iWmo TR361: hulpmiddelen and woningaanpassingen may overlap, also on category level.
OVERLAP_TOEGESTAAN_WMO = frozenset({"11", "12", "13", "14"})

Melding = tuple[object, str]  # (element, Dutch message)


@dataclass(frozen=True)
class Regel:
    code: str
    retourcode: str
    berichten: frozenset[str]
    controle: Callable[..., Iterator[Melding]]
    niveau: Niveau = Niveau.CLIENT

    def check(self, bericht, store):
        for element, melding in self.controle(bericht, store):
            yield Overtreding(self.code, self.retourcode, element, melding)


# -- reading the message ---------------------------------------------------------------------


def _tekst(element, pad: str) -> str:
    """The stripped text at ``pad`` (local names separated by '/'), "" when absent."""
    gevonden = element.find("/".join(f"{{*}}{naam}" for naam in pad.split("/")))
    return (gevonden.text or "").strip() if gevonden is not None else ""


def _datum(element, pad: str) -> date | None:
    gevonden = element.find("/".join(f"{{*}}{naam}" for naam in pad.split("/")))
    return datum_van(gevonden) if gevonden is not None else None


def _nummer(element) -> int | None:
    tekst = _tekst(element, "ToewijzingNummer")
    return int(tekst) if tekst.isdigit() else None


def _bsn(bericht) -> str:
    return _tekst(bericht.root, "Client/Bsn")


def _wet(bericht) -> str:
    return WET[bericht.standaard]


def _ongewijzigd(bericht) -> list:
    return bericht.root.findall(".//{*}OngewijzigdProduct")


def _te_wijzigen(bericht) -> list:
    return bericht.root.findall(".//{*}TeWijzigenProduct")


def _nieuw(bericht) -> list:
    return bericht.root.findall(".//{*}NieuwProduct")


def _verzoek_element(bericht):
    """The 317's Verzoek class, or the 315's Client (the classes holding the request)."""
    verzoek = bericht.root.find("{*}Client/{*}Verzoek")
    return verzoek if verzoek is not None else bericht.root.find("{*}Client")


def _referenties(bericht) -> list[tuple[object, str]]:
    """(class element, ReferentieAanbieder): per AangevraagdProduct (315), the Verzoek (317)."""
    uit = []
    for element in bericht.root.iter("{*}ReferentieAanbieder"):
        if element.text and element.text.strip():
            uit.append((element.getparent(), element.text.strip()))
    return uit


# -- the gemeente's records (315/317 received: afzender aanbieder, ontvanger gemeente) --------


def _toewijzingen(bericht, store) -> dict:
    """The gemeente's allocations to this aanbieder (wet) the 317 names, by ToewijzingNummer."""
    from wmoketen.toewijzingen.models import Toewijzing

    nummers = {
        n for e in _ongewijzigd(bericht) + _te_wijzigen(bericht) if (n := _nummer(e)) is not None
    }
    return {
        t.toewijzingnummer: t
        for t in Toewijzing.objects.filter(
            gemeente_id=store.ontvanger_id,
            aanbieder_id=store.afzender_id,
            wet=_wet(bericht),
            toewijzingnummer__in=nummers,
        ).select_related("client", "product")
    }


def _actuele_pks(bericht, toewijzingen) -> set[int]:
    """Which of ``toewijzingen`` are current on the message's dagtekening (one query)."""
    from wmoketen.toewijzingen.models import Toewijzing

    return set(
        Toewijzing.objects.filter(pk__in=[t.pk for t in toewijzingen])
        .actueel(bericht.dagtekening)
        .values_list("pk", flat=True)
    )


def _code_in_301(toewijzing) -> str:
    """Product/Code as the 301 carried it: a budget goes with the category alone."""
    if toewijzing.budget is not None:
        return ""
    return toewijzing.product.productcode or ""


def _gemeente_verzoeken(bericht, store):
    from .models import Verzoek

    return Verzoek.objects.filter(
        kant=Kant.GEMEENTE,
        organisatie_id=store.ontvanger_id,
        aanbieder_id=store.afzender_id,
        wet=_wet(bericht),
    )


def _tr347(bericht, store):
    verzoeken = _gemeente_verzoeken(bericht, store)
    for element, referentie in _referenties(bericht):
        if verzoeken.filter(
            Q(referentie_aanbieder=referentie) | Q(producten__referentie_aanbieder=referentie)
        ).exists():
            yield (
                element,
                f"ReferentieAanbieder {referentie} is al gebruikt in een eerder verzoek van deze "
                "aanbieder; een referentie is uniek binnen het wettelijk domein (TR347).",
            )


def _tr374(bericht, store):
    lopend = (
        _gemeente_verzoeken(bericht, store)
        .filter(client__bsn=_bsn(bericht))
        .filter(
            # "deels" may still hold undecided products (a 315 is answered per product)
            Q(status__in=ONDERHANDEN) | Q(status=Status.DEELS, producten__status__in=ONDERHANDEN)
        )
        .first()
    )
    if lopend is not None:
        yield (
            _verzoek_element(bericht),
            f"Er is al een verzoek voor deze cliënt onderhanden ({lopend.referentie}, "
            f"{lopend.dagtekening:%d-%m-%Y}); wacht op de toewijzing of afwijzing (TR374).",
        )


def _tr304(bericht, store):
    toewijzingen = _toewijzingen(bericht, store)
    bsn = _bsn(bericht)
    for element in _ongewijzigd(bericht) + _te_wijzigen(bericht):
        toewijzing = toewijzingen.get(_nummer(element))
        if toewijzing is not None and toewijzing.client.bsn != bsn:
            yield (
                element,
                f"Toewijzing {toewijzing.toewijzingnummer} hoort niet bij de cliënt met dit "
                "BSN (TR304).",
            )


def _tr349(bericht, store):
    from wmoketen.toewijzingen.constants import Status as ToewijzingStatus
    from wmoketen.toewijzingen.models import Toewijzing

    genoemd = {_nummer(e) for e in _ongewijzigd(bericht) + _te_wijzigen(bericht)}
    ontbrekend = sorted(
        Toewijzing.objects.filter(
            gemeente_id=store.ontvanger_id,
            aanbieder_id=store.afzender_id,
            wet=_wet(bericht),
            client__bsn=_bsn(bericht),
        )
        .actueel(bericht.dagtekening)
        .exclude(status=ToewijzingStatus.AFGEKEURD)  # refused in the 302: never held (OP286)
        .exclude(toewijzingnummer__in=[n for n in genoemd if n is not None])
        .values_list("toewijzingnummer", flat=True)
    )
    if ontbrekend:
        yield (
            _verzoek_element(bericht),
            "Het verzoek om wijziging bevat niet alle actuele toewijzingen van de cliënt; "
            f"ontbrekend: {', '.join(map(str, ontbrekend))} (TR349).",
        )


def _niet_actueel(bericht, store, elementen, code: str, klasse: str):
    toewijzingen = _toewijzingen(bericht, store)
    actueel = _actuele_pks(bericht, toewijzingen.values())
    for element in elementen:
        toewijzing = toewijzingen.get(_nummer(element))
        if toewijzing is None or toewijzing.pk not in actueel:
            yield (
                element,
                f"{klasse} {_tekst(element, 'ToewijzingNummer')} is geen actuele toewijzing "
                f"van deze gemeente aan u ({code}).",
            )


def _tr350(bericht, store):
    return _niet_actueel(bericht, store, _ongewijzigd(bericht), "TR350", "OngewijzigdProduct")


def _tr351(bericht, store):
    return _niet_actueel(bericht, store, _te_wijzigen(bericht), "TR351", "TeWijzigenProduct")


def _te_wijzigen_met_toewijzing(bericht, store):
    """(element, stored allocation) per TeWijzigenProduct whose allocation is known."""
    toewijzingen = _toewijzingen(bericht, store)
    for element in _te_wijzigen(bericht):
        toewijzing = toewijzingen.get(_nummer(element))
        if toewijzing is not None:  # unknown: TR351
            yield element, toewijzing


def _tr357(bericht, store):
    for element, toewijzing in _te_wijzigen_met_toewijzing(bericht, store):
        gewenst = _datum(element, "GewensteIngangsdatum")
        if gewenst and gewenst <= bericht.dagtekening and gewenst != toewijzing.ingangsdatum:
            yield (
                element,
                f"De gewenste ingangsdatum {gewenst:%d-%m-%Y} ligt niet na de dagtekening; een "
                "wijziging die niet in de toekomst ingaat geldt de hele looptijd en begint op de "
                f"ingangsdatum van de toewijzing ({toewijzing.ingangsdatum:%d-%m-%Y}) (TR357).",
            )


def _budget_of_totaal_gewijzigd(element, toewijzing) -> bool:
    from wmoketen.toewijzingen.bericht301 import budget_in_centen

    budget = _tekst(element, "Budget")
    if budget:
        huidig = budget_in_centen(toewijzing.budget) if toewijzing.budget is not None else None
        if huidig is None or int(budget) != huidig:
            return True
    if element.find("{*}Omvang") is None:
        return False
    omvang = (
        _tekst(element, "Omvang/Volume"),
        _tekst(element, "Omvang/Eenheid"),
        _tekst(element, "Omvang/Frequentie"),
    )
    huidig = (str(toewijzing.volume or ""), toewijzing.eenheid, toewijzing.frequentie)
    totaal = FREQUENTIE_TOTAAL in (omvang[2], toewijzing.frequentie)
    return totaal and omvang != huidig


def _tr373(bericht, store):
    for element, toewijzing in _te_wijzigen_met_toewijzing(bericht, store):
        gewenst = _datum(element, "GewensteIngangsdatum")
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


def _tr375(bericht, store):
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


def _tr411(bericht, store):
    for element, toewijzing in _te_wijzigen_met_toewijzing(bericht, store):
        if _code_in_301(toewijzing) and element.find("{*}Omvang") is None:
            yield (
                element,
                f"Toewijzing {toewijzing.toewijzingnummer} heeft productcode "
                f"{_code_in_301(toewijzing)}; vul de omvang (TR411).",
            )


def _tr412(bericht, store):
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
            begin = _datum(element, "GewensteIngangsdatum")
            if begin:
                uit.append(
                    _Periode(
                        element,
                        False,
                        _tekst(element, "Product/Categorie"),
                        _tekst(element, "Product/Code"),
                        begin,
                        _datum(element, "Einddatum"),
                    )
                )
            continue
        toewijzing = toewijzingen.get(_nummer(element))
        if toewijzing is None:  # TR350/TR351
            continue
        begin, einde = toewijzing.ingangsdatum, toewijzing.einddatum
        if naam == "TeWijzigenProduct":
            begin = _datum(element, "GewensteIngangsdatum") or begin
            einde = _datum(element, "Einddatum") or einde
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


def _tr361(bericht, store):
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


# -- the aanbieder's records (319/301 received: afzender gemeente, ontvanger aanbieder) -------


def _eigen_verzoeken(bericht, store):
    """The requests this aanbieder sent to this gemeente in this wet (not refused by retour)."""
    from .models import Verzoek

    return Verzoek.objects.filter(
        kant=Kant.AANBIEDER,
        organisatie_id=store.ontvanger_id,
        gemeente_id=store.afzender_id,
        wet=_wet(bericht),
    ).exclude(status=Status.AFGEKEURD)


def _met_referentie(verzoeken, referentie: str):
    return verzoeken.filter(
        Q(referentie_aanbieder=referentie) | Q(producten__referentie_aanbieder=referentie)
    )


def _antwoord(bericht) -> tuple[object, str, str]:
    element = bericht.root.find("{*}Antwoord")
    return (
        element,
        _tekst(element, "ReferentieAanbieder"),
        _tekst(element, "VerzoekAntwoord"),
    )


def _eerdere_antwoorden(bericht, store, referentie: str):
    from .models import Antwoord

    return Antwoord.objects.filter(
        organisatie_id=store.ontvanger_id, referentie_aanbieder=referentie
    ).filter(
        Q(bericht__afzender_id=store.afzender_id, bericht__standaard=bericht.standaard)
        | Q(verzoek__gemeente_id=store.afzender_id, verzoek__wet=_wet(bericht))
    )


def _tr355(bericht, store):
    element, referentie, _ = _antwoord(bericht)
    verzoeken = _eigen_verzoeken(bericht, store)
    if verzoeken.exists() and not _met_referentie(verzoeken, referentie).exists():
        yield (
            element,
            f"ReferentieAanbieder {referentie} komt in geen eerder verzoek om toewijzing of "
            "wijziging aan deze gemeente voor (TR355).",
        )


def _tr359(bericht, store):
    from wmoketen.toewijzingen.models import AanbiederToewijzing

    from .models import VerzoekProduct

    element, referentie, _ = _antwoord(bericht)
    toegewezen = (
        AanbiederToewijzing.objects.filter(
            aanbieder_id=store.ontvanger_id,
            gemeente_id=store.afzender_id,
            wet=_wet(bericht),
            referentie_aanbieder=referentie,
        ).exists()
        or VerzoekProduct.objects.filter(
            Q(referentie_aanbieder=referentie) | Q(verzoek__referentie_aanbieder=referentie),
            verzoek__in=_eigen_verzoeken(bericht, store),
            status=Status.TOEGEWEZEN,  # a 317's products link their allocation from the start
        ).exists()
    )
    if toegewezen:
        yield (
            element,
            f"Op ReferentieAanbieder {referentie} is al een toewijzing (301) ontvangen; een "
            "antwoordbericht kan dan niet meer (TR359).",
        )


def _tr360(bericht, store):
    element, referentie, antwoord = _antwoord(bericht)
    if (
        antwoord == ANTWOORD_IN_ONDERZOEK
        and _eerdere_antwoorden(bericht, store, referentie).exists()
    ):
        yield (
            element,
            f"Op ReferentieAanbieder {referentie} is al een antwoordbericht ontvangen; "
            "'in onderzoek' kan maar één keer (TR360).",
        )


def _tr365(bericht, store):
    element, referentie, _ = _antwoord(bericht)
    definitief = (
        _eerdere_antwoorden(bericht, store, referentie)
        .exclude(verzoek_antwoord=ANTWOORD_IN_ONDERZOEK)
        .exists()
    )
    if definitief:
        yield (
            element,
            f"Op ReferentieAanbieder {referentie} is het verzoek al afgewezen; een volgend "
            "antwoordbericht kan alleen na 'in onderzoek' (TR365).",
        )


def _tr379(bericht, store):
    from wmoketen.toewijzingen.models import AanbiederToewijzing

    verzoeken = _eigen_verzoeken(bericht, store)
    if not verzoeken.exists():
        return  # no request records of this aanbieder here: nothing to hold it against
    van_client = verzoeken.filter(client__bsn=_bsn(bericht))
    for element in bericht.root.iter("{*}ToegewezenProduct"):
        referentie = _tekst(element, "ReferentieAanbieder")
        if not referentie or _met_referentie(van_client, referentie).exists():
            continue
        al_ontvangen = AanbiederToewijzing.objects.filter(
            aanbieder_id=store.ontvanger_id,
            gemeente_id=store.afzender_id,
            toewijzingnummer=_nummer(element),
            referentie_aanbieder=referentie,
        ).exists()
        if not al_ontvangen:  # a resend of an earlier honoured product is fine
            yield (
                element,
                f"ReferentieAanbieder {referentie} hoort bij geen verzoek om toewijzing of "
                "wijziging van u voor deze cliënt; laat hem leeg als de toewijzing geen "
                "verzoek honoreert (TR379).",
            )


REGELS = (
    Regel("TR304", "8187", frozenset({"317"}), _tr304),
    Regel("TR347", "9347", frozenset({"315", "317"}), _tr347),
    Regel("TR349", "9349", frozenset({"317"}), _tr349),
    Regel("TR350", "9350", frozenset({"317"}), _tr350),
    Regel("TR351", "9351", frozenset({"317"}), _tr351),
    Regel("TR355", "9355", frozenset({"319"}), _tr355),
    Regel("TR357", "9357", frozenset({"317"}), _tr357),
    Regel("TR359", "9359", frozenset({"319"}), _tr359),
    Regel("TR360", "9360", frozenset({"319"}), _tr360),
    Regel("TR361", "9361", frozenset({"317"}), _tr361),
    Regel("TR365", "9365", frozenset({"319"}), _tr365),
    Regel("TR373", "9373", frozenset({"317"}), _tr373),
    Regel("TR374", "9374", frozenset({"315", "317"}), _tr374),
    Regel("TR375", "9375", frozenset({"317"}), _tr375),
    Regel("TR379", "9379", frozenset({"301"}), _tr379),
    Regel("TR411", "9411", frozenset({"317"}), _tr411),
    Regel("TR412", "9412", frozenset({"317"}), _tr412),
)


def registreer_regels() -> None:
    for regel in REGELS:
        registreer(regel)
