"""Signals of the allocation life, so other apps react without toewijzingen importing them."""

from django.dispatch import Signal

# Sent (sender=AanbiederToewijzing) at the end of handling a received 301 on the aanbieder's
# side, inside the message's transaction, with ``bericht`` (the 301) and ``toewijzingen``
# (the AanbiederToewijzing records it carried, created or updated).
toewijzing_ontvangen = Signal()
