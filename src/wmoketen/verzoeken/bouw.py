"""Building the verzoekberichten (WMO315/JW315, WMO317/JW317) from the bindings.

Like the 301 (``toewijzingen.bericht301``): a tree of the generated xsdata dataclasses of the
standard the wet asks for, serialised by ``istandaarden.codec``. The message layer
(``berichten.services.verstuur``) validates it against the XSD and the single-message rules
before anything is stored.
"""

from __future__ import annotations

from types import ModuleType

from istandaarden.codec import serialize
from istandaarden.opbouw import budget_in_centen, geboortedatum, header
from istandaarden.waarden import iso
from wmoketen.berichten.nummering import nieuwe_identificatie
from wmoketen.berichten.standaarden import modules
from wmoketen.toewijzingen.nummering import volgend_nummer

from .constants import ProductSoort

__all__ = ["bouw_315", "bouw_317", "identificatie", "nieuwe_referentie"]


def identificatie(organisatie, standaard: str, nummer: int) -> str:
    """A new Identificatie for a request or its answer (315, 317, 319): ``V`` + 11 digits."""
    return nieuwe_identificatie(
        organisatie, standaard, nummer, voorvoegsel="V", teller=volgend_nummer
    )


def nieuwe_referentie(aanbieder) -> str:
    """A ReferentieAanbieder of our own: ``R`` + 10 digits from the aanbieder's counter."""
    return f"R{volgend_nummer(aanbieder, 'referentie_aanbieder'):010d}"


def _header(verzoek, nummer: int, ident: str):
    return header(
        verzoek.standaard,
        nummer,
        afzender=verzoek.aanbieder.agb_code,
        ontvanger=verzoek.gemeente.gemeentecode,
        identificatie=ident,
        dagtekening=verzoek.dagtekening,
    )


def _omvang(b: ModuleType, vp):
    """Omvang or Budget (cents, IV024), never both (CD077/CD078)."""
    if vp.budget is not None:
        return None, budget_in_centen(vp.budget)
    if vp.volume is None:
        return None, None
    return (
        b.CdtOmvang(
            volume=vp.volume,
            eenheid=b.LdtEenheid(vp.eenheid),
            frequentie=b.LdtFrequentie(vp.frequentie),
        ),
        None,
    )


def _product(b: ModuleType, vp):
    # A budget goes with the category alone, as in the 301 (CD041/CD077).
    code = (vp.productcode or None) if vp.budget is None else None
    return b.CdtProduct(categorie=b.LdtProductCategorie(vp.productcategorie), code=code)


def _commentaar(verzoek) -> str | None:
    delen = [verzoek.commentaar.strip()]
    if verzoek.grondslag:
        delen.append(f"Grondslag: {verzoek.grondslag.strip()}")
    return "\n".join(d for d in delen if d)[:1000] or None


def _verwijzer(b: ModuleType, vp):
    return b.CdtVerwijzer(
        type_value=b.LdtTypeVerwijzer(vp.verwijzer_type),
        naam=vp.verwijzer_naam or None,
        zorgverlener_code=vp.verwijzer_zorgverlenercode or None,
    )


def _aangevraagd(b: ModuleType, m: ModuleType, vp):
    omvang, budget = _omvang(b, vp)
    return m.AangevraagdProduct(
        referentie_aanbieder=vp.referentie_aanbieder,
        beschikking_nummer=vp.beschikkingnummer,
        product=_product(b, vp),
        beschikking_ingangsdatum=iso(vp.beschikking_ingangsdatum),
        toewijzing_ingangsdatum=vp.ingangsdatum.isoformat(),
        toewijzing_einddatum=iso(vp.einddatum),
        omvang=omvang,
        budget=budget,
        verwijzer=_verwijzer(b, vp),
        raamcontract=(
            None if vp.raamcontract is None else b.LdtJaNee("1" if vp.raamcontract else "2")
        ),
        commentaar=vp.commentaar or None,
    )


def bouw_315(verzoek) -> bytes:
    """The serialised 315 of an aanbieder-side Verzoek (Identificatie from its Bericht or new)."""
    b, m = modules(verzoek.wet, 315)
    client = verzoek.client
    ident = _ident(verzoek, 315)
    bericht_client = m.Client(
        bsn=client.bsn,
        geboortedatum=geboortedatum(b, client),
        geslacht=b.LdtGeslacht(client.geslacht),
        naam=b.CdtVerkorteNaam(
            geslachtsnaam=b.CdtAchternaam(
                achternaam=client.geslachtsnaam, voorvoegsel=client.voorvoegsel or None
            ),
            voornamen=client.voornamen or None,
            voorletters=client.voorletters or None,
        ),
        commentaar=_commentaar(verzoek),
        aangevraagde_producten=m.AangevraagdeProducten(
            aangevraagd_product=[_aangevraagd(b, m, vp) for vp in verzoek.producten.all()]
        ),
    )
    return serialize(m.Bericht(header=_header(verzoek, 315, ident), client=bericht_client))


def bouw_317(verzoek) -> bytes:
    """The serialised 317: unchanged, changed and new products of the client's allocation."""
    b, m = modules(verzoek.wet, 317)
    producten = list(verzoek.producten.all())

    def van(soort):
        return [vp for vp in producten if vp.soort == soort]

    ongewijzigd = [
        m.OngewijzigdProduct(toewijzing_nummer=vp.toewijzingnummer)
        for vp in van(ProductSoort.ONGEWIJZIGD)
    ]
    te_wijzigen = []
    for vp in van(ProductSoort.TE_WIJZIGEN):
        omvang, budget = _omvang(b, vp)
        te_wijzigen.append(
            m.TeWijzigenProduct(
                toewijzing_nummer=vp.toewijzingnummer,
                gewenste_ingangsdatum=vp.ingangsdatum.isoformat(),
                einddatum=iso(vp.einddatum),
                omvang=omvang,
                budget=budget,
            )
        )
    nieuw = []
    for vp in van(ProductSoort.NIEUW):
        omvang, budget = _omvang(b, vp)
        nieuw.append(
            m.NieuwProduct(
                product=_product(b, vp),
                gewenste_ingangsdatum=vp.ingangsdatum.isoformat(),
                einddatum=iso(vp.einddatum),
                omvang=omvang,
                budget=budget,
            )
        )
    verzoek_binding = m.Verzoek(
        referentie_aanbieder=verzoek.referentie_aanbieder,
        reden_verzoek=b.LdtRedenVerzoek(verzoek.reden_verzoek),
        ongewijzigde_producten=m.OngewijzigdeProducten(ongewijzigd_product=ongewijzigd)
        if ongewijzigd
        else None,
        te_wijzigen_producten=m.TeWijzigenProducten(te_wijzigen_product=te_wijzigen)
        if te_wijzigen
        else None,
        nieuwe_producten=m.NieuweProducten(nieuw_product=nieuw) if nieuw else None,
    )
    return serialize(
        m.Bericht(
            header=_header(verzoek, 317, _ident(verzoek, 317)),
            client=m.Client(bsn=verzoek.client.bsn, verzoek=verzoek_binding),
        )
    )


def _ident(verzoek, nummer: int) -> str:
    """The Identificatie of the message already sent for this request, or a new one."""
    if verzoek.bericht_id:
        return verzoek.bericht.identificatie
    return identificatie(verzoek.aanbieder, verzoek.standaard, nummer)
