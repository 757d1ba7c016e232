"""Lok Seva flows: applying for a service (questions from the catalogue),
status, certificates, certified copies of land records, home delivery,
service details and the catalogue list. Texts: content/lok_seva.yml."""
