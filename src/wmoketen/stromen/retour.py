"""What follows a retour linked to the heenbericht we sent, in order.

The pipeline (``berichten``) sits below the apps that react, so it announces the link with its
one signal, ``berichten.signals.retour_gekoppeld`` (inside the retour's transaction). This
module is that signal's only receiver: it calls the reactions listed in ``REACTIES``, in that
order, each for the heenberichten it concerns.
"""

from collections.abc import Callable

from django.dispatch import receiver

from wmoketen.berichten.models import Bericht
from wmoketen.berichten.signals import retour_gekoppeld
from wmoketen.verzoeken.status import antwoord_afgekeurd, verzoek_afgekeurd

# (heenbericht numbers, reaction(heenbericht, codes))
REACTIES: tuple[tuple[frozenset[int], Callable], ...] = (
    # aanbieder: a 316/318 with errors rejects the request (it counts as not sent)
    (frozenset({315, 317}), verzoek_afgekeurd),
    # gemeente: a 320 with errors reopens the products the 319 answered
    (frozenset({319}), antwoord_afgekeurd),
)


@receiver(retour_gekoppeld, sender=Bericht, dispatch_uid="stromen.retour")
def retour_gekoppeld_ontvangen(sender, *, retour, heenbericht, codes, **kwargs) -> None:
    for nummers, reactie in REACTIES:
        if heenbericht.nummer in nummers:
            reactie(heenbericht, codes)
