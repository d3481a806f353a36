"""The demo's payments: a bank account for every gemeente and aanbieder, kept through the
contract manager's service (``organisaties.betaalgegevens``), and this month's payment batches
of what the gemeenten approved (``declaraties``: Almere's 325 granted both of Jeugd en Gezin
Flevoland's prestaties, and a correction's credit and corrected debit once that chain ran;
Weert's rejected Zorggroep Maasland's only one) and of the advances and settlement of
Almere's taakgericht budgets (``budgetten``, Zorggroep Maasland: the months not paid yet, all
in this month's batch).

Two of Almere's batches are fixed (vastgesteld): Jeugd en Gezin Flevoland's is ready to export
as CSV or SEPA and to mark paid; Zorggroep Maasland's (the budget) is paid today. The others
(other loaders' approvals) stay concepts. Once only: a
second run changes nothing (same accounts, nothing new to pay, a fixed batch stays fixed).
"""

from django.utils import timezone

from wmoketen.betalingen import services as betalingen
from wmoketen.betalingen.models import Betaalbatch
from wmoketen.organisaties.betaalgegevens import wijzig_betaalgegevens
from wmoketen.organisaties.models import Aanbieder, Gemeente

# (gemeentecode or AGB-code, IBAN, ten name van); the BIC follows from the IBAN (schwifty).
REKENINGEN = [
    ("1640", "NL98BNGH0285016406", "Gemeente Leudal"),
    ("0946", "NL42BNGH0285009460", "Gemeente Nederweert"),
    ("0988", "NL56BNGH0285009887", "Gemeente Weert"),
    ("0034", "NL58BNGH0285000345", "Gemeente Almere"),
    ("73730101", "NL14RABO0173730101", "Stichting Zorggroep Maasland"),
    ("73730202", "NL63INGB0007373020", "Begeleiding Op Maat B.V."),
    ("73730303", "NL41ABNA0737303030", "Stichting Jeugd en Gezin Flevoland"),
]
# (gemeentecode, AGB-code) of the batches the demo fixes, and of those it then marks paid;
# every other batch stays a concept (Almere's of Begeleiding Op Maat, Nederweert's, ...).
VASTSTELLEN = [("0034", "73730303"), ("0034", "73730101")]
BETALEN = [("0034", "73730101")]


def _batches(paren, status: str):
    for gemeentecode, agb_code in paren:
        yield from Betaalbatch.objects.filter(
            gemeente__gemeentecode=gemeentecode,
            aanbieder__agb_code=agb_code,
            status=status,
            regels__isnull=False,
        ).distinct()


def laad_betalingen() -> None:
    for code, iban, naam in REKENINGEN:
        organisatie = (
            Gemeente.objects.filter(gemeentecode=code).first()
            or Aanbieder.objects.filter(agb_code=code).first()
        )
        if organisatie is not None:
            wijzig_betaalgegevens(organisatie, iban=iban, rekeninghouder=naam, acting_user=None)
    for gemeente in Gemeente.objects.order_by("gemeentecode"):
        betalingen.maak_batches(gemeente, acting_user=None)
    for batch in list(_batches(VASTSTELLEN, "concept")):
        betalingen.stel_vast(batch, acting_user=None)
    for batch in list(_batches(BETALEN, "vastgesteld")):
        betalingen.markeer_betaald(batch, betaald_op=timezone.localdate(), acting_user=None)
