"""Benchmark of the iStandaarden package: validate, parse, CLI and memory against their peers.

    .venv/bin/python benchmarks/berichten.py            # full run (about 2 minutes, 2 cores)
    .venv/bin/python benchmarks/berichten.py --quick    # a tenth of the work, for a smoke test

Measured in one run, on 10,000 valid WMO301 messages, one uniform WMO323 with 10,000
prestaties (one prestatie per toewijzing, all in the same whole-month period) and one
realistic WMO323 with 10,000 prestaties across 1,000 clients (weekly prestaties: the same
ToewijzingNummer on several prestaties with different product periods inside the month):

* floor     lxml parse + XMLSchema.validate only (the least any XSD validation costs)
* validate  istandaarden.validation.validate (safe parse, XSD, every single-message rule)
* parse     istandaarden.codec.parse into the bindings (safe parse + xsdata)
* xsdata    plain xsdata XmlParser.from_bytes into the same bindings
* xmlschema the xmlschema library's validation, on a subset, extrapolated (it is slow)

validate is timed against the floor, and parse against xsdata, each pair in its own
interleaved slices, every slice starting from a collected heap (see ``meet_afwisselend``);
plus peak memory for a ~20 MB WMO323 under our validate and under lxml parse + XSD alone
(each in a fresh process: after warm-up the kernel's peak-RSS mark is reset through
/proc/self/clear_refs and the rise of the peak over the RSS at that moment is reported), and
``wmoketen-bericht valideer --json`` over 10,000 files.
"""

from __future__ import annotations

import argparse
import gc
import json
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from istandaarden.berichten import bericht  # noqa: E402
from istandaarden.codec import parse, serialize  # noqa: E402
from istandaarden.samples.genereer import (  # noqa: E402
    wmo301_bericht,
    wmo323_bericht,
    wmo323_realistisch_bericht,
)

XMLSCHEMA_SUBSET = 300  # WMO301 messages validated by xmlschema (then extrapolated)
XMLSCHEMA_PRESTATIES = 1_000  # prestaties in the WMO323 validated by xmlschema
MEMORY_PRESTATIES = 24_000  # gives a WMO323 of about 20 MB


@dataclass
class Meting:
    naam: str
    berichten: int
    seconden: float
    noot: str = ""

    @property
    def per_seconde(self) -> float:
        return self.berichten / self.seconden


def meet(naam: str, functie: Callable[[bytes], object], data: Sequence[bytes], noot="") -> Meting:
    meting = meet_afwisselend({naam: functie}, data, rondes=1)[0]
    meting.noot = noot
    return meting


def meet_afwisselend(
    functies: dict[str, Callable[[bytes], object]], data: Sequence[bytes], rondes: int = 5
) -> list[Meting]:
    """Time each function over all of ``data``, interleaved in ``rondes`` slices.

    Interleaving spreads drift (other processes on a 2-core machine, CPU frequency) evenly over
    the functions compared, so their ratios stay fair. Every slice starts from a collected
    heap (``gc.collect()`` before the clock starts, the collector stays on while timing): a
    function must not pay for the garbage-collector debt another one left behind (xsdata
    builds and drops a million objects per 323; their promotions would trigger a full
    collection in whatever runs next).
    """
    for functie in functies.values():
        functie(data[0])  # warm-up: compiled schemas, rule tables, binding metadata are cached
    seconden = dict.fromkeys(functies, 0.0)
    for ronde in range(rondes):
        deel = data[ronde::rondes]
        for naam, functie in functies.items():
            gc.collect()
            start = time.perf_counter()
            for item in deel:
                functie(item)
            seconden[naam] += time.perf_counter() - start
    return [Meting(naam, len(data), tijd) for naam, tijd in seconden.items()]


def floor_functie(nummer: int) -> Callable[[bytes], bool]:
    schema = etree.XMLSchema(etree.parse(str(bericht("iwmo", nummer).xsd)))
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)

    def floor(data: bytes) -> bool:
        return schema.validate(etree.fromstring(data, parser).getroottree())

    return floor


def xsdata_functie(nummer: int) -> Callable[[bytes], object]:
    from xsdata.formats.dataclass.parsers import XmlParser

    parser, cls = XmlParser(), bericht("iwmo", nummer).binding
    return lambda data: parser.from_bytes(data, cls)


