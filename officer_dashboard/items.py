"""What an officer may see: applications and complaints of their own department(s), filtered."""
from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from typing import Any, Callable, Dict, FrozenSet, List, Optional, Tuple

from common.backend_call import BackendError

from .backends import LokSevaClient, Open311Client
from .complaint_filters import status_filters
from .users import Department, User

PAGE_SIZE = 20


class NotVisible(Exception):
    """Not found, or of another department (the officer is not told which)."""


def complaint_department(complaint: Dict[str, Any]) -> str:
    return complaint["extended_attributes"]["department"]["code"]


def _scope(user: User, wanted: Optional[str], sees: Callable[[str], bool],
           own: Callable[[Department], FrozenSet[str]]) -> Optional[List[str]]:
    """The backend departments to ask for: None for every one (an admin), [] when none is visible."""
    if wanted:
        return [wanted] if sees(wanted) else []
    if user.is_admin:
        return None
    return sorted(own(user.department)) if user.department else []


@dataclass(frozen=True)
class Page:
    items: List[Dict[str, Any]]
    page: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // PAGE_SIZE))


def file_name(stem: str, media_type: str) -> str:
    """A download's name with the extension of its type, so the officer's computer opens it."""
    return stem + (mimetypes.guess_extension(media_type) or "")


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

    def application_file(self, user: User, application_id: str,
                         document_id: Optional[str]) -> Tuple[bytes, str, str]:
        """An uploaded document of the application (its certificate when `document_id` is None):
        content, media type, a file name."""
        application = self.application(user, application_id)
        number = application["application_id"]
        if document_id is None:
            if application["certificate"] is None:
                raise NotVisible(number)
            return self.lokseva.certificate(number), "application/pdf", file_name(number, "application/pdf")
        if document_id not in application["document_ids"]:
            raise NotVisible(document_id)
        content, media_type = self.lokseva.document_content(document_id)
        return content, media_type, file_name(document_id, media_type)

    def citizen_applications(self, user: User, mobile: str, status: Optional[str] = None,
                             service: Optional[str] = None, overdue: bool = False) -> List[Dict[str, Any]]:
        """A citizen's applications within the officer's departments."""
        found = []
        for item in self.lokseva.citizen_applications(mobile):
            code = item["service"]["code"]
            if not user.sees_service_department(self.lokseva.service_department(code)):
                continue
            unwanted = (status and item["status"] != status) or (service and code != service)
            if not unwanted and (item["overdue"] or not overdue):
                found.append(item)
        return found

    def applications(self, user: User, status: Optional[str] = None, service: Optional[str] = None,
                     department: Optional[str] = None, overdue: bool = False, page: int = 1) -> Page:
        """Applications of the officer's departments (or of `department`, if theirs), newest first."""
        departments = _scope(user, department, user.sees_service_department, lambda d: d.lokseva)
        if departments == []:
            return Page([], page, 0)
        found = self.lokseva.all_applications(departments, page, PAGE_SIZE, status=status, service=service,
                                              overdue=True if overdue else None)
        return Page(found["items"], page, found["total"])

    def application_day(self, user: User) -> List[Dict[str, Any]]:
        """Today's figures of the officer's Lok Seva departments."""
        return [row for row in self.lokseva.daily_summary() if user.sees_service_department(row["department"]["en"])]

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
                   overdue: bool = False, only: Optional[List[str]] = None, page: int = 1) -> Page:
        """A page of the complaints of the officer's departments (or of `department`, if theirs), newest
        first; `status`: one of the 311 API's, or a group of complaint_filters (open, escalated); `only`:
        of these complaints."""
        departments = _scope(user, department, user.sees_complaint_department, lambda d: d.open311)
        if departments == [] or only == []:
            return Page([], page, 0)
        found, total = self.open311.complaints_page(
            PAGE_SIZE, (page - 1) * PAGE_SIZE, department=departments, ward=ward, service_code=service_code,
            overdue=True if overdue else None, service_request_id=only, **status_filters(status))
        return Page(found, page, total)

    def complaint_day(self, user: User) -> List[Dict[str, Any]]:
        """Today's figures of the officer's complaint departments that have any complaint."""
        return [row for row in self.open311.daily_summary() if user.sees_complaint_department(row["department"]["code"])
                and (row["new"] or row["open"] or row["decided"])]

    def complaint_report(self, user: User) -> Optional[Dict[str, Any]]:
        """The 311 report over the complaints of the officer's departments (an admin: all of them); None
        when they see no complaint department."""
        departments = _scope(user, None, user.sees_complaint_department, lambda d: d.open311)
        return self.open311.complaint_report(departments) if departments != [] else None
