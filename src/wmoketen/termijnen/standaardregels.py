"""The seeded rules (``data/standaardregels.json``), shared by the data migration and
``services.laad_standaardregels``. Works on the model classes it is given, so the migration
can pass its historical models."""

import json
from pathlib import Path

DATA = Path(__file__).parent / "data" / "standaardregels.json"
VELDEN = ("naam", "soort", "aantal", "eenheid", "richting", "startgebeurtenis", "bron")

MLW = "Werkafspraken Midden-Limburg West"
HEUSDEN = "Eén stappenplan Wmo regio Heusden"
ALMERE = "Administratieprotocol Wmo Almere"
# The sources first seeded with internal document numbers (../shared/seeds: 001 Heusden,
# 002 Midden-Limburg West, 004 Almere), and the name a user knows them by.
BRONNEN_VOLUIT = {
    "002 §4 (als standaard overgenomen)": f"{MLW} §4 (als standaard overgenomen)",
    "002 §8 (als standaard overgenomen)": f"{MLW} §8 (als standaard overgenomen)",
    "002 §4": f"{MLW} §4",
    "002 §8": f"{MLW} §8",
    "002 §10": f"{MLW} §10",
    "001 stap 1–3": f"{HEUSDEN}, stap 1–3",
    "001 stap 4": f"{HEUSDEN}, stap 4",
    "001 stap 10": f"{HEUSDEN}, stap 10",
    "Wmo 2015 art. 2.3.5 lid 1; 001 stap 5–6": f"Wmo 2015 art. 2.3.5 lid 1; {HEUSDEN}, stap 5–6",
    "004 Termijnen": f"{ALMERE}, termijnen",
    "004 Herindicaties, Evaluaties": f"{ALMERE}, herindicaties en evaluaties",
}


def regels() -> list[dict]:
    with DATA.open(encoding="utf-8") as bestand:
        return json.load(bestand)["regels"]


def laad(Termijnregel, Gemeente, Regio) -> list:
    """Create each seeded rule that is missing; leave existing rules as they are.

    A regional rule is created only when its regio (by name) or gemeente (by CBS code)
    exists; call again after creating them. Returns the rules created.
    """
    gemaakt = []
    for gegevens in regels():
        bereik = {"gemeente": None, "regio": None}
        if code := gegevens.get("gemeentecode"):
            bereik["gemeente"] = Gemeente.objects.filter(gemeentecode=code).first()
            if bereik["gemeente"] is None:
                continue
        elif naam := gegevens.get("regio"):
            bereik["regio"] = Regio.objects.filter(naam=naam).first()
            if bereik["regio"] is None:
                continue
        if Termijnregel.objects.filter(code=gegevens["code"], **bereik).exists():
            continue
        regel = Termijnregel(code=gegevens["code"], **bereik)
        for veld in VELDEN:
            setattr(regel, veld, gegevens[veld])
        regel.save()
        gemaakt.append(regel)
    return gemaakt


def noem_bronnen_voluit(Termijnregel, Termijn, bronnen: dict[str, str] = BRONNEN_VOLUIT) -> int:
    """Replace each old seeded source (a key of ``bronnen``) by its name, in the rules and in
    the text of the deadlines opened from them; a source a beheerder wrote stays. Returns the
    number of rules changed."""
    aantal = 0
    for oud, nieuw in bronnen.items():
        aantal += Termijnregel.objects.filter(bron=oud).update(bron=nieuw)
        # Deadlines copy the rule as text when they open: "… (bereik; bron)".
        for termijn in Termijn.objects.filter(berekening__endswith=f"; {oud})"):
            termijn.berekening = f"{termijn.berekening[: -len(oud) - 1]}{nieuw})"[:300]
            termijn.save(update_fields=["berekening"])
    return aantal
