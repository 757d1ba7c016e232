"""311 complaints on WhatsApp: register (with duplicates, photos and a saved
copy when the 311 system is down), follow, confirm or reopen, and rate."""
