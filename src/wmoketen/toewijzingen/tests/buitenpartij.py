"""The aanbieder's own installation, OUTSIDE ours, for the two-party chain tests.

It never touches our database or services: it only sees the XML that reaches it over the
transport (the file mailbox of the exchange, or the HTTP API) and answers with XML. What it
knows about its allocations it learns from the 301s it received, as a real aanbieder package
does. Its 305/307 are built from the bindings with our binding helpers
(``berichten.standaarden.modules``, ``toewijzingen.levering.cdt_product``), its 302 with
``istandaarden.retour``; every message in or out is validated (``validate(...) == []``).

The transports:

* :class:`Uitwisseling` (file mailbox): the exchange takes what our gemeente's export wrote to
  ``<root>/<gemeentecode>/out/<agb>/`` and delivers the aanbieder's files into
  ``<root>/<gemeentecode>/in/<agb>/`` (written under a temporary name, then renamed).
* :class:`Api`: the aanbieder's software fetches its postbus and posts its messages with its
  token.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import SimpleNamespace

from istandaarden.berichten import BERICHT_SUBVERSIE, BERICHT_VERSIE, XSD_VERSIE, bericht
from istandaarden.codec import parse, serialize, soort_van
from istandaarden.retour import maak_retour
from istandaarden.validation import validate
from wmoketen.berichten.standaarden import modules
from wmoketen.toewijzingen.levering import cdt_product

URL = "/api/v1/berichten/"


class Uitwisseling:
    """The file exchange (GGk/VECOZO) between our gemeente's mailbox and the aanbieder."""

    def __init__(self, root: Path, gemeentecode: str, agb: str):
        self.uit = root / gemeentecode / "out" / agb  # what our export wrote for the aanbieder
        self.naar_gemeente = root / gemeentecode / "in" / agb
        self.opgehaald = root / "_uitwisseling" / agb  # taken away by the exchange

    def haal_op(self) -> list[tuple[str, bytes]]:
        if not self.uit.is_dir():
            return []
        self.opgehaald.mkdir(parents=True, exist_ok=True)
        berichten = []
        for pad in sorted(self.uit.iterdir(), key=_volgorde):
            if pad.name.startswith("."):
                continue
            berichten.append((pad.name, pad.read_bytes()))
            os.replace(pad, self.opgehaald / pad.name)
        return berichten

    def lever(self, naam: str, data: bytes) -> None:
        self.naar_gemeente.mkdir(parents=True, exist_ok=True)
        tijdelijk = self.naar_gemeente / f".{naam}.part"
        tijdelijk.write_bytes(data)
        os.replace(tijdelijk, self.naar_gemeente / naam)


def _volgorde(pad: Path) -> tuple[int, str]:
    """WMO301-17.xml: in the order the store wrote them (the id after the dash)."""
    stam = pad.stem.rsplit("-", 1)
    return (int(stam[1]) if len(stam) == 2 and stam[1].isdigit() else 0, pad.name)


class Api:
    """The aanbieder's software talking to our HTTP API with its token."""

    def __init__(self, http, sleutel: str, gemeentecode: str):
        self.http, self.sleutel, self.gemeentecode = http, sleutel, gemeentecode
        self.antwoorden: list[dict] = []

    def _kop(self) -> dict:
        return {"HTTP_AUTHORIZATION": f"Token {self.sleutel}"}

    def haal_op(self) -> list[tuple[str, bytes]]:
        antwoord = self.http.get(URL, **self._kop())
        assert antwoord.status_code == 200, antwoord.content
        berichten = []
        for regel in antwoord.json()["results"]:
            xml = self.http.get(regel["url"], **self._kop())
            assert xml.status_code == 200
            berichten.append((f"{regel['bericht']}-{regel['id']}.xml", xml.content))
        return berichten

    def lever(self, naam: str, data: bytes) -> None:
        antwoord = self.http.post(
            f"{URL}?ontvanger={self.gemeentecode}",
            data=data,
            content_type="application/xml",
            **self._kop(),
        )
        assert antwoord.status_code == 201, antwoord.content
        self.antwoorden.append(antwoord.json())  # the retour waits in the postbus


@dataclass
class Ontvangen:
    """One allocated product as the aanbieder learnt it from a 301."""

    wet: str
    nummer: int
    categorie: str
    code: str | None
    ingangsdatum: str
    einddatum: str | None
    client: object  # the 301's Client binding


