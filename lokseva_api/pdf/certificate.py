"""The certificate (or order) PDF issued at the end of a Lok Seva application."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..texts import Bilingual, messages
from .fonts import FontSet
from .layout import BilingualPdf, both

QR_SIZE = 34


@dataclass(frozen=True)
class CertificateContent:
    government: Bilingual
    office: Bilingual
    title: Bilingual
    body: Bilingual
    application_number: str
    applicant_name: str
    issue_date: date
    officer_name: str
    officer_designation: Bilingual
    verification_code: str
    verification_url: str


def render_certificate(content: CertificateContent, fonts: FontSet) -> bytes:
    text = messages().pdf
    pdf = BilingualPdf(fonts, title=f"{content.title.en} {content.application_number}")
    pdf.letterhead(content.government, content.office)
    pdf.title_block(content.title)
    pdf.labelled_rows(
        [
            (text("application_number"), content.application_number),
            (text("applicant"), content.applicant_name),
            (text("issue_date"), content.issue_date.strftime("%d-%m-%Y")),
        ]
    )
    pdf.paragraph(content.body.hi)
    pdf.paragraph(content.body.en)
    pdf.signature([content.officer_name, content.officer_designation.hi, content.officer_designation.en])

    # Verification block at the foot of the page: QR code beside code and URL.
    top = pdf.h - 18 - QR_SIZE - 12
    pdf.qr_code(content.verification_url, pdf.l_margin, top, QR_SIZE)
    pdf.set_xy(pdf.l_margin + QR_SIZE + 5, top + 2)
    rows = [
        (f"{both(text('verification_code'))}: {content.verification_code}", True),
        (both(text("verify_at"), " / ") + ":", False),
        (content.verification_url, False),
    ]
    for line, bold in rows:
        height = pdf.font(9.5, bold=bold)
        pdf.set_x(pdf.l_margin + QR_SIZE + 5)
        pdf.multi_cell(0, height, line, new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(top + QR_SIZE + 3)
    pdf.font(8.5)
    pdf.multi_cell(0, 4.5, both(text("digitally_issued"), "  "), align="C", new_x="LMARGIN", new_y="NEXT")
    return pdf.to_bytes()
