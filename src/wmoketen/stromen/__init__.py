"""The composing layer: what follows an event that several apps react to, in order.

One module per event (``beschikking``, ``toewijzing``, ``retour``): a reader finds there every
step that follows it. The apps below do the steps as plain service functions and know nothing
of each other's reactions; only this layer calls them together.
"""
