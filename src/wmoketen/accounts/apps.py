from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "wmoketen.accounts"
    verbose_name = "Gebruikers en rollen"
