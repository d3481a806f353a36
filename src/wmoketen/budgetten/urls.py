app_name = "budgetten"

urlpatterns: list = []
