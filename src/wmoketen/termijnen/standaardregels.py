"""The seeded rules (``data/standaardregels.json``), shared by the data migration and
``services.laad_standaardregels``. Works on the model classes it is given, so the migration
can pass its historical models."""

import json
from pathlib import Path

DATA = Path(__file__).parent / "data" / "standaardregels.json"
VELDEN = ("naam", "soort", "aantal", "eenheid", "richting", "startgebeurtenis", "bron")


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
