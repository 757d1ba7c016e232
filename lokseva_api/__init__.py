"""Lok Seva reference backend: service catalogue, applications, documents,
certificates, certified copies of land records and doorstep delivery.

A FastAPI app on its own port (architecture.md); the action server talks to
it over HTTP. Start it with `python -m lokseva_api`.
"""
