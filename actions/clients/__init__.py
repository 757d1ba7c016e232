"""HTTP clients of the backends the actions call (blocking `requests`, with timeouts)."""
