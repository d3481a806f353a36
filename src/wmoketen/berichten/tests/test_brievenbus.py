"""The file mailbox: import and export, ZIPs as VECOZO sends them, and every kind of bad input."""

import io
import os
import struct
import warnings
import zipfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from istandaarden.samples import lees
from wmoketen.audit.models import AuditRegel
from wmoketen.berichten import brievenbus, services
from wmoketen.berichten.constants import Status, Transport
from wmoketen.berichten.models import Bericht, Berichtkanaal
from wmoketen.factories import AanbiederFactory, GemeenteFactory

XXE = b'<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<r>&x;</r>'
BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n'
    b"<lolz>&lol2;</lolz>"
)


@pytest.fixture
def bus(settings, tmp_path, partijen):
    """Gemeente 0384 exchanges files; aanbieder 42420001 lives in this installation."""
    settings.BERICHTEN_BRIEVENBUS = tmp_path
    Berichtkanaal.objects.create(organisatie=partijen[0], transport=Transport.BESTAND)
    return tmp_path


def leg(bus, naam: str, data: bytes, eigen="42420001", van="0384"):
    map_ = bus / eigen / "in" / van
    map_.mkdir(parents=True, exist_ok=True)
    (map_ / naam).write_bytes(data)
    return map_ / naam


