from django.urls import path

from . import views

app_name = "meldingen"

urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("bel/", views.bel, name="bel"),
    path("<int:pk>/open/", views.open_notificatie, name="open"),
    path("gelezen/", views.alles_gelezen, name="alles_gelezen"),
]
