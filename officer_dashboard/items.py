"""What an officer may see: applications and complaints of their own department(s), filtered."""
from __future__ import annotations

from typing import Any, Dict, List, Optional

from .backends import BackendError, LokSevaClient, Open311Client
from .users import User


class NotVisible(Exception):
    """Not found, or of another department (the officer is not told which)."""


def complaint_department(complaint: Dict[str, Any]) -> str:
    return complaint["extended_attributes"]["department"]["code"]


def complaint_overdue(complaint: Dict[str, Any]) -> bool:
    return bool(complaint["extended_attributes"].get("overdue"))


class Items:
    def __init__(self, lokseva: LokSevaClient, open311: Open311Client):
        self.lokseva = lokseva
        self.open311 = open311

    def application(self, user: User, application_id: str) -> Dict[str, Any]:
        try:
            application = self.lokseva.application(application_id)
        except BackendError as error:
            if error.status == 404:
                raise NotVisible(application_id) from error
            raise
        if not user.sees_service_department(self.lokseva.service_department(application["service"]["code"])):
            raise NotVisible(application_id)
        return application

    def applications(self, user: User, mobile: str, status: Optional[str] = None, service: Optional[str] = None,
                     overdue: bool = False) -> List[Dict[str, Any]]:
        """A citizen's applications (the Lok Seva API lists by citizen only) within the officer's departments."""
        found = []
        for item in self.lokseva.citizen_applications(mobile):
            code = item["service"]["code"]
            if not user.sees_service_department(self.lokseva.service_department(code)):
                continue
            unwanted = (status and item["status"] != status) or (service and code != service)
            if not unwanted and (item["overdue"] or not overdue):
                found.append(item)
        return found

    def complaint(self, user: User, request_id: str) -> Dict[str, Any]:
        try:
            complaint = self.open311.complaint(request_id)
        except BackendError as error:
            if error.status == 404:
                raise NotVisible(request_id) from error
            raise
        if not user.sees_complaint_department(complaint_department(complaint)):
            raise NotVisible(request_id)
        return complaint

    def complaints(self, user: User, status: Optional[str] = None, ward: Optional[str] = None,
                   service_code: Optional[str] = None, department: Optional[str] = None,
                   overdue: bool = False) -> List[Dict[str, Any]]:
        if department and not user.sees_complaint_department(department):
            return []
        if department or user.is_admin:
            departments: List[Optional[str]] = [department]
        else:
            departments = sorted(user.department.open311) if user.department else []
        found = []
        for code in departments:
            found += self.open311.complaints(status=status, ward=ward, service_code=service_code, department=code)
        found = [item for item in found if not overdue or complaint_overdue(item)]
        return sorted(found, key=lambda item: item["requested_datetime"], reverse=True)
