from django.urls import path

from . import views

app_name = "eigenbijdrage"

urlpatterns = [
    path("", views.registraties, name="registraties"),
    path("<int:pk>/", views.registratie, name="registratie"),
    path("bijwerken/", views.bijwerken, name="bijwerken"),
    path("meldingen/", views.meldingen, name="meldingen"),
    path("meldingen/exporteren/", views.exporteren, name="exporteren"),
    path("aanleveringen/", views.aanleveringen, name="aanleveringen"),
    path("aanleveringen/<int:pk>/", views.aanlevering, name="aanlevering"),
]
