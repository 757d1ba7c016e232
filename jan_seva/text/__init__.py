"""Text utilities shared by the NLU components, the actions and the channels."""
