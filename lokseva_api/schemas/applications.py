from datetime import date, datetime
from typing import Any, Dict, List, Optional

from pydantic import Field, conlist, constr

from common.api_model import ApiModel

from ..lifecycle import APPLICATION, DELIVERY
from ..texts import Bilingual
from .common import CodeName, OfficerOut
from .documents import DocumentOut

ShortText = constr(strip_whitespace=True, max_length=500)


class ApplicantIn(ApiModel):
    name: Optional[str] = None
    mobile: Optional[str] = None
    wa_id: Optional[constr(strip_whitespace=True, max_length=32)] = Field(None, description="WhatsApp id of the sender")
    aadhaar: Optional[str] = Field(None, description="12 digits, or only the last 4; stored and shown as the last 4 digits only")
    address: Optional[str] = None
    pincode: Optional[str] = None


class ApplicationIn(ApiModel):
    service: str = Field(description="Service code from GET /api/v1/services")
    applicant: ApplicantIn
    answers: Dict[str, Any] = Field({}, description="The service's `fields`, by name")
    document_ids: List[str] = []
    client_key: Optional[constr(strip_whitespace=True, min_length=1, max_length=200)] = Field(
        None, description="Idempotency key, if the Idempotency-Key header is not sent"
    )


class ApplicantOut(ApiModel):
    name: str
    mobile_masked: str
    aadhaar_masked: Optional[str]
    wa_id: Optional[str]
    address: str
    pincode: str


class HistoryEntry(ApiModel):
    action: str
    status: str
    status_label: Bilingual
    at: datetime
    note: Optional[str]
    officer: Optional[str]


class CertificateRef(ApiModel):
    verification_code: str
    verification_url: str
    download_url: str
    issued_at: datetime


class DeliveryOut(ApiModel):
    application_id: str
    status: str
    status_label: Bilingual
    address: str
    pincode: str
    mobile_masked: str
    note: Optional[str]
    requested_at: datetime
    dispatched_at: Optional[datetime]
    delivered_at: Optional[datetime]


class ApplicationSummary(ApiModel):
    application_id: str
    service: CodeName
    status: str
    status_label: Bilingual
    submitted_at: datetime
    due_date: date
    overdue: bool
    department: Optional[Bilingual] = Field(description="Department that renders the service")
    escalated_at: Optional[datetime] = Field(
        description="When it went to the first appellate officer, its due date passed undecided"
    )


class ApplicationOut(ApplicationSummary):
    days_remaining: Optional[int] = Field(description="Days until the due date; null once settled")
    officer: Optional[OfficerOut] = Field(description="Designated officer under the Lok Seva Guarantee Act")
    appellate_officer: Optional[OfficerOut] = Field(description="First appellate officer, for appeals after the due date")
    applicant: ApplicantOut
    answers: Dict[str, Any]
    document_ids: List[str]
    documents: List[DocumentOut] = Field(description="The uploaded documents (content: officer key)")
    rejection_reason: Optional[str]
    history: List[HistoryEntry]
    allowed_actions: List[str] = Field(description="Officer actions possible now")
    certificate: Optional[CertificateRef]
    delivery: Optional[DeliveryOut]


class ApplicationList(ApiModel):
    items: List[ApplicationSummary]
    page: int
    page_size: int
    total: int


class ActionIn(ApiModel):
    action: constr(regex="^(" + "|".join(APPLICATION.actions) + ")$") = Field(  # type: ignore[valid-type]
        description=" | ".join(APPLICATION.actions)
    )
    note: Optional[ShortText] = Field(None, description="Required for request_documents: what is missing")
    reason: Optional[ShortText] = Field(None, description="Required for reject")
    officer: Optional[constr(strip_whitespace=True, max_length=200)] = None


class AttachIn(ApiModel):
    document_ids: conlist(str, min_items=1)  # type: ignore[valid-type]


class DeliveryIn(ApiModel):
    """Where to deliver; what is left out is the applicant's own address, PIN code and mobile."""
    address: Optional[str] = None
    pincode: Optional[str] = None
    mobile: Optional[str] = None


class DeliveryActionIn(ApiModel):
    action: constr(regex="^(" + "|".join(DELIVERY.actions) + ")$") = Field(  # type: ignore[valid-type]
        description=" | ".join(DELIVERY.actions)
    )
    note: Optional[ShortText] = None
    officer: Optional[constr(strip_whitespace=True, max_length=200)] = None
