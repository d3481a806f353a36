"""wmoketen-bericht: exit codes, exact JSON, toon and retour; in-process and as a process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from istandaarden import cli, samples
from istandaarden.berichten import bericht
from istandaarden.fout import Fout

WMO301 = str(samples.pad("WMO301"))
WMO317 = str(samples.pad("WMO317"))
JW315 = str(samples.pad("JW315"))
ONTBREEKT = "bestaat/niet.xml"
FOUT = Fout("TR380", "0001", "/Bericht[1]/Client[1]", 41, "GewensteIngangsdatum te vroeg.")


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_json_shape_with_a_stub_validator(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cli, "_validator", lambda: lambda data: [FOUT] if b"480" in data else [])
    code, out, err = run(["valideer", "--json", WMO301, WMO317, ONTBREEKT], capsys)
    assert code == 1
    assert err == ""
    assert json.loads(out) == {
        WMO301: [],
        WMO317: [
            {
                "code": "TR380",
                "retourcode": "0001",
                "xpath": "/Bericht[1]/Client[1]",
                "line": 41,
                "message": "GewensteIngangsdatum te vroeg.",
            }
        ],
        ONTBREEKT: [
            {
                "code": "PARSE",
                "retourcode": None,
                "xpath": None,
                "line": None,
                "message": "Het bestand 'bestaat/niet.xml' bestaat niet.",
            }
        ],
    }


def test_json_keys_are_the_paths_exactly_as_given(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.chdir(samples.pad("WMO301").parent)
    code, out, _ = run(["valideer", "--json", "WMO301.xml", "./WMO305.xml", str(tmp_path)], capsys)
    result = json.loads(out)
    assert list(result) == ["WMO301.xml", "./WMO305.xml", str(tmp_path)]
    assert result["WMO301.xml"] == result["./WMO305.xml"] == []
    assert result[str(tmp_path)][0]["code"] == "PARSE"
    assert result[str(tmp_path)][0]["message"] == f"'{tmp_path}' is een map, geen bestand."
    assert code == 1


def test_valideer_real_validation_on_official_examples(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["valideer", "--json", WMO301, WMO317, JW315], capsys)
    result = json.loads(out)
    assert code == 1
    assert result[WMO301] == []
    assert [(f["code"], f["retourcode"], f["xpath"], f["line"]) for f in result[WMO317]] == [
        (
            "TR380",
            "0001",
            "/Bericht[1]/Client[1]/Verzoek[1]/NieuweProducten[1]/NieuwProduct[1]"
            "/GewensteIngangsdatum[1]",
            41,
        )
    ]
    assert [(f["code"], f["retourcode"], f["line"]) for f in result[JW315]] == [
        ("XSD", None, 44),
        ("XSD", None, 66),
    ]
    assert all(isinstance(f["message"], str) and f["message"] for f in result[JW315])


def test_valideer_exit_0_and_text_output_when_all_valid(capsys: pytest.CaptureFixture[str]) -> None:
    paths = [str(p) for p in samples.paden("iwmo") if p.stem != "WMO317"]
    code, out, _ = run(["valideer", *paths], capsys)
    assert code == 0
    assert out.splitlines() == [f"{p}: geldig" for p in paths]


def test_valideer_text_lists_each_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cli, "_validator", lambda: lambda data: [FOUT])
    code, out, _ = run(["valideer", WMO317], capsys)
    assert code == 1
    assert out.splitlines() == [
        f"{WMO317}: 1 fout",
        "  TR380 retourcode 0001 /Bericht[1]/Client[1] regel 41: GewensteIngangsdatum te vroeg.",
    ]


def test_toon_summarises_a_toewijzing(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["toon", WMO301], capsys)
    assert code == 0
    assert out.splitlines() == [
        "iWmo 301 Toewijzing (WMO301, BerichtCode 414)",
        "Afzender:      0384 (gemeente)",
        "Ontvanger:     42420001 (aanbieder, AGB-code)",
        "Identificatie: 123456789012, dagtekening 2023-08-13",
        "Cliënten:      1",
        "  Cliënt BSN 999900006 (geboren 1967-08-13, T de Wit)",
        "    Toegewezen product: toewijzing 101, referentie 42420002, product 01/01A01, "
        "vanaf 2023-01-01, t/m 2023-12-31, omvang 10 × eenheid 01, frequentie 1",
    ]


def test_toon_declaratie_and_retourcodes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["toon", str(samples.pad("JW325"))], capsys)
    lines = out.splitlines()
    assert code == 0
    assert lines[0] == "iJw 325 Declaratie-antwoord (JW325, BerichtCode 491)"
    assert "Retourcode 0200: Geen opmerking over deze berichtklasse." in lines
    assert (
        "      Retourcode 9307: Begindatum prestatie ligt niet tussen de ingangsdatum en "
        "einddatum toewijzing." in lines
    )


def test_toon_unreadable_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["toon", ONTBREEKT], capsys)
    assert (code, out) == (1, "")
    assert err == f"{ONTBREEKT}: Het bestand '{ONTBREEKT}' bestaat niet.\n"


def test_retour_writes_a_valid_retour(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "retour.xml"
    argv = ["retour", WMO317, "-o", str(target), "--identificatie", "R42"]
    code, out, _ = run([*argv, "--dagtekening", "2023-04-03"], capsys)
    assert (code, out) == (0, "")
    tree = etree.parse(str(target))
    assert etree.XMLSchema(etree.parse(str(bericht("iwmo", 318).xsd))).validate(tree)
    ns = {"m": bericht("iwmo", 318).namespace}
    assert tree.findtext("m:Header/m:RetourCodes/m:RetourCode", namespaces=ns) == "0001"
    assert tree.findtext("m:Header/m:IdentificatieRetour", namespaces=ns) == "R42"
    assert tree.findtext("m:Header/m:DagtekeningRetour", namespaces=ns) == "2023-04-03"


def test_retour_refused_for_an_xsd_invalid_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "retour.xml"
    code, out, err = run(["retour", JW315, "-o", str(target)], capsys)
    assert (code, out) == (1, "")
    assert not target.exists()
    assert err.startswith(f"{JW315}: geen retourbericht. Het bericht voldoet niet aan het XSD")
    assert err.count("\n  XSD retourcode - ") == 2


def _process(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "istandaarden.cli", *args]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def test_subprocess_valideer_json_only_json_on_stdout() -> None:
    done = _process("valideer", "--json", WMO301, ONTBREEKT)
    assert done.returncode == 1
    assert json.loads(done.stdout)[WMO301] == []
    assert json.loads(done.stdout)[ONTBREEKT][0]["code"] == "PARSE"


def test_subprocess_exit_codes() -> None:
    assert _process("valideer", WMO301).returncode == 0
    assert _process("valideer", WMO301, WMO317).returncode == 1
    assert _process("valideer").returncode == 2  # argparse: a file is required


def test_console_script_is_installed() -> None:
    script = Path(sys.executable).with_name("wmoketen-bericht")
    done = subprocess.run([str(script), "valideer", WMO301], capture_output=True, text=True)
    assert (done.returncode, done.stdout) == (0, f"{WMO301}: geldig\n")


def _met_1250_xsd_fouten(tmp_path: Path) -> str:
    attributen = b" ".join(b'a%d="x"' % i for i in range(1_250))
    data = Path(WMO301).read_bytes().replace(b"<wmo301:Bsn>", b"<wmo301:Bsn " + attributen + b">")
    pad = tmp_path / "veel.xml"
    pad.write_bytes(data)
    return str(pad)


def test_json_first_100_errors_and_the_total_beside_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    veel = _met_1250_xsd_fouten(tmp_path)
    code, out, _ = run(["valideer", "--json", veel, WMO301], capsys)
    result = json.loads(out)
    assert code == 1
    assert list(result) == [veel, WMO301, "fouten_totaal"]
    assert len(result[veel]) == 100 and result[WMO301] == []
    assert set(result[veel][0]) == {"code", "retourcode", "xpath", "line", "message"}
    assert result["fouten_totaal"] == {veel: 1_250}


def test_text_first_100_errors_then_how_many_more(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    veel = _met_1250_xsd_fouten(tmp_path)
    code, out, _ = run(["valideer", veel], capsys)
    regels = out.splitlines()
    assert code == 1
    assert regels[0] == f"{veel}: 1.250 fouten"
    assert len(regels) == 102 and all(r.startswith("  XSD ") for r in regels[1:101])
    assert regels[-1] == "  … en nog 1.150 fouten (1.250 in totaal)."
