"""The one form engine: every request a citizen fills in with the bot (a Lok
Seva application, a certified copy, a home delivery, a 311 complaint) is a
task whose questions come from data (the Lok Seva catalogue, the Open311
service list and definitions, content files). See turn.py for what a message
does to a task, kinds/ for what each kind adds, and
jan_seva/policies/task_policy.py for how every message reaches it."""
