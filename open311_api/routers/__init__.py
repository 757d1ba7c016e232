"""HTTP routes: Open311 GeoReport v2 and the operator API."""
