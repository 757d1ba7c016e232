from datetime import datetime
from typing import Optional

from pydantic import BaseModel, Field


class DocumentOut(BaseModel):
    document_id: str
    content_type: str
    size_bytes: int
    filename: Optional[str]
    uploaded_at: datetime
    attached_to: Optional[str] = Field(description="Application number, once attached")
