"""WhatsApp Cloud API channel for Rasa (see connector.py)."""
