"""Demo requests: the routes that start at the aanbieder, for the Jeugdwet (Almere) and the Wmo
(Weert, which works with open beschikkingen), exchanged through the real pipeline so the demo
holds 315/316, 317/318, 301/302 and 319/320 for both laws.

Jeugdwet, Almere: a huisarts referral (allocated), a gecertificeerde instelling's bepaling (in
onderzoek), a medisch specialist's referral (waiting in the backoffice's queue) and a 317 for more
hours (refused, reason 7). Wmo, Weert: a WMO315 after an open beschikking (allocated) and a 317
(refused, reason 4). Called by ``laden.laad_demo`` after the toegang route; a second run adds
nothing.
"""

from collections.abc import Callable, Iterator
from datetime import date, timedelta

from django.utils import timezone

from wmoketen.accounts.constants import Rol
from wmoketen.clienten import services as clienten
from wmoketen.clienten.models import Client
from wmoketen.organisaties.models import Aanbieder, Contractregel, Gemeente
from wmoketen.toegang.models import Beschikking
from wmoketen.toewijzingen.models import AanbiederToewijzing
from wmoketen.verzoeken import aanvragen, beslissen
from wmoketen.verzoeken.constants import Kant
from wmoketen.verzoeken.models import Verzoek

from .berichten import bezorg_intern
from .gebruikers import gebruiker

ADRESVELDEN = ["soort", "straatnaam", "huisnummer", "postcode", "plaatsnaam", "telefoonnummer"]


def laad_verzoeken(persoon: Callable[[str], tuple[dict, dict]], bsns: Iterator[str]) -> None:
    """``persoon(plaats)`` draws a client's details, ``bsns`` the next BSN (both from the demo's
    one random generator)."""
    if Verzoek.objects.exists():
        return
    almere = Gemeente.objects.get(gemeentecode="0034")
    jeugd = Aanbieder.objects.get(agb_code="73730303")
    Keten(almere, jeugd, "jeugdwet").jeugd(persoon, bsns)
    weert = Gemeente.objects.get(gemeentecode="0988")
    if weert.open_beschikkingen:
        beschikking = Beschikking.objects.filter(open=True, plan__melding__gemeente=weert).first()
        if beschikking is not None:
            wmo = Aanbieder.objects.get(agb_code="73730101")
            Keten(weert, wmo, "wmo").open_beschikking(beschikking, persoon)