def xmlschema_functie(nummer: int) -> Callable[[bytes], bool]:
    import xmlschema

    schema = xmlschema.XMLSchema(str(bericht("iwmo", nummer).xsd))
    return lambda data: schema.is_valid(data.decode("utf-8"))


def validate_functie() -> Callable[[bytes], object]:
    from istandaarden.validation import validate

    def checked(data: bytes) -> object:
        fouten = validate(data)
        if fouten:
            raise AssertionError(f"benchmark message not valid: {fouten[:3]}")
        return fouten

    return checked


def reeks_301(aantal: int) -> list[bytes]:
    return [serialize(wmo301_bericht(i, producten=1 + i % 3)) for i in range(1, aantal + 1)]


def meet_301(data: list[bytes]) -> list[Meting]:
    subset = data[:XMLSCHEMA_SUBSET]
    xs = meet("xmlschema", xmlschema_functie(301), subset)
    factor = len(data) / len(subset)
    xs = Meting("xmlschema", len(data), xs.seconden * factor, f"{len(subset)} gemeten, ×{factor:g}")
    # validate against the floor, and parse against xsdata, each pair in its own slices.
    paar = {"floor": floor_functie(301), "validate": validate_functie()}
    binding = {"parse": parse, "xsdata": xsdata_functie(301)}
    return [*meet_afwisselend(paar, data), *meet_afwisselend(binding, data), xs]


def meet_323(prestaties: int, herhaal: int = 3, bouw=wmo323_bericht) -> list[Meting]:
    data = [serialize(bouw(prestaties))] * herhaal  # one message is too short to time
    klein = [serialize(bouw(min(prestaties, XMLSCHEMA_PRESTATIES)))]
    xs = meet("xmlschema", xmlschema_functie(323), klein)
    factor = prestaties / min(prestaties, XMLSCHEMA_PRESTATIES)
    noot = f"{XMLSCHEMA_PRESTATIES} prestaties gemeten, ×{factor:g}"
    paar = {"floor": floor_functie(323), "validate": validate_functie()}
    binding = {"parse": parse, "xsdata": xsdata_functie(323)}
    metingen = [
        *meet_afwisselend(paar, [data[0]] * 5, rondes=5),  # 0.1-0.2 s each: five pairs
        *meet_afwisselend(binding, data, rondes=herhaal),
    ]
    metingen[0].noot = f"{len(data[0]) / 1e6:.1f} MB"
    return [*metingen, Meting("xmlschema", 1, xs.seconden / len(klein) * factor, noot)]


GEHEUGEN_KIND = """
import sys, warnings
warnings.simplefilter("ignore")
sys.path.insert(0, {src!r})
from lxml import etree
from istandaarden.berichten import bericht
data, klein = open({pad!r}, "rb").read(), open({klein!r}, "rb").read()
if {modus!r} == "floor":
    schema = etree.XMLSchema(etree.parse(str(bericht("iwmo", 323).xsd)))
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    def run(d):
        return schema.validate(etree.fromstring(d, parser).getroottree())
else:
    from istandaarden.validation import validate as run
def status(veld):
    for regel in open("/proc/self/status"):
        if regel.startswith(veld + ":"):
            return int(regel.split()[1])
run(klein)  # compile schemas and rule tables before the baseline is taken
open("/proc/self/clear_refs", "w").write("5")  # reset the peak (VmHWM) to the current RSS
voor = status("VmRSS")
run(data)
print(voor, status("VmHWM"))
"""


def meet_geheugen(map_: Path, prestaties: int) -> dict[str, object]:
    """Peak RSS growth (KiB) while checking one big 323, each mode in a fresh process."""
    groot, klein = map_ / "groot323.xml", map_ / "klein323.xml"
    groot.write_bytes(serialize(wmo323_bericht(prestaties)))
    klein.write_bytes(serialize(wmo323_bericht(2)))
    uitkomst: dict[str, object] = {"mb": groot.stat().st_size / 1e6}
    for modus in ("floor", "validate"):
        kind = GEHEUGEN_KIND.format(
            src=str(ROOT / "src"), pad=str(groot), klein=str(klein), modus=modus
        )
        out = subprocess.run([sys.executable, "-c", kind], capture_output=True, text=True)
        voor, na = map(int, out.stdout.split())
        uitkomst[modus] = {"basis_kib": voor, "piek_kib": na, "groei_kib": na - voor}
    return uitkomst


