from django.urls import path

from . import views

app_name = "budgetten"

urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("nieuw/", views.nieuw, name="nieuw"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/voorschotten/", views.voorschotten, name="voorschotten"),
    path("<int:pk>/verantwoorden/", views.verantwoorden, name="verantwoorden"),
    path("<int:pk>/afrekenen/", views.afrekenen, name="afrekenen"),
]
