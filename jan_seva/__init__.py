"""Jan Seva Sahayak: the project's own package (NLU components, stores, evaluation)."""
