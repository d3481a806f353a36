from functools import wraps

from django.core.exceptions import PermissionDenied

from .constants import Rol


def rol_vereist(*rollen: Rol):
    """Only users with one of ``rollen`` may open the view (403 otherwise)."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.heeft_rol(*rollen):
                raise PermissionDenied("U hebt geen rol die deze pagina mag openen.")
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
