from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("inloggen/", views.InlogView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("tweestapsverificatie/", views.tweefactor_view, name="tweefactor"),
    path(
        "wachtwoord-vergeten/", views.WachtwoordVergetenView.as_view(), name="wachtwoord_vergeten"
    ),
    path(
        "wachtwoord-vergeten/verstuurd/",
        auth_views.PasswordResetDoneView.as_view(
            template_name="accounts/wachtwoord_verstuurd.html"
        ),
        name="wachtwoord_verstuurd",
    ),
    path(
        "wachtwoord-nieuw/<uidb64>/<token>/",
        views.WachtwoordNieuwView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "wachtwoord-nieuw/klaar/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/wachtwoord_gewijzigd.html"
        ),
        name="wachtwoord_gewijzigd",
    ),
]
