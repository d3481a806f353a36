from django.urls import path

from . import views

app_name = "betalingen"

urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("maken/", views.maak, name="maak"),
    path("totalen/", views.totalen, name="totalen"),
    path("<int:pk>/", views.batch, name="batch"),
    path("<int:pk>/vaststellen/", views.vaststellen, name="vaststellen"),
    path("<int:pk>/export.csv", views.exporteer_csv, name="exporteer_csv"),
    path("<int:pk>/sepa.xml", views.exporteer_sepa, name="exporteer_sepa"),
    path("<int:pk>/betaald/", views.betaald, name="betaald"),
]
