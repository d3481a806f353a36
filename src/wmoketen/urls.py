from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from wmoketen.operatie.gezondheid import gezondheid

urlpatterns = [
    path("", include("wmoketen.portaal.urls")),
    path("account/", include("wmoketen.accounts.urls")),
    path("clienten/", include("wmoketen.clienten.urls")),
    path("organisaties/", include("wmoketen.organisaties.urls")),
    path("producten/", include("wmoketen.producten.urls")),
    path("trajecten/", include("wmoketen.trajecten.urls")),
    path("toegang/", include("wmoketen.toegang.urls")),
    path("toewijzingen/", include("wmoketen.toewijzingen.urls")),
    path("declaraties/", include("wmoketen.declaraties.urls")),
    path("budgetten/", include("wmoketen.budgetten.urls")),
    path("betalingen/", include("wmoketen.betalingen.urls")),
    path("eigenbijdrage/", include("wmoketen.eigenbijdrage.urls")),
    path("verzoeken/", include("wmoketen.verzoeken.urls")),
    path("evaluaties/", include("wmoketen.evaluaties.urls")),
    path("mutaties/", include("wmoketen.mutaties.urls")),
    path("meldingen/", include("wmoketen.meldingen.urls")),
    path("berichten/", include("wmoketen.berichten.urls")),
    path("api/", include("wmoketen.berichten.api.urls")),
    path("audit/", include("wmoketen.audit.urls")),
    # Monitoring, without a login: verdicts only (operatie/gezondheid.py).
    path("gezondheid/", gezondheid, name="gezondheid"),
    # One login page for everyone: the admin's own login would skip the organisation check.
    path("beheer/login/", RedirectView.as_view(pattern_name="accounts:login", query_string=True)),
    path("beheer/", admin.site.urls),
]