class Keten:
    """One gemeente and one aanbieder exchanging requests."""

    def __init__(self, gemeente, aanbieder, wet):
        self.gemeente, self.aanbieder, self.wet = gemeente, aanbieder, wet
        self.medewerker = gebruiker(aanbieder, Rol.AANBIEDER)
        self.backoffice = gebruiker(gemeente, Rol.BACKOFFICE)
        self.vandaag = timezone.localdate()
        self.regels = list(
            Contractregel.objects.filter(contract__aanbieder=aanbieder, product__wet=wet)
            .select_related("product")
            .order_by("product__productcode")
        )

    def jeugd(self, persoon, bsns) -> None:
        huisarts = self.vraag_aan(
            self.client(persoon, next(bsns)),
            dagen=3,
            verwijzer=dict(verwijzer_type="02", verwijzer_zorgverlenercode="01012345"),
        )
        beslissen.wijs_producten_toe(
            self.ontvangen(huisarts),
            list(self.ontvangen(huisarts).producten.all()),
            acting_user=self.backoffice,
        )
        bezorg_intern()
        gi = self.vraag_aan(
            self.client(persoon, next(bsns)),
            dagen=2,
            regel=1,
            verwijzer=dict(verwijzer_type="04", verwijzer_naam="Jeugdbescherming Flevoland"),
            grondslag="Bepaling jeugdhulp van de gecertificeerde instelling",
        )
        beslissen.zet_in_onderzoek(
            self.ontvangen(gi),
            toelichting="Wij vragen het plan van de jeugdbeschermer op.",
            acting_user=self.backoffice,
        )
        bezorg_intern()
        self.vraag_aan(
            self.client(persoon, next(bsns)),
            dagen=1,
            regel=2,
            verwijzer=dict(verwijzer_type="05", verwijzer_naam="Dr. K. de Haan, kinderarts"),
        )
        self.wijziging(huisarts, reden="7", toelichting="Het plan onderbouwt de uitbreiding niet.")

    def open_beschikking(self, beschikking, persoon) -> None:
        gemeente_client = beschikking.plan.melding.client
        gegevens, adres = persoon("Weert")
        client = Client.objects.filter(
            organisatie=self.aanbieder, bsn=gemeente_client.bsn
        ).first() or self.registreer({**gegevens, **_persoon_van(gemeente_client)}, adres)
        product = beschikking.producten.first()
        verzoek = self.vraag_aan(
            client,
            dagen=2,
            product=product.product,
            verwijzer=dict(
                verwijzer_type="01",
                beschikkingnummer=int(beschikking.nummer),
                beschikking_ingangsdatum=beschikking.ingangsdatum,
            ),
            ingangsdatum=max(beschikking.ingangsdatum, self.vandaag),
        )
        beslissen.wijs_producten_toe(
            self.ontvangen(verzoek),
            list(self.ontvangen(verzoek).producten.all()),
            acting_user=self.backoffice,
        )
        bezorg_intern()
        self.wijziging(verzoek, reden="4", toelichting="Dit past niet binnen het contract.")

    def client(self, persoon, bsn: str) -> Client:
        gegevens, adres = persoon("Almere")
        gegevens["bsn"] = bsn
        gegevens["geboortedatum"] = date(self.vandaag.year - 9, 5, 17)  # a child
        return Client.objects.filter(
            organisatie=self.aanbieder, bsn=bsn
        ).first() or self.registreer(gegevens, adres)

    def registreer(self, gegevens, adres) -> Client:
        client = clienten.registreer_client(acting_user=self.medewerker, **gegevens)
        clienten.voeg_contact_toe(client, acting_user=self.medewerker, **adres)
        return client

    def vraag_aan(
        self, client, *, dagen, verwijzer, regel=0, product=None, ingangsdatum=None, grondslag=""
    ) -> Verzoek:
        contractregel = (
            next(r for r in self.regels if r.product == product)
            if product
            else self.regels[regel % len(self.regels)]
        )
        ingang = ingangsdatum or self.vandaag + timedelta(days=7)
        verzoek = aanvragen.vraag_toewijzing_aan(
            aanbieder=self.aanbieder,
            gemeente=self.gemeente,
            client=client,
            wet=self.wet,
            producten=[
                aanvragen.AangevraagdProductInvoer(
                    product=contractregel.product,
                    ingangsdatum=ingang,
                    einddatum=ingang + timedelta(days=180),
                    volume=4,
                    eenheid=contractregel.eenheid,
                    frequentie=contractregel.frequentie or "2",
                    **verwijzer,
                )
            ],
            intakedatum=self.vandaag - timedelta(days=dagen),
            grondslag=grondslag,
            acting_user=self.medewerker,
        )
        bezorg_intern()
        return verzoek

    def ontvangen(self, verzoek: Verzoek) -> Verzoek:
        """The gemeente's record of the aanbieder's request (the same reference); a client
        new to the gemeente gets the address from the aanbieder's record (as if from the BRP):
        a 315 carries none and a 301 needs one."""
        eigen = Verzoek.objects.filter(kant=Kant.GEMEENTE, organisatie=self.gemeente)
        ontvangen = eigen.filter(
            producten__referentie_aanbieder=verzoek.referentie
        ).first() or eigen.get(referentie_aanbieder=verzoek.referentie)
        if not ontvangen.client.contacten.exists():
            adres = verzoek.client.contacten.values(*ADRESVELDEN).first()
            clienten.voeg_contact_toe(ontvangen.client, acting_user=self.backoffice, **adres)
        return ontvangen

    def wijziging(self, verzoek: Verzoek, *, reden: str, toelichting: str) -> None:
        toewijzing = (
            AanbiederToewijzing.objects.filter(aanbieder=self.aanbieder, client=verzoek.client)
            .actueel()
            .first()
        )
        if toewijzing is None:
            return
        wijziging = aanvragen.vraag_wijziging_aan(
            aanbieder=self.aanbieder,
            gemeente=self.gemeente,
            client=verzoek.client,
            wet=self.wet,
            reden_verzoek="2",
            ongewijzigd=[],
            te_wijzigen=[
                aanvragen.WijzigingInvoer(
                    toewijzing=toewijzing,
                    ingangsdatum=toewijzing.ingangsdatum,
                    einddatum=toewijzing.einddatum,
                    volume=(toewijzing.volume or 0) + 2,
                    eenheid=toewijzing.eenheid,
                    frequentie=toewijzing.frequentie,
                )
            ],
            nieuw=[],
            commentaar="Meer uren nodig volgens het bijgestelde zorgplan.",
            acting_user=self.medewerker,
        )
        bezorg_intern()
        beslissen.wijs_af(
            self.ontvangen(wijziging),
            reden=reden,
            toelichting=toelichting,
            acting_user=self.backoffice,
        )
        bezorg_intern()


def _persoon_van(client: Client) -> dict:
    """The aanbieder registers the client the gemeente decided for, with the same details."""
    velden = [
        "bsn",
        "geslachtsnaam",
        "voorvoegsel",
        "voornamen",
        "voorletters",
        "geslacht",
        "geboortedatum",
    ]
    return {veld: getattr(client, veld) for veld in velden}