def meet_cli(map_: Path, data: list[bytes]) -> Meting:
    paden = []
    for i, item in enumerate(data):
        pad = map_ / f"wmo301-{i:05d}.xml"
        pad.write_bytes(item)
        paden.append(str(pad))
    script = Path(sys.executable).with_name("wmoketen-bericht")
    start = time.perf_counter()
    done = subprocess.run([str(script), "valideer", "--json", *paden], capture_output=True)
    seconden = time.perf_counter() - start
    resultaat = json.loads(done.stdout)
    assert done.returncode == 0 and len(resultaat) == len(paden), done.stderr[-2000:]
    return Meting("valideer CLI", len(paden), seconden, "inclusief opstarten en JSON")


def tabel(titel: str, metingen: list[Meting], eenheid: str) -> None:
    floor = next(m for m in metingen if m.naam == "floor")
    print(f"\n{titel}")
    print(f"  {'meting':<13}{eenheid + '/s':>14}{'seconden':>10}{'× floor':>9}  noot")
    for m in metingen:
        ratio = m.seconden / m.berichten / (floor.seconden / floor.berichten)
        print(f"  {m.naam:<13}{m.per_seconde:>14,.1f}{m.seconden:>10.2f}{ratio:>9.2f}  {m.noot}")


def verhoudingen(metingen: list[Meting]) -> dict[str, float]:
    tijd = {m.naam: m.seconden / m.berichten for m in metingen}
    return {
        "validate/floor": tijd["validate"] / tijd["floor"],
        "parse/xsdata": tijd["parse"] / tijd["xsdata"],
        "xmlschema/validate": tijd["xmlschema"] / tijd["validate"],
    }


def main(argv: Sequence[str] | None = None) -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--quick", action="store_true", help="1,000 berichten in plaats van 10,000")
    args.add_argument("--json", type=Path, help="schrijf de uitkomsten ook als JSON hierheen")
    opties = args.parse_args(argv)
    aantal = 1_000 if opties.quick else 10_000
    warnings.simplefilter("ignore")
    begin = time.perf_counter()
    data = reeks_301(aantal)
    m301 = meet_301(data)
    tabel(f"{aantal:,} WMO301-berichten", m301, "berichten")
    m323 = meet_323(aantal)
    tabel(f"1 WMO323 met {aantal:,} prestaties (uniform)", m323, "berichten")
    m323r = meet_323(aantal, bouw=wmo323_realistisch_bericht)
    tabel(
        f"1 WMO323 met {aantal:,} prestaties (realistisch: wekelijks, {aantal // 10:,} clienten)",
        m323r,
        "berichten",
    )
    for naam, metingen in (("WMO301", m301), ("WMO323", m323), ("WMO323 realistisch", m323r)):
        ratios = ", ".join(f"{k} {v:.2f}" for k, v in verhoudingen(metingen).items())
        print(f"  {naam}: {ratios}")
    with tempfile.TemporaryDirectory() as tmp:
        geheugen = meet_geheugen(Path(tmp), MEMORY_PRESTATIES // (10 if opties.quick else 1))
        cli = meet_cli(Path(tmp), data)
    floor_groei = geheugen["floor"]["groei_kib"]
    ratio = geheugen["validate"]["groei_kib"] / floor_groei
    print(f"\nGeheugen, WMO323 van {geheugen['mb']:.1f} MB (piekgroei max RSS, eigen proces):")
    for modus in ("floor", "validate"):
        print(f"  {modus:<10}{geheugen[modus]['groei_kib'] / 1024:>8.1f} MiB")
    print(f"  validate/floor {ratio:.2f}")
    in_proces = next(m for m in m301 if m.naam == "validate")
    print(f"\nwmoketen-bericht valideer --json over {cli.berichten:,} bestanden:")
    print(
        f"  {cli.per_seconde:,.0f} berichten/s in {cli.seconden:.1f} s "
        f"({cli.per_seconde / in_proces.per_seconde:.2f} × validate in-process)"
    )
    print(f"\nTotale duur {time.perf_counter() - begin:.0f} s")
    if opties.json:
        uitkomst = {
            "wmo301": [vars(m) for m in m301],
            "wmo323": [vars(m) for m in m323],
            "wmo323_realistisch": [vars(m) for m in m323r],
            "geheugen": geheugen,
            "cli": vars(cli),
        }
        opties.json.write_text(json.dumps(uitkomst, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
