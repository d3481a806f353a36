from django.urls import path

from . import views

app_name = "trajecten"

urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("nieuw/", views.nieuw, name="nieuw"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/deelnemers/", views.deelnemer_toevoegen, name="deelnemer_toevoegen"),
    path("taken/<int:pk>/", views.taak, name="taak"),
]
