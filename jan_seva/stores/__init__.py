"""Conversation storage configured from environment variables."""
