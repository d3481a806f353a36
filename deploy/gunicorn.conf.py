"""gunicorn for wmoketen: `gunicorn -c deploy/gunicorn.conf.py wmoketen.wsgi` (docs/productie.md).

Every value can be overridden from the environment (the systemd EnvironmentFile).
"""

import multiprocessing
import os

# Behind nginx on the same machine: listen on the loopback only.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
# Synchronous workers: requests are short, and nginx buffers slow clients and large uploads.
worker_class = "sync"
# An API message of up to 25 MB is validated and processed within its request.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 120))
graceful_timeout = 30
# A worker is replaced after this many requests (with jitter), against slow memory growth.
max_requests = 1000
max_requests_jitter = 100
# X-Forwarded-For/-Proto are taken only from nginx on this machine.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
# nginx writes the access log (JSON, with $request_id); gunicorn logs its own errors.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
# Load the application before forking: a broken configuration stops the start at once.
preload_app = True
