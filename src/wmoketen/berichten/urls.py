from django.urls import path

from . import views

app_name = "berichten"

urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("vastgelopen/", views.vastgelopen, name="vastgelopen"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/inhoud/", views.inhoud, name="inhoud"),
    path("<int:pk>/herverwerken/", views.herverwerk, name="herverwerk"),
]