def zip_met(*leden: tuple[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Duplicate name": some tests want one
        for naam, data in leden:
            zf.writestr(naam, data)
    return buffer.getvalue()


def commando(naam: str, *args) -> tuple[str, str]:
    uit, fout = io.StringIO(), io.StringIO()
    call_command(naam, *args, stdout=uit, stderr=fout)
    return uit.getvalue(), fout.getvalue()


def verwerkte(handlers, nummer=301):
    gezien = []
    handlers[("iwmo", nummer)] = lambda ontvangen: gezien.append(ontvangen.bericht.pk)
    return gezien


def met_identificatie(identificatie: bytes) -> bytes:
    return lees("WMO301").replace(b"123456789012", identificatie)


def test_rondgang_via_de_brievenbus(bus, partijen, wmo301, handlers):
    gemeente, aanbieder = partijen
    gezien = verwerkte(handlers)
    leg(bus, "WMO301.xml", wmo301)

    uit, fout = commando("berichten_import")

    heen = Bericht.objects.get(nummer=301)
    retour = Bericht.objects.get(nummer=302)
    assert uit == (
        "Voorbeeldaanbieder (42420001): 1 bestanden, 1 berichten ingelezen "
        "(1 retour_verzonden), 0 bestanden geweigerd.\n"
    )
    assert fout == ""
    assert gezien == [heen.pk]
    assert (heen.afzender_id, heen.ontvanger_id, heen.transport, heen.bytes) == (
        gemeente.pk,
        aanbieder.pk,
        "bestand",
        wmo301,
    )
    assert (retour.transport, retour.status, retour.opgehaald_op) == (
        "bestand",
        Status.VERZONDEN,
        None,
    )
    assert not (bus / "42420001/in/0384/WMO301.xml").exists()
    assert (bus / "42420001/in/verwerkt/0384/WMO301.xml").read_bytes() == wmo301

    uit, _ = commando("berichten_export")

    uitgaand = bus / "42420001" / "out" / "0384" / f"WMO302-{retour.pk}.xml"
    assert uit == f"  {uitgaand}\n1 berichten en 0 foutrapporten geschreven.\n"
    assert uitgaand.read_bytes() == retour.bytes
    assert sorted(p.name for p in uitgaand.parent.iterdir()) == [uitgaand.name]
    retour.refresh_from_db()
    assert retour.opgehaald_op is not None

    # Idempotent: nothing new on a second run of either command.
    assert commando("berichten_export")[0] == "0 berichten en 0 foutrapporten geschreven.\n"
    assert commando("berichten_import")[0] == (
        "Voorbeeldaanbieder (42420001): 0 bestanden, 0 berichten ingelezen, 0 bestanden "
        "geweigerd.\n"
    )
    assert Bericht.objects.count() == 2 and gezien == [heen.pk]


def test_bericht_van_ons_aan_een_brievenbuspartij_gaat_naar_out(
    bus, partijen, wmo301, django_capture_on_commit_callbacks
):
    gemeente, aanbieder = partijen
    # Aanbieder 42420001 (here) asks gemeente 0384 (a mailbox party) for an allocation.
    with django_capture_on_commit_callbacks(execute=True):
        bericht = services.verstuur(lees("WMO315"), afzender=aanbieder, ontvanger=gemeente)

    uit, _ = commando("berichten_export", "--organisatie", "42420001")

    pad = bus / "42420001" / "out" / "0384" / f"WMO315-{bericht.pk}.xml"
    assert pad.read_bytes() == lees("WMO315")
    assert uit.endswith("1 berichten en 0 foutrapporten geschreven.\n")


def test_zip_met_meerdere_berichten(bus, partijen, handlers):
    gezien = verwerkte(handlers)
    leg(
        bus,
        "partij.zip",
        zip_met(("a.xml", met_identificatie(b"A1")), ("b.xml", met_identificatie(b"A2"))),
    )

    uit, _ = commando("berichten_import", "--organisatie", "42420001")

    assert uit == (
        "Voorbeeldaanbieder (42420001): 1 bestanden, 2 berichten ingelezen "
        "(2 retour_verzonden), 0 bestanden geweigerd.\n"
    )
    assert sorted(Bericht.objects.filter(nummer=301).values_list("identificatie", flat=True)) == [
        "A1",
        "A2",
    ]
    assert len(gezien) == 2
    assert (bus / "42420001/in/verwerkt/0384/partij.zip").exists()
    assert commando("berichten_export")[0].endswith("2 berichten en 0 foutrapporten geschreven.\n")


def weigering(bus, naam: str, van="0384") -> str:
    """The refused file is in in/fout/ with its reason beside it; the reason's first lines."""
    fout = bus / "42420001" / "in" / "fout" / van
    assert (fout / naam).exists()
    assert not (bus / "42420001" / "in" / van / naam).exists()
    return (fout / f"{naam}.fout.txt").read_text().splitlines()[1]


def aanbiedermap_leeg_en_niets_opgeslagen(audit_voor: int) -> None:
    assert not Bericht.objects.exists()
    assert AuditRegel.objects.count() == audit_voor


def test_zip_met_meer_dan_30_berichten_wordt_geheel_geweigerd(bus, partijen):
    audit_voor = AuditRegel.objects.count()
    leden = [(f"b{n}.xml", met_identificatie(f"Z{n}".encode())) for n in range(31)]
    leg(bus, "groot.zip", zip_met(*leden))

    _, fout = commando("berichten_import")

    reden = (
        "Het ZIP-bestand bevat 31 bestanden; het maximum is 30 berichten per ZIP. Het hele "
        "ZIP-bestand is geweigerd."
    )
    assert weigering(bus, "groot.zip") == f"Reden: {reden}"
    assert fout == f"  geweigerd: in/0384/groot.zip: {reden}\n"
    aanbiedermap_leeg_en_niets_opgeslagen(audit_voor)


def test_zip_van_precies_30_berichten_mag(bus, partijen):
    leg(
        bus,
        "dertig.zip",
        zip_met(*[(f"b{n}.xml", met_identificatie(f"D{n}".encode())) for n in range(30)]),
    )
    commando("berichten_import")
    assert Bericht.objects.filter(nummer=301).count() == 30


def test_zipbom_wordt_geweigerd_voor_het_uitpakken(bus, partijen, settings):
    settings.BERICHT_MAX_BYTES = 50_000
    audit_voor = AuditRegel.objects.count()
    bom = zip_met(("bom.xml", b"<" + b" " * 10_000_000 + b">"))
    assert len(bom) < 50_000
    leg(bus, "bom.zip", bom)

    commando("berichten_import")

    assert weigering(bus, "bom.zip") == (
        "Reden: 'bom.xml' in het ZIP-bestand is uitgepakt 10000002 bytes; de grens is 50000 "
        "bytes per bericht."
    )
    aanbiedermap_leeg_en_niets_opgeslagen(audit_voor)


def test_zip_die_over_zijn_grootte_liegt_wordt_geweigerd(bus, partijen):
    """A member whose headers claim 100 bytes but that unpacks to far more."""
    data = bytearray(zip_met(("a.xml", met_identificatie(b"L1"))))
    lokaal, centraal = data.find(b"PK\x03\x04"), data.find(b"PK\x01\x02")
    struct.pack_into("<I", data, lokaal + 22, 100)
    struct.pack_into("<I", data, centraal + 24, 100)
    leg(bus, "liegt.zip", bytes(data))

    commando("berichten_import")

    assert weigering(bus, "liegt.zip") == (
        "Reden: Het ZIP-bestand is beschadigd of onleesbaar: Bad CRC-32 for file 'a.xml'."
    )
    assert not Bericht.objects.exists()


@pytest.mark.parametrize(
    "naam", ["../../../buiten.xml", "/tmp/absoluut.xml", "map/a.xml", "..\\buiten.xml"]
)
def test_zip_met_pad_wordt_geweigerd_en_nooit_uitgepakt(bus, partijen, naam, tmp_path):
    leg(bus, "pad.zip", zip_met((naam, met_identificatie(b"P1"))))

    commando("berichten_import")

    assert weigering(bus, "pad.zip") == (
        f"Reden: Het ZIP-bestand bevat '{naam}': alleen berichten zonder mappen of pad zijn "
        "toegestaan."
    )
    assert not Bericht.objects.exists()
    assert not list(tmp_path.parent.glob("**/buiten.xml"))


@pytest.mark.parametrize(
    ("naam", "data", "reden"),
    [
        ("leeg.zip", zip_met(), "Het ZIP-bestand bevat geen berichten."),
        (
            "kapot.zip",
            b"PK\x03\x04 geen zip",
            "Het ZIP-bestand is beschadigd of onleesbaar: File is not a zip file.",
        ),
        (
            "tekst.zip",
            zip_met(("lees mij.txt", b"x")),
            "Het ZIP-bestand bevat 'lees mij.txt', dat geen .xml-bericht is.",
        ),
        ("bericht.pdf", b"%PDF", "Onbekend bestandstype '.pdf': alleen .xml en .zip."),
    ],
)
def test_onbruikbare_bestanden_worden_geweigerd(bus, partijen, naam, data, reden):
    leg(bus, naam, data)
    commando("berichten_import")
    assert weigering(bus, naam) == f"Reden: {reden}"
    assert not Bericht.objects.exists()


def test_te_groot_bestand_wordt_niet_gelezen(bus, partijen, settings, wmo301):
    settings.BERICHT_MAX_BYTES = 1000
    leg(bus, "WMO301.xml", wmo301)

    commando("berichten_import")

    assert weigering(bus, "WMO301.xml") == (
        f"Reden: Het bestand is te groot: {len(wmo301)} bytes, de grens is 1000 bytes."
    )
    assert not Bericht.objects.exists()


def test_symbolische_koppeling_wordt_niet_gevolgd(bus, partijen, wmo301, tmp_path_factory):
    geheim = tmp_path_factory.mktemp("elders") / "WMO301.xml"
    geheim.write_bytes(wmo301)
    map_ = bus / "42420001" / "in" / "0384"
    map_.mkdir(parents=True)
    (map_ / "koppeling.xml").symlink_to(geheim)

    commando("berichten_import")

    assert weigering(bus, "koppeling.xml") == (
        "Reden: Geen gewoon bestand maar een symbolische koppeling: niet gelezen en niet gevolgd."
    )
    assert not Bericht.objects.exists() and geheim.exists()


def test_onvoltooide_bestanden_blijven_liggen(bus, partijen, wmo301):
    for naam in (".WMO301.xml", "WMO301.xml.part", "WMO301.xml.tmp"):
        leg(bus, naam, wmo301)
    commando("berichten_import")
    assert not Bericht.objects.exists()
    assert len(list((bus / "42420001/in/0384").iterdir())) == 3


@pytest.mark.parametrize(
    ("van", "reden"),
    [
        ("9999", "De map in/9999 hoort bij geen bekende organisatie: de afzender is onbekend."),
        (
            "0363",
            "Anderstad (0363) wisselt geen berichten uit via de brievenbus (berichtkanaal: "
            "intern (binnen deze installatie)).",
        ),
        ("42420001", "De map in/42420001 is de eigen organisatie, niet een afzender."),
    ],
)
def test_onbekende_of_verkeerde_afzendermap(bus, partijen, wmo301, van, reden):
    GemeenteFactory(naam="Anderstad", gemeentecode="0363")
    leg(bus, "WMO301.xml", wmo301, van=van)

    _, fout = commando("berichten_import")

    assert weigering(bus, "WMO301.xml", van=van) == f"Reden: {reden}"
    assert fout == f"  geweigerd: in/{van}/WMO301.xml: {reden}\n"
    assert not Bericht.objects.exists()


def test_importeren_voor_een_organisatie_die_hier_niet_woont(bus, partijen):
    with pytest.raises(
        CommandError,
        match=r"Voorbeeldgemeente \(0384\) heeft geen brievenbus "
        r"hier: .* via bestandsbrievenbus\.",
    ):
        commando("berichten_import", "--organisatie", "0384")
    with pytest.raises(CommandError, match="Er is geen organisatie met code 1234."):
        commando("berichten_import", "--organisatie", "1234")


def foutrapport_van(bus, bericht: Bericht, eigen="42420001", van="0384") -> list[str]:
    return (bus / eigen / "out" / van / f"FOUTRAPPORT-{bericht.pk}.txt").read_text().splitlines()


def test_vijandige_xml_wordt_bewaard_en_krijgt_een_foutrapport(bus, partijen, handlers):
    gezien = verwerkte(handlers)
    leg(bus, "xxe.xml", XXE)

    commando("berichten_import")
    uit, _ = commando("berichten_export")

    bericht = Bericht.objects.get()
    assert (bericht.status, bericht.naam, bericht.bytes) == (Status.AFGEKEURD, "ONBEKEND", XXE)
    assert gezien == []
    assert (bus / "42420001/in/verwerkt/0384/xxe.xml").exists()
    assert uit.endswith("0 berichten en 1 foutrapporten geschreven.\n")
    assert foutrapport_van(bus, bericht) == [
        f"FOUTRAPPORT bij bericht {bericht.pk}",
        "",
        f"Ontvangen op: {timezone.localtime(bericht.ontvangen_op):%Y-%m-%d %H:%M:%S}",
        "Van:          Voorbeeldgemeente (0384)",
        "Aan:          Voorbeeldaanbieder (42420001)",
        "Bericht:      een bestand dat niet als iWmo/iJw-bericht te lezen is",
        f"Grootte:      {len(XXE)} bytes",
        f"SHA-256:      {bericht.sha256}",
        "",
        "Het bericht is afgekeurd en niet verwerkt; er komt geen retourbericht. Een afgekeurd",
        "bericht geldt als niet verzonden (OP286): verbeter het en verstuur het opnieuw, met",
        "een nieuwe identificatie.",
        "",
        "Fouten:",
        "1. [PARSE] (regel 2) Een DOCTYPE-declaratie is niet toegestaan: het declareert een "
        "externe entiteit (XXE).",
    ]
    bericht.refresh_from_db()
    assert bericht.opgehaald_op is not None  # the report is written once
    assert commando("berichten_export")[0] == "0 berichten en 0 foutrapporten geschreven.\n"


@pytest.mark.parametrize(
    ("data", "foutregel"),
    [
        (
            BILLION_LAUGHS,
            "1. [PARSE] (regel 2) Een DOCTYPE-declaratie is niet toegestaan: het "
            "declareert entiteiten (entiteitexpansie, 'billion laughs').",
        ),
        (
            lees("WMO301")[:400],
            "1. [PARSE] (regel 7) Het XML-document is onvolledig (afgebroken "
            "na regel 7): expected '>'.",
        ),
        (
            lees("WMO301").replace(b"iwmo/3_2/wmo301", b"iwmo/3_3/wmo301"),
            "1. [PARSE] (regel 2) Onbekende namespace 'http://www.istandaarden.nl/iwmo/3_3/wmo301/"
            "schema': dit is geen iWmo- of iJw-3.2-bericht.",
        ),
    ],
    ids=["billion-laughs", "malformed", "onbekende-versie"],
)
def test_onleesbaar_bericht_krijgt_een_foutrapport(bus, partijen, data, foutregel):
    leg(bus, "bericht.xml", data)

    commando("berichten_import")
    commando("berichten_export")

    bericht = Bericht.objects.get()
    assert (bericht.status, bericht.naam, bericht.bytes) == (Status.AFGEKEURD, "ONBEKEND", data)
    assert foutrapport_van(bus, bericht)[-1] == foutregel


def test_xsd_ongeldig_bericht_krijgt_een_foutrapport_en_geen_retour(bus, partijen):
    ongeldig = lees("WMO301").replace(b"<wmo301:Geslacht>", b"<wmo301:Geslacht>9", 1)
    leg(bus, "WMO301.xml", ongeldig)

    commando("berichten_import")
    uit, _ = commando("berichten_export")

    bericht = Bericht.objects.get()
    assert bericht.status == Status.AFGEKEURD
    rapport = foutrapport_van(bus, bericht)
    assert rapport[5] == "Bericht:      WMO301 met identificatie 123456789012"
    assert rapport[-2].startswith(
        "1. [XSD] (regel 23, /Bericht[1]/Client[1]/Geslacht[1]) Het bericht voldoet niet aan "
        "het XSD: "
    )
    assert uit.endswith("0 berichten en 1 foutrapporten geschreven.\n")


def test_bericht_voor_een_andere_ontvanger_dan_de_brievenbus(bus, partijen, wmo301, handlers):
    gezien = verwerkte(handlers)
    AanbiederFactory(naam="Andere zorg", agb_code="11110000")
    leg(bus, "WMO301.xml", wmo301, eigen="11110000")

    commando("berichten_import")
    commando("berichten_export")

    bericht = Bericht.objects.get()
    assert [f["code"] for f in bericht.fouten] == ["ADRES"]
    assert gezien == []
    assert foutrapport_van(bus, bericht, eigen="11110000")[-1] == (
        "1. [ADRES] (/Bericht[1]/Header[1]) De Header noemt afzender 0384 en ontvanger "
        "42420001, maar het bericht kwam van 0384 voor 11110000."
    )


def test_bericht_in_de_map_van_een_andere_afzender(bus, partijen, wmo301, handlers):
    """The mailbox's 'token of another organisation': the folder names the sender."""
    gezien = verwerkte(handlers)
    andere = GemeenteFactory(naam="Buurgemeente", gemeentecode="0385")
    Berichtkanaal.objects.create(organisatie=andere, transport=Transport.BESTAND)
    leg(bus, "WMO301.xml", wmo301, van="0385")

    commando("berichten_import")
    commando("berichten_export")

    bericht = Bericht.objects.get()
    assert (bericht.afzender_id, bericht.status) == (andere.pk, Status.AFGEKEURD)
    assert gezien == []
    assert foutrapport_van(bus, bericht, van="0385")[-1].endswith(
        "maar het bericht kwam van 0385 voor 42420001."
    )
    assert not (bus / "42420001/out/0384").exists()  # nothing went to the gemeente 0384


def test_identiek_dubbel_bestand_geeft_het_eerdere_retour_opnieuw(
    bus, partijen, wmo301, handlers, django_capture_on_commit_callbacks
):
    gezien = verwerkte(handlers)
    leg(bus, "WMO301.xml", wmo301)
    commando("berichten_import")
    commando("berichten_export")
    retour = Bericht.objects.get(nummer=302)
    uitgaand = bus / "42420001" / "out" / "0384" / f"WMO302-{retour.pk}.xml"
    uitgaand.unlink()  # the exchange picked it up; then the gemeente lost it and resends

    leg(bus, "WMO301.xml", wmo301)
    with django_capture_on_commit_callbacks(execute=True):
        uit, _ = commando("berichten_import")
    commando("berichten_export")

    assert "1 berichten ingelezen (1 dubbel)" in uit
    assert len(gezien) == 1
    tweede = Bericht.objects.filter(nummer=301).latest("pk")
    assert tweede.status == Status.DUBBEL and tweede.origineel.retour == retour
    assert Bericht.objects.filter(nummer=302).count() == 1
    assert uitgaand.read_bytes() == retour.bytes  # the earlier retour, written again
    assert sorted(p.name for p in (bus / "42420001/in/verwerkt/0384").iterdir()) == [
        "WMO301-2.xml",
        "WMO301.xml",
    ]


def test_andere_inhoud_met_zelfde_identificatie_geeft_9056_retour(bus, partijen, wmo301, handlers):
    gezien = verwerkte(handlers)
    leg(bus, "a.xml", wmo301)
    leg(bus, "b.xml", wmo301.replace(b"<wmo301:Commentaar>", b"<wmo301:Commentaar>Anders ", 1))

    commando("berichten_import")
    commando("berichten_export")

    tweede = Bericht.objects.filter(nummer=301).latest("pk")
    assert (tweede.status, tweede.retourcodes) == (Status.AFGEKEURD, ["9056"])
    assert len(gezien) == 1
    pad = bus / "42420001" / "out" / "0384" / f"WMO302-{tweede.retour.pk}.xml"
    assert services.retour_codes(pad.read_bytes()) == ["9056"]


# --- links and other non-regular files: nothing is followed or leaves the root ---------------


@pytest.mark.parametrize("bestaat", [True, False], ids=["bestaand-doel", "nieuw-doel"])
def test_toelichting_gaat_niet_door_een_geplante_koppeling(
    bus, partijen, tmp_path_factory, bestaat
):
    buiten = tmp_path_factory.mktemp("elders") / "slachtoffer.txt"
    if bestaat:
        buiten.write_text("origineel")
    fout = bus / "42420001" / "in" / "fout" / "0384"
    fout.mkdir(parents=True)
    (fout / "bericht.pdf.fout.txt").symlink_to(buiten)
    leg(bus, "bericht.pdf", b"%PDF")

    commando("berichten_import")

    assert buiten.read_text() == "origineel" if bestaat else not buiten.exists()
    assert (fout / "bericht.pdf.fout.txt").is_symlink()
    assert weigering(bus, "bericht-2.pdf") == (
        "Reden: Onbekend bestandstype '.pdf': alleen .xml en .zip."
    )


@pytest.mark.parametrize("koppeling", ["in/fout", "in/fout/0384"])
def test_een_gekoppelde_foutmap_krijgt_niets(bus, partijen, tmp_path_factory, koppeling):
    elders = tmp_path_factory.mktemp("elders")
    pad = bus / "42420001" / koppeling
    pad.parent.mkdir(parents=True)
    pad.symlink_to(elders, target_is_directory=True)
    leg(bus, "bericht.pdf", b"%PDF")

    _, fout = commando("berichten_import")

    assert list(elders.iterdir()) == []
    assert (bus / "42420001/in/0384/bericht.pdf").exists()  # stays, and is reported
    assert fout == (
        "  geweigerd: in/0384/bericht.pdf: Onbekend bestandstype '.pdf': alleen .xml en .zip. "
        f"(Het bestand blijft liggen, niet naar in/fout/ verplaatst: {pad} is een symbolische "
        "koppeling, geen map: die wordt niet gebruikt.)\n"
    )


@pytest.mark.parametrize("koppeling", ["in/verwerkt", "in/verwerkt/0384"])
def test_een_gekoppelde_verwerktmap_krijgt_niets(
    bus, partijen, wmo301, tmp_path_factory, koppeling
):
    elders = tmp_path_factory.mktemp("elders")
    pad = bus / "42420001" / koppeling
    pad.parent.mkdir(parents=True)
    pad.symlink_to(elders, target_is_directory=True)
    leg(bus, "WMO301.xml", wmo301)

    uit, fout = commando("berichten_import")

    assert list(elders.iterdir()) == []
    assert not Bericht.objects.exists()  # nothing read that could not leave in/
    assert (bus / "42420001/in/0384/WMO301.xml").read_bytes() == wmo301
    assert uit == (
        "Voorbeeldaanbieder (42420001): 0 bestanden, 0 berichten ingelezen, 0 bestanden "
        "geweigerd.\n"
    )
    assert fout == (
        f"  niet gelezen: {pad} is een symbolische koppeling, geen map: die wordt niet "
        "gebruikt. De bestanden in in/0384 zijn niet gelezen.\n"
    )


def test_gekoppelde_afzendermap_wordt_niet_gevolgd(bus, partijen, wmo301, tmp_path_factory):
    elders = tmp_path_factory.mktemp("elders")
    (elders / "WMO301.xml").write_bytes(wmo301)
    in_map = bus / "42420001" / "in"
    in_map.mkdir(parents=True)
    (in_map / "0384").symlink_to(elders, target_is_directory=True)

    _, fout = commando("berichten_import")

    assert fout == (
        "  geweigerd: in/0384: In in/ staat een symbolische koppeling; die wordt niet gevolgd.\n"
    )
    assert (in_map / "fout" / "0384").is_symlink()
    assert [p.name for p in elders.iterdir()] == ["WMO301.xml"]
    assert not Bericht.objects.exists()


def test_koppeling_map_en_fifo_als_bestand_worden_geweigerd(
    bus, partijen, wmo301, tmp_path_factory
):
    buiten = tmp_path_factory.mktemp("elders") / "WMO301.xml"
    buiten.write_bytes(wmo301)
    map_ = bus / "42420001" / "in" / "0384"
    map_.mkdir(parents=True)
    (map_ / "koppeling.zip").symlink_to(buiten)
    (map_ / "map.xml").mkdir()
    os.mkfifo(map_ / "pijp.xml")  # opening it would block the run

    _, fout = commando("berichten_import")

    assert fout == (
        "  geweigerd: in/0384/koppeling.zip: Geen gewoon bestand maar een symbolische "
        "koppeling: niet gelezen en niet gevolgd.\n"
        "  geweigerd: in/0384/map.xml: Geen gewoon bestand maar een map: niet gelezen.\n"
        "  geweigerd: in/0384/pijp.xml: Geen gewoon bestand maar een named pipe (FIFO): niet "
        "gelezen.\n"
    )
    geweigerd = bus / "42420001" / "in" / "fout" / "0384"
    assert (geweigerd / "koppeling.zip").is_symlink() and (geweigerd / "map.xml").is_dir()
    assert (geweigerd / "pijp.xml").is_fifo()
    assert not Bericht.objects.exists() and buiten.read_bytes() == wmo301


def test_het_slot_volgt_geen_koppeling(bus, partijen, wmo301, tmp_path_factory):
    buiten = tmp_path_factory.mktemp("elders") / "belangrijk.txt"
    buiten.write_text("origineel")
    leg(bus, "WMO301.xml", wmo301)
    (bus / "42420001" / ".brievenbus.lock").symlink_to(buiten)

    _, fout = commando("berichten_import")

    assert buiten.read_text() == "origineel"  # open(..., "w") emptied it
    assert not Bericht.objects.exists()
    assert fout == (
        f"  niet gelezen: Het slot {bus / '42420001' / '.brievenbus.lock'} is een symbolische "
        "koppeling, geen gewoon bestand.\n"
    )


def test_export_schrijft_niet_over_een_geplante_koppeling(bus, partijen, wmo301, tmp_path_factory):
    leg(bus, "WMO301.xml", wmo301)
    commando("berichten_import")
    retour = Bericht.objects.get(nummer=302)
    buiten = tmp_path_factory.mktemp("elders") / "buiten.xml"
    buiten.write_text("origineel")
    doel = bus / "42420001" / "out" / "0384" / f"WMO302-{retour.pk}.xml"
    doel.parent.mkdir(parents=True)
    doel.symlink_to(buiten)

    uit, fout = commando("berichten_export")

    assert buiten.read_text() == "origineel" and doel.is_symlink()
    assert [p.name for p in doel.parent.iterdir()] == [doel.name]  # no temporary file left
    assert uit == "0 berichten en 0 foutrapporten geschreven.\n"
    assert fout == (
        f"  niet geschreven: {doel}: {doel} is een symbolische koppeling, geen gewoon bestand: "
        "er is niets naartoe geschreven.\n"
    )
    retour.refresh_from_db()
    assert retour.opgehaald_op is None  # tried again on the next run

    doel.unlink()
    assert commando("berichten_export")[0].endswith("1 berichten en 0 foutrapporten geschreven.\n")
    assert doel.read_bytes() == retour.bytes


def test_export_in_een_gekoppelde_map(bus, partijen, wmo301, tmp_path_factory):
    leg(bus, "WMO301.xml", wmo301)
    commando("berichten_import")
    retour = Bericht.objects.get(nummer=302)
    elders = tmp_path_factory.mktemp("elders")
    out = bus / "42420001" / "out"
    out.mkdir()
    (out / "0384").symlink_to(elders, target_is_directory=True)

    _, fout = commando("berichten_export")

    assert list(elders.iterdir()) == []
    assert fout == (
        f"  niet geschreven: {out / '0384' / f'WMO302-{retour.pk}.xml'}: {out / '0384'} is een "
        "symbolische koppeling, geen map: die wordt niet gebruikt.\n"
    )


# --- ZIPs: one member in memory at a time, caps on the whole, resuming a killed run --------


def test_zip_met_te_veel_samen_wordt_geheel_geweigerd(bus, partijen, settings):
    lengte = len(met_identificatie(b"T0"))
    settings.BERICHT_MAX_BYTES = lengte + 1000
    settings.BERICHT_ZIP_MAX_FACTOR = 2
    audit_voor = AuditRegel.objects.count()
    leden = [(f"b{n}.xml", met_identificatie(f"T{n}".encode())) for n in range(3)]
    leg(bus, "veel.zip", zip_met(*leden))

    commando("berichten_import")

    grens = lengte + 1000
    assert weigering(bus, "veel.zip") == (
        f"Reden: De berichten in het ZIP-bestand zijn uitgepakt samen {3 * lengte} bytes; de "
        f"grens is {2 * grens} bytes (2 keer {grens}). Het hele ZIP-bestand is geweigerd."
    )
    aanbiedermap_leeg_en_niets_opgeslagen(audit_voor)


def test_te_sterk_ingepakt_lid_is_een_zipbom(bus, partijen, settings):
    settings.BERICHT_ZIP_MAX_RATIO = 3  # a WMO301 packs some 5 times
    data = zip_met(("a.xml", met_identificatie(b"R1")))
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo("a.xml")
    leg(bus, "bom.zip", data)

    commando("berichten_import")

    assert weigering(bus, "bom.zip") == (
        f"Reden: 'a.xml' in het ZIP-bestand is uitgepakt {info.file_size} bytes uit "
        f"{info.compress_size} bytes: meer dan 3 keer zo groot, zoals een zipbom. Het hele "
        "ZIP-bestand is geweigerd."
    )
    assert not Bericht.objects.exists()


def overlappend(data: bytes, aantal: int) -> bytes:
    """A central directory of ``aantal`` members that all share one member's compressed data:
    each looks modest, together they are a bomb."""
    enkel = zip_met(("b00.xml", data))
    begin, eind = enkel.find(b"PK\x01\x02"), enkel.find(b"PK\x05\x06")
    centraal = b"".join(
        enkel[begin:eind].replace(b"b00.xml", f"b{n:02}.xml".encode()) for n in range(aantal)
    )
    staart = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, aantal, aantal, len(centraal), begin, 0)
    return enkel[:begin] + centraal + staart


def test_zip_met_overlappende_leden_is_een_zipbom(bus, partijen, settings):
    settings.BERICHT_ZIP_MAX_RATIO = 20
    data = met_identificatie(b"O1")
    bom = overlappend(data, 30)
    leg(bus, "overlap.zip", bom)

    commando("berichten_import")

    assert weigering(bus, "overlap.zip") == (
        f"Reden: Het ZIP-bestand is uitgepakt {30 * len(data)} bytes uit {len(bom)} bytes: meer "
        "dan 20 keer zo groot, zoals een zipbom. Het hele ZIP-bestand is geweigerd."
    )
    assert not Bericht.objects.exists()


def test_zip_met_twee_leden_van_dezelfde_naam(bus, partijen):
    leg(
        bus,
        "dubbel.zip",
        zip_met(("a.xml", met_identificatie(b"N1")), ("a.xml", met_identificatie(b"N2"))),
    )

    commando("berichten_import")

    assert weigering(bus, "dubbel.zip") == "Reden: Het ZIP-bestand bevat 'a.xml' 2 keer."
    assert not Bericht.objects.exists()


def test_zip_leden_een_voor_een_gelezen_en_opgeslagen(bus, partijen, monkeypatch):
    """Memory holds one member: each is stored before the next is read (no timing here)."""
    gebeurd = []
    lees_lid, ontvang = brievenbus.invoer.lees_lid, services.ontvang

    def lees(zf, info, grens):
        gebeurd.append(f"lees {info.filename}")
        return lees_lid(zf, info, grens)

    def bewaar(data, **kwargs):
        gebeurd.append("bewaar")
        return ontvang(data, **kwargs)

    monkeypatch.setattr(brievenbus.invoer, "lees_lid", lees)
    monkeypatch.setattr(services, "ontvang", bewaar)
    leg(bus, "partij.zip", zip_met(*[(f"{c}.xml", met_identificatie(c.encode())) for c in "abc"]))

    commando("berichten_import")

    assert gebeurd == ["lees a.xml", "bewaar", "lees b.xml", "bewaar", "lees c.xml", "bewaar"]
    assert Bericht.objects.filter(nummer=301).count() == 3


def test_zip_die_halverwege_onleesbaar_wordt(bus, partijen, monkeypatch):
    """Checked whole, then the file changed under the run: what is stored stays stored and
    processed (its retour goes out); the rest is reported, the ZIP goes to in/fout/."""
    lees_lid = brievenbus.invoer.lees_lid

    def lees(zf, info, grens):
        if info.filename == "b.xml":
            raise zipfile.BadZipFile("Bad CRC-32 for file 'b.xml'")
        return lees_lid(zf, info, grens)

    monkeypatch.setattr(brievenbus.invoer, "lees_lid", lees)
    leg(bus, "partij.zip", zip_met(*[(f"{c}.xml", met_identificatie(c.encode())) for c in "abc"]))

    uit, fout = commando("berichten_import")

    reden = (
        "Het ZIP-bestand is beschadigd of onleesbaar: Bad CRC-32 for file 'b.xml'. Niet "
        "ingelezen: b.xml, c.xml."
    )
    assert uit == (
        "Voorbeeldaanbieder (42420001): 1 bestanden, 1 berichten ingelezen (1 retour_verzonden), "
        "1 bestanden geweigerd.\n"
    )
    assert fout == f"  geweigerd: in/0384/partij.zip: {reden}\n"
    toelichting = bus / "42420001" / "in" / "fout" / "0384" / "partij.zip.fout.txt"
    assert toelichting.read_text().splitlines()[:2] == [
        "Het bestand partij.zip is maar voor een deel ingelezen: alleen a.xml is opgeslagen en "
        "verwerkt.",
        f"Reden: {reden}",
    ]
    assert list(Bericht.objects.filter(nummer=301).values_list("identificatie", flat=True)) == ["a"]


class Gedood(BaseException):
    """The process killed halfway (SIGKILL, a reboot): nothing after it runs."""


def gedood_bij(aanroep: int, echt):
    """``echt``, but the process dies on its ``aanroep``-th call."""
    aanroepen = []

    def functie(*args, **kwargs):
        aanroepen.append(args)
        if len(aanroepen) == aanroep:
            raise Gedood
        return echt(*args, **kwargs)

    return functie


@pytest.mark.parametrize(
    ("waar", "aanroep"),
    [("ontvang", 3), ("verwerk", 2)],
    ids=["na-het-tweede-lid", "tussen-opslaan-en-verwerken"],
)
def test_gedode_zip_import_gaat_verder_zonder_dubbelen(
    bus, partijen, handlers, monkeypatch, waar, aanroep
):
    gezien = verwerkte(handlers)
    leg(bus, "partij.zip", zip_met(*[(f"{c}.xml", met_identificatie(c.encode())) for c in "abc"]))
    with monkeypatch.context() as m:
        m.setattr(services, waar, gedood_bij(aanroep, getattr(services, waar)))
        with pytest.raises(Gedood):
            brievenbus.importeer(partijen[1])
    assert (bus / "42420001/in/0384/partij.zip").exists()

    uit, _ = commando("berichten_import")

    assert uit == (
        "Voorbeeldaanbieder (42420001): 1 bestanden, 1 berichten ingelezen (1 retour_verzonden), "
        "2 al ingelezen, 0 bestanden geweigerd.\n"
    )
    heen = Bericht.objects.filter(nummer=301)
    assert sorted(heen.values_list("identificatie", flat=True)) == ["a", "b", "c"]
    assert set(heen.values_list("status", flat=True)) == {Status.RETOUR_VERZONDEN}
    assert Bericht.objects.filter(nummer=302).count() == 3 and len(gezien) == 3
    assert (bus / "42420001/in/verwerkt/0384/partij.zip").exists()


def test_gedode_import_van_een_bestand_slaat_het_niet_twee_keer_op(
    bus, partijen, wmo301, monkeypatch
):
    """Killed after the store, before the move: the same file is not stored again. A resend of
    the same bytes is another file and is stored (a TR056 duplicate, see above)."""
    ontvang = services.ontvang

    def ontvang_en_dood(*args, **kwargs):
        ontvang(*args, **kwargs)
        raise Gedood

    leg(bus, "WMO301.xml", wmo301)
    with monkeypatch.context() as m:
        m.setattr(services, "ontvang", ontvang_en_dood)
        with pytest.raises(Gedood):
            brievenbus.importeer(partijen[1])

    uit, _ = commando("berichten_import")

    assert uit == (
        "Voorbeeldaanbieder (42420001): 1 bestanden, 0 berichten ingelezen, 1 al ingelezen, "
        "0 bestanden geweigerd.\n"
    )
    assert Bericht.objects.filter(nummer=301).count() == 1
    assert (bus / "42420001/in/verwerkt/0384/WMO301.xml").read_bytes() == wmo301
