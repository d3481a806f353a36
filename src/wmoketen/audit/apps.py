from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "wmoketen.audit"
    verbose_name = "Audittrail"
