"""iWmo and iJw 3.2: bindings, safe codec, validation, retour messages. No Django here.

Layout (see docs/istandaarden.md): ``schemas/``, ``bindings/`` (generated), ``samples/`` per
release and standard; ``iwmo`` and ``ijw`` expose each standard's entry points; shared code
(codec, berichten registry, retour, retourcodes, validation, cli) sits beside them.
"""

__version__ = "0.1.0"

# Reported as XsltVersie in a retour rejected on a single-message rule (IV028): the version of
# our own rule implementation, which takes the place of the official XSLTs.
VALIDATOR_VERSIE = __version__
