from django.urls import path

from . import views

app_name = "producten"

urlpatterns = [path("", views.catalogus, name="catalogus")]
