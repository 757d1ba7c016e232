from datetime import datetime
from typing import Optional

from pydantic import Field

from common.api_model import ApiModel


class DocumentOut(ApiModel):
    document_id: str
    content_type: str
    size_bytes: int
    filename: Optional[str]
    uploaded_at: datetime
    attached_to: Optional[str] = Field(description="Application number, once attached")
