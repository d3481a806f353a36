"""The demo's organisations: the seeds' gemeenten (Weert works with open beschikkingen), three
aanbieders and the regio Midden-Limburg West."""

from wmoketen.organisaties import services as organisaties
from wmoketen.organisaties.models import Aanbieder, Gemeente, Regio

GEMEENTEN = [("Leudal", "1640"), ("Nederweert", "0946"), ("Weert", "0988"), ("Almere", "0034")]
AANBIEDERS = [
    ("Zorggroep Maasland", "73730101", "14012345"),
    ("Begeleiding Op Maat", "73730202", "14023456"),
    ("Jeugd en Gezin Flevoland", "73730303", "39034567"),
]


def laad_organisaties() -> tuple[list[Gemeente], list[Aanbieder], Regio]:
    gemeenten = [_gemeente(naam, code) for naam, code in GEMEENTEN]
    organisaties.stel_open_beschikkingen_in(gemeenten[2], open_beschikkingen=True, acting_user=None)
    aanbieders = [_aanbieder(*a) for a in AANBIEDERS]
    mlw = Regio.objects.filter(naam="Midden-Limburg West").first() or organisaties.registreer_regio(
        naam="Midden-Limburg West", gemeenten=gemeenten[:3], acting_user=None
    )
    return gemeenten, aanbieders, mlw


def _gemeente(naam: str, code: str) -> Gemeente:
    return Gemeente.objects.filter(gemeentecode=code).first() or organisaties.registreer_gemeente(
        naam=naam, gemeentecode=code, acting_user=None
    )


def _aanbieder(naam: str, agb: str, kvk: str) -> Aanbieder:
    return Aanbieder.objects.filter(agb_code=agb).first() or organisaties.registreer_aanbieder(
        naam=naam, agb_code=agb, kvk_nummer=kvk, acting_user=None
    )
