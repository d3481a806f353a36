"""Celery application. Without CELERY_BROKER_URL tasks run eagerly (see conf/base.py)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wmoketen.conf.dev")

app = Celery("wmoketen")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
