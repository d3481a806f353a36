from django.urls import path

from . import views

app_name = "evaluaties"

urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("<int:pk>/", views.detail, name="detail"),
]
