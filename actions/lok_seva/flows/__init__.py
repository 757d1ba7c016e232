"""The Lok Seva forms by name (the `flow` of the form state)."""
from __future__ import annotations

from typing import Dict

from actions.lok_seva.flow import Flow
from actions.lok_seva.flows.application import ApplicationFlow
from actions.lok_seva.flows.certified_copy import CertifiedCopyFlow
from actions.lok_seva.flows.delivery import DeliveryFlow

FLOWS: Dict[str, Flow] = {flow.name: flow for flow in (ApplicationFlow(), DeliveryFlow(), CertifiedCopyFlow())}

# The intent that starts each form.
FLOW_OF_INTENT = {"apply_service": "application", "doorstep_delivery": "delivery", "certified_copy": "certified_copy"}
