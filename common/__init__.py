"""What every process of the project shares: masking of personal numbers,
clocks, database engines, settings, HTTP clients, retries and errors.

Nothing here imports the assistant, the services or the stand-ins: they
import this package, never the other way round.
"""
