"""Officers' web dashboard for the Lok Seva and 311 backends (talks to both over HTTP)."""
