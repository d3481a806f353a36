"""A refused service call, shown to the user: the one place views catch the refusals.

    with Poging(form) as poging:
        traject = services.start_traject(acting_user=request.user, **form.cleaned_data)
    if poging.gelukt:
        ...

Services refuse with ``ValidationError`` (the input or the state does not allow it) or
``PermissionDenied`` (the user may not). Anything else is a bug and is not caught.
"""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError

FOUTEN = (ValidationError, PermissionDenied)


def teksten(fout: Exception) -> list[str]:
    """The Dutch lines of a refusal."""
    return fout.messages if isinstance(fout, ValidationError) else [str(fout)]


def op_formulier(form, fout: Exception, *, per_veld: bool = False, prefix: str = "") -> None:
    """Put a refusal on ``form``: above it, or with ``per_veld`` a ValidationError's keys on
    the fields the form has. With ``prefix`` the form is a part (a relatie's contact): it
    takes only the keys ``<prefix>.<veld>``; the main form takes the keys without a dot."""
    if not (per_veld and hasattr(fout, "error_dict")):
        if not prefix:
            form.add_error(None, teksten(fout))
        return
    for sleutel, fouten in fout.message_dict.items():
        deel, punt, veld = sleutel.rpartition(".")
        if deel != prefix:
            continue
        sleutel = veld if punt else sleutel
        form.add_error(sleutel if sleutel in form.fields else None, fouten)


class Poging:
    """A ``with`` block around one service call. A refusal does not escape: it goes on
    ``form`` (see ``op_formulier``), or without a form into ``request``'s messages: one
    message, or with ``per_regel`` one per line of the refusal.
    ``eerst(form, fout) -> bool`` may show a refusal its own way first (a message the
    standard refused, with its findings per field); False leaves it to the default."""

    def __init__(
        self,
        form=None,
        *,
        request=None,
        per_veld: bool = False,
        prefix: str = "",
        per_regel: bool = False,
        eerst: Callable[[object, Exception], bool] | None = None,
    ):
        if form is None and request is None:
            raise TypeError("Poging needs a form or a request to show a refusal on.")
        self.form, self.request = form, request
        self.per_veld, self.prefix, self.eerst = per_veld, prefix, eerst
        self.per_regel = per_regel
        self.fout: Exception | None = None

    def __enter__(self) -> "Poging":
        return self

    def __exit__(self, soort, fout, traceback) -> bool:
        if not isinstance(fout, FOUTEN):
            return False
        self.fout = fout
        self.toon(fout)
        return True

    def toon(self, fout: Exception) -> None:
        if self.form is None:
            regels = teksten(fout)
            for regel in regels if self.per_regel else [" ".join(regels)]:
                messages.error(self.request, regel)
        elif not (self.eerst and self.eerst(self.form, fout)):
            op_formulier(self.form, fout, per_veld=self.per_veld, prefix=self.prefix)

    @property
    def gelukt(self) -> bool:
        return self.fout is None
