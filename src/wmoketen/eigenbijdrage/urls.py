app_name = "eigenbijdrage"

urlpatterns: list = []
