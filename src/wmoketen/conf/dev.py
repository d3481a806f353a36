"""Local development and the demo (``make run``)."""

from .base import *  # noqa: F403
from .config import config

DEBUG = config("DEBUG", True, cast=bool)
