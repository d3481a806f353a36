from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from . import tweefactor

VRIJ = ("/account/", "/static/")


class TweeFactorMiddleware:
    """Send a logged-in user to the second factor until he has passed it.

    Required for everyone when TWEEFACTOR_VERPLICHT (production); otherwise only for users who
    set up an authenticator themselves.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not user.is_verified()
            and not request.path.startswith(VRIJ)
            and (settings.TWEEFACTOR_VERPLICHT or tweefactor.heeft_apparaat(user))
        ):
            return redirect(f"{reverse('accounts:tweefactor')}?next={request.path}")
        return self.get_response(request)
