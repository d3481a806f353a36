"""Signals of the toegang app, so that later steps (evaluations, herindicatie) can follow a
decision without toegang knowing them.

``beschikking_genomen(sender=Beschikking, beschikking, acting_user)``: sent inside the
transaction of ``services.neem_beschikking``, after the allocation (if any) was sent.
"""

from django.dispatch import Signal

beschikking_genomen = Signal()
