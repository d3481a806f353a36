app_name = "betalingen"

urlpatterns: list = []
