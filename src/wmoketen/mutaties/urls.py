from django.urls import path

from . import views

app_name = "mutaties"

urlpatterns = [
    path("traject/<int:pk>/", views.nieuw, name="nieuw"),
    path("stoppen/<int:pk>/", views.stoppen, name="stoppen"),
]
