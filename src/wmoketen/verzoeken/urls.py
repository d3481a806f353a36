from django.urls import path

from . import views

app_name = "verzoeken"

urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("nieuw/", views.nieuw, name="nieuw"),
    path("wijziging/<int:pk>/", views.wijziging, name="wijziging"),
    path("<int:pk>/", views.detail, name="detail"),
    path("ontvangen/", views.werkvoorraad, name="werkvoorraad"),
    path("ontvangen/<int:pk>/", views.beoordelen, name="beoordelen"),
]
