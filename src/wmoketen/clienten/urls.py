from django.urls import path

from . import views

app_name = "clienten"

urlpatterns = [
    path("", views.zoeken, name="zoeken"),
    path("nieuw/", views.nieuw, name="nieuw"),
    path("<int:pk>/", views.detail, name="detail"),
]