@dataclass
class BuitenAanbieder:
    """The aanbieder's installation: only XML in, XML out."""

    agb: str
    gemeentecode: str
    transport: Uitwisseling | Api
    toewijzingen: dict[int, Ontvangen] = field(default_factory=dict)
    ontvangen: list[tuple[str, bytes]] = field(default_factory=list)
    retouren: dict[str, list[str]] = field(default_factory=dict)  # identificatie → codes
    teller: int = 0

    # --- in ---------------------------------------------------------------------------

    def verwerk_postbus(self) -> list[str]:
        """Read what arrived; answer a 301 with its 302. Returns the message names read."""
        namen = []
        for naam, data in self.transport.haal_op():
            assert validate(data) == [], (naam, validate(data))
            xml = parse(data)
            soort = soort_van(xml)
            self.ontvangen.append((soort.naam, data))
            namen.append(soort.naam)
            if soort.nummer == 301:
                self._ontvang_301(xml, data)
            elif soort.nummer in (302, 306, 308):
                kop = xml.header
                codes = kop.retour_codes.retour_code if kop.retour_codes else []
                self.retouren[kop.bericht_identificatie.identificatie] = [
                    getattr(c, "value", c) for c in codes
                ]
        return namen

    def _ontvang_301(self, xml, data: bytes) -> None:
        wet = "wmo" if xml.header.bericht_code == "414" else "jeugdwet"
        for p in xml.client.toegewezen_producten.toegewezen_product:
            self.toewijzingen[p.toewijzing_nummer] = Ontvangen(
                wet=wet,
                nummer=p.toewijzing_nummer,
                categorie=p.product.categorie.value,
                code=p.product.code,
                ingangsdatum=str(p.ingangsdatum),
                einddatum=str(p.einddatum) if p.einddatum else None,
                client=xml.client,
            )
        retour = maak_retour(
            data,
            [],
            identificatie_retour=self._identificatie(),
            dagtekening_retour=date.today(),
        )
        assert validate(retour) == []
        self.transport.lever(f"{soort_van(parse(retour)).naam}-{self.teller}.xml", retour)

    # --- out ----------------------------------------------------------------------------

    def _identificatie(self) -> str:
        self.teller += 1
        return f"B{self.teller:011d}"

    def _kop_en_client(self, t: Ontvangen, nummer: int):
        b, m = modules(t.wet, nummer)
        standaard = "iwmo" if t.wet == "wmo" else "ijw"
        identificatie = self._identificatie()
        header = m.Header(
            bericht_code=bericht(standaard, nummer).berichtcode,
            bericht_versie=BERICHT_VERSIE,
            bericht_subversie=BERICHT_SUBVERSIE,
            afzender=self.agb,
            ontvanger=self.gemeentecode,
            bericht_identificatie=b.CdtBerichtIdentificatie(
                identificatie=identificatie, dagtekening=date.today().isoformat()
            ),
            xsd_versie=b.CdtXsdVersie(
                basisschema_xsd_versie=XSD_VERSIE, bericht_xsd_versie=XSD_VERSIE
            ),
        )
        c = t.client
        velden = dict(
            bsn=c.bsn,
            geboortedatum=c.geboortedatum,
            geslacht=c.geslacht,
            naam=b.CdtVerkorteNaam(
                geslachtsnaam=c.naam.geslachtsnaam, voorletters=c.naam.voorletters
            ),
        )
        return b, m, header, velden, identificatie

    def _product(self, b, t: Ontvangen):
        return cdt_product(b, SimpleNamespace(productcategorie=t.categorie, productcode=t.code))

    def start(self, nummer: int, begindatum: date, status: str = "1") -> str:
        """A 305 for allocation ``nummer``; returns its Identificatie."""
        t = self.toewijzingen[nummer]
        b, m, header, velden, identificatie = self._kop_en_client(t, 305)
        binding = m.Bericht(
            header=header,
            client=m.Client(
                **velden,
                start_producten=m.StartProducten(
                    start_product=[
                        m.StartProduct(
                            toewijzing_nummer=nummer,
                            product=self._product(b, t),
                            toewijzing_ingangsdatum=t.ingangsdatum,
                            begindatum=begindatum.isoformat(),
                            status_aanlevering=b.LdtStatusAanlevering(status),
                        )
                    ]
                ),
            ),
        )
        return self._lever(binding, identificatie)

    def stop(
        self, nummer: int, begindatum: date, einddatum: date, reden: str, status: str = "1"
    ) -> str:
        """A 307 ending the delivery that started on ``begindatum``; returns its Identificatie."""
        t = self.toewijzingen[nummer]
        b, m, header, velden, identificatie = self._kop_en_client(t, 307)
        binding = m.Bericht(
            header=header,
            client=m.Client(
                **velden,
                stop_producten=m.StopProducten(
                    stop_product=[
                        m.StopProduct(
                            toewijzing_nummer=nummer,
                            product=self._product(b, t),
                            toewijzing_ingangsdatum=t.ingangsdatum,
                            begindatum=begindatum.isoformat(),
                            reden_beeindiging=b.LdtRedenBeeindiging(reden),
                            einddatum=einddatum.isoformat(),
                            status_aanlevering=b.LdtStatusAanlevering(status),
                        )
                    ]
                ),
            ),
        )
        return self._lever(binding, identificatie)

    def _lever(self, binding, identificatie: str) -> str:
        data = serialize(binding)
        assert validate(data) == [], validate(data)
        self.transport.lever(f"{soort_van(binding).naam}-{identificatie}.xml", data)
        return identificatie
