"""Signals of the message layer, so domain apps react without the pipeline importing them."""

from django.dispatch import Signal

# A received retour was matched to the heenbericht we sent (``retour``, ``heenbericht``,
# ``codes``: its RetourCodes). Sent inside the retour's transaction.
retour_gekoppeld = Signal()
