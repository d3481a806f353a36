from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme

from . import tweefactor
from .forms import InlogForm, TokenForm


class InlogView(auth_views.LoginView):
    form_class = InlogForm
    template_name = "accounts/inloggen.html"
    redirect_authenticated_user = True


class WachtwoordVergetenView(auth_views.PasswordResetView):
    template_name = "accounts/wachtwoord_vergeten.html"
    email_template_name = "accounts/wachtwoord_email.txt"
    subject_template_name = "accounts/wachtwoord_onderwerp.txt"
    success_url = reverse_lazy("accounts:wachtwoord_verstuurd")


class WachtwoordNieuwView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/wachtwoord_nieuw.html"
    success_url = reverse_lazy("accounts:wachtwoord_gewijzigd")


def _volgende(request) -> str:
    url = request.GET.get("next") or request.POST.get("next") or "/"
    safe = url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure())
    return url if safe else "/"


@login_required
def tweefactor_view(request):
    """Set up (first time) or pass the second factor."""
    if request.user.is_verified():
        return redirect(_volgende(request))
    instellen = not tweefactor.heeft_apparaat(request.user)
    form = TokenForm(request.POST or None)
    if form.is_valid():
        if tweefactor.verifieer(request, form.cleaned_data["token"]):
            messages.success(request, "Tweestapsverificatie gelukt.")
            return redirect(_volgende(request))
        form.add_error("token", "Deze code is onjuist of verlopen. Probeer de nieuwe code.")
    context = {"form": form, "instellen": instellen, "next": _volgende(request)}
    if instellen:
        device = tweefactor.apparaat_voor_instellen(request.user)
        context |= {"qr": tweefactor.qr_svg(device), "sleutel": device.config_url}
    return render(request, "accounts/tweefactor.html", context)
