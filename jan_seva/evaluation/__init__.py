"""NLU and dialogue evaluation that operators run (`python -m jan_seva.evaluation`)."""
