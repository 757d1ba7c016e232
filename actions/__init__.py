"""Custom actions of the Jan Seva Sahayak action server (`rasa run actions`)."""
