"""Operation: the health endpoint and the request context of log records (docs/productie.md)."""
