"""Single-message rules (TR, CD, CS) for iWmo and iJw 3.2; importing registers them all."""

# Each rule module registers its rules in REGELS on import.
from istandaarden.regels import cd, cs, tr  # noqa: F401
from istandaarden.regels.registry import REGELS, Bevinding, Context, Regel, regel

__all__ = ["REGELS", "Bevinding", "Context", "Regel", "regel"]
