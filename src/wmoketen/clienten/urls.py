from django.urls import path

from . import views

app_name = "clienten"

urlpatterns = [
    path("", views.zoeken, name="zoeken"),
    path("nieuw/", views.nieuw, name="nieuw"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/wijzigen/", views.wijzigen, name="wijzigen"),
    path("<int:pk>/adressen/nieuw/", views.adres_nieuw, name="adres_nieuw"),
    path("<int:pk>/relaties/nieuw/", views.relatie_nieuw, name="relatie_nieuw"),
    path("adressen/<int:pk>/", views.adres, name="adres"),
    path("relaties/<int:pk>/", views.relatie, name="relatie"),
]
