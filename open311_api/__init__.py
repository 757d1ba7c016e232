"""311 complaints reference backend speaking Open311 GeoReport v2.

Citizens' complaints arrive through the standard GeoReport v2 API under
`/open311/v2/` (so any real Open311 city system can replace this service);
officers and the bot's citizen features use the operator API under
`/api/v1/`. Run with `python -m open311_api`.
"""
