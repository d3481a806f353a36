"""The toegang route as actions (DOMAIN.md "Main route"), one module per step, numbered as
the case page shows them (docs/toegang.md): ``melding`` (1), ``onderzoek`` (2–3: huisbezoek,
onderzoek), ``plan`` (4–5: deel 1, profile, consent, the order for deel 2), ``deel_2`` (6: the
aanbieder), ``akkoord`` (7–8: akkoord = aanvraag, or back), ``beschikking`` (9, with ``brief``:
the PDF letter, and ``vervolg``: a follow-up's ingangsdatum and 301) and ``toewijzing`` (10:
the 301).

Every function is one domain step: one transaction, ``acting_user`` keyword-only, checked
(a Dutch ``ValidationError`` or ``PermissionDenied``, nothing changed), written to the audit
trail, deadlines opened and closed through the engine. Steps that happened on a known day take
that day (``op``, default today), so a case can be entered afterwards and a scenario runs on
fixed dates. Callers use the package (``services.keur_goed``); the names are below. A
beschikking is taken through ``stromen.beschikking.neem_beschikking`` (what the views and the
demo call), which also runs what follows it (the profile mutation, the evaluations);
``neem_beschikking`` here is its first step.

Walking one client (e.g. for the demo)::

    melding = registreer_melding(client=c, wet="wmo", ontvangen_op=d, kanaal="telefonisch",
                                 acting_user=consulent)
    plan_huisbezoek(melding, datum=d2, acting_user=consulent)
    leg_onderzoek_vast(melding, domeinen=[DomeinInvoer(domein, 3), ...], acting_user=consulent)
    onderzoek_afronden(melding, verslag="...", ondertekend_door_client_op=d3, acting_user=...)
    plan = stel_plan_deel_1_op(melding, resultaatgebieden=[ResultaatgebiedInvoer(...)], ...)
    beoordeel_profiel(plan, scores={"veiligheid": "B", ...}, acting_user=consulent)
    leg_toestemming_vast(plan, toestemming=True, ondertekend_op=d3, acting_user=consulent)
    geef_opdracht_deel_2(plan, aanbieder=a, producten=[p], acting_user=consulent)
    vul_deel_2_in(plan, resultaatgebieden=[Deel2Invoer(...)], acting_user=medewerker)
    deel_2_gereed(plan, client_ondertekend_op=d4, aanbieder_ondertekend_op=d4, acting_user=...)
    keur_goed(plan, acting_user=consulent)                      # akkoord = aanvraag
    stromen.beschikking.neem_beschikking(plan, producten=[BeschiktProductInvoer(p, 3)],
        ingangsdatum=d5, duur="1j", motivering="...", acting_user=backoffice)  # + PDF + 301
    # or, Wmo only, for a gemeente with open beschikkingen: no 301, the aanbieder sends a 315
    stromen.beschikking.neem_beschikking(..., open_beschikking=True)
"""

from .akkoord import keur_goed, stuur_terug
from .beschikking import (
    MAXIMAAL_BESCHIKKINGNUMMER,
    BeschiktProductInvoer,
    bereken_einddatum,
    beschikkingnummer,
    maak_beschikking,
    neem_beschikking,
)
from .brief import bewaar_brief, brief_voor
from .deel_2 import Deel2Invoer, deel_2_gereed, vul_deel_2_in
from .melding import OpenMeldingBestaat, open_melding, open_meldingstermijnen, registreer_melding
from .onderzoek import DomeinInvoer, leg_onderzoek_vast, onderzoek_afronden, plan_huisbezoek
from .plan import (
    GEEN_TOESTEMMING,
    ResultaatgebiedInvoer,
    beoordeel_profiel,
    geef_opdracht_deel_2,
    leg_toestemming_vast,
    stel_plan_deel_1_op,
)

__all__ = [
    "GEEN_TOESTEMMING",
    "MAXIMAAL_BESCHIKKINGNUMMER",
    "BeschiktProductInvoer",
    "Deel2Invoer",
    "DomeinInvoer",
    "OpenMeldingBestaat",
    "ResultaatgebiedInvoer",
    "beoordeel_profiel",
    "bereken_einddatum",
    "beschikkingnummer",
    "bewaar_brief",
    "brief_voor",
    "deel_2_gereed",
    "geef_opdracht_deel_2",
    "keur_goed",
    "leg_onderzoek_vast",
    "leg_toestemming_vast",
    "maak_beschikking",
    "neem_beschikking",
    "onderzoek_afronden",
    "open_melding",
    "open_meldingstermijnen",
    "plan_huisbezoek",
    "registreer_melding",
    "stel_plan_deel_1_op",
    "stuur_terug",
    "vul_deel_2_in",
]
