"""The one signal of the message layer: the pipeline sits below the apps that react to a
linked retour, so it cannot call them. Its only receiver is ``stromen.retour``, which lists
the reactions in order."""

from django.dispatch import Signal

# A received retour was matched to the heenbericht we sent (``retour``, ``heenbericht``,
# ``codes``: its RetourCodes). Sent inside the retour's transaction.
retour_gekoppeld = Signal()
