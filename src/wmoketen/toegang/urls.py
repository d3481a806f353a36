from django.urls import path

from . import views, views_afhandeling

app_name = "toegang"

urlpatterns = [
    path("", views.caseload, name="caseload"),
    path("nieuw/", views.nieuw, name="nieuw"),
    path("<int:pk>/", views.melding, name="melding"),
    path("<int:pk>/afsluiten/", views_afhandeling.afsluiten, name="afsluiten"),
    path("profiel/", views.profiel_berekenen, name="profiel_berekenen"),
    path("aanbieders/", views.aanbieders_kiezen, name="aanbieders_kiezen"),
    path("plannen/<int:pk>/", views.plan, name="plan"),
    path("opdrachten/", views.opdrachten, name="opdrachten"),
    path("aanvragen/", views.aanvragen, name="aanvragen"),
    path("aanvragen/<int:pk>/", views.aanvraag, name="aanvraag"),
    path("aanvragen/<int:pk>/afwijzen/", views_afhandeling.afwijzen, name="afwijzen"),
    path(
        "aanvragen/<int:pk>/terugsturen/",
        views_afhandeling.aanvraag_terugsturen,
        name="aanvraag_terugsturen",
    ),
    path("einddatum/", views.einddatum_berekenen, name="einddatum_berekenen"),
    path("beschikkingen/<int:pk>/", views.beschikking, name="beschikking"),
    path("beschikkingen/<int:pk>/brief/", views.brief, name="brief"),
    path(
        "beschikkingen/<int:pk>/herindicatie/",
        views.herindicatie_starten,
        name="herindicatie_starten",
    ),
]
