"""wmoketen: the Wmo and Jeugdwet chain between gemeente and aanbieder."""

from .celery import app as celery_app

__all__ = ["celery_app"]
