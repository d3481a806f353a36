"""What follows a received 301 (WMO301/JW301, the aanbieder's side), in order, inside the
message's transaction:

1. ``toewijzingen.ontvangst.verwerk_301``: the client record and the aanbieder's allocations
   (new, changed, vervallen), their deadlines and signals;
2. ``verzoeken.antwoord.koppel_toewijzingen``: the requests the 301 honours (its
   ReferentieAanbieder, TR379) become toegewezen.
"""

from wmoketen.berichten.handlers import Ontvangen, handler
from wmoketen.toewijzingen.ontvangst import verwerk_301
from wmoketen.verzoeken.antwoord import koppel_toewijzingen


@handler("iwmo", 301)
@handler("ijw", 301)
def toewijzing_ontvangen(ontvangen: Ontvangen) -> None:
    toewijzingen = verwerk_301(ontvangen)
    koppel_toewijzingen(ontvangen.bericht, toewijzingen)
