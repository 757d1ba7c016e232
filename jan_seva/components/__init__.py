"""Custom Rasa NLU components; each module holds one component."""
