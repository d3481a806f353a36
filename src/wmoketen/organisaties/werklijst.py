"""Worklist source of the contract manager (see ``gedeeld.werklijst``).

* "Onderaannemingen te beoordelen": requests of hoofdaannemers for an onderaannemer under a
  contract of the manager's gemeente (or of one of its regio's), oldest first.
"""

from django.urls import reverse

from wmoketen.accounts.constants import Rol
from wmoketen.gedeeld.werklijst import Werkitem, bron

from .queries import onderaannemingen_te_beoordelen

SOORT = "Onderaannemingen te beoordelen"


@bron(SOORT, Rol.CONTRACTMANAGER)
def te_beoordelen(gebruiker):
    if not gebruiker.organisatie or not gebruiker.organisatie.is_gemeente:
        return
    for o in onderaannemingen_te_beoordelen(gebruiker.organisatie):
        aangevraagd = f"aangevraagd {o.aangevraagd_op:%d-%m-%Y}" if o.aangevraagd_op else ""
        yield Werkitem(
            soort=SOORT,
            titel=f"{o.onderaannemer} onder {o.contract.aanbieder}",
            url=reverse("organisaties:contract", args=[o.contract_id]) + "#onderaannemers",
            toelichting=f"Contract {o.contract.kenmerk} · vanaf {o.begindatum:%d-%m-%Y}"
            + (f" · {aangevraagd}" if aangevraagd else ""),
            geen_client="Contractzaak, geen cliënt",
        )
