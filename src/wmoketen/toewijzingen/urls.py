from django.urls import path

from . import views

app_name = "toewijzingen"

urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/opnieuw-versturen/", views.opnieuw_versturen, name="opnieuw_versturen"),
    path("ontvangen/", views.aanbieder_lijst, name="aanbieder"),
    path("ontvangen/<int:pk>/", views.aanbieder_detail, name="ontvangen"),
    path("wachtlijst/", views.wachtlijst, name="wachtlijst"),
    path("wachtlijst/wachtlijst.csv", views.wachtlijst_csv, name="wachtlijst_csv"),
]
