"""The demo data of ``make run`` (``manage.py demo``), in the top layer: it walks every app's
services, so it may import any app and no app imports it. ``laden.laad_demo`` runs the modules
in order; each module is named after what it loads."""
