"""The official XSDs, unchanged, per release and standard (``v3_2/iwmo/WMO301.xsd``)."""
