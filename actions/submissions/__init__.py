"""Citizens' submissions that must never be lost: a database outbox, the
submitters per kind, and the worker that sends what is still pending."""
