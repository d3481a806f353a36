from django.apps import AppConfig


class BudgettenConfig(AppConfig):
    name = "wmoketen.budgetten"
    verbose_name = "Budgetten (taakgericht)"
