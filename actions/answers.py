"""The answers that serve both a question asked on its own and one asked in
the middle of a task, gathered for the task engine's side questions."""
from actions.complaints.status import complaint_status
from actions.information import information
from actions.lok_seva.certificates import certificate
from actions.lok_seva.services import service_details_answer as service_details
from actions.lok_seva.services import service_list
from actions.lok_seva.status import application_status

__all__ = ["application_status", "certificate", "complaint_status", "information", "service_details", "service_list"]
