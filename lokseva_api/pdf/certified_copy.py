"""Certified copies of land records: khasra, khatauni, B-1 and naksha."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import List, Sequence

from ..land_records import LandRecord, Village
from ..texts import Bilingual, messages
from .fonts import FontSet
from .layout import BilingualPdf, both


@dataclass(frozen=True)
class CopyContent:
    government: Bilingual
    office: Bilingual
    tehsil: Bilingual
    record_type: str
    record_type_name: Bilingual
    copy_number: str
    issue_date: date
    village: Village
    record: LandRecord
    khata: Sequence[LandRecord]  # every khasra of the record's account
    officer_name: Bilingual
    officer_designation: Bilingual


def _owners(record: LandRecord) -> str:
    return "\n".join(f"{o.name.hi} ({o.relative.hi}) / {o.name.en} ({o.relative.en}) — {o.share}" for o in record.owners)


def _khasra_table(pdf: BilingualPdf, records: Sequence[LandRecord], with_total: bool) -> None:
    text = messages().pdf
    rows: List[List[str]] = [
        [r.khasra_number, f"{r.area_hectare:.3f}", both(r.land_use, "\n"), both(r.irrigation, "\n")] for r in records
    ]
    if with_total:
        rows.append([both(text("total_area"), "\n"), f"{sum(r.area_hectare for r in records):.3f}", "", ""])
    headers = [text("khasra_number"), text("area_hectare"), text("land_use"), text("irrigation")]
    pdf.data_table(headers, rows, widths=(30, 30, 57, 57))


def _naksha(pdf: BilingualPdf, record: LandRecord) -> None:
    """A sketch of the plot with the neighbouring khasra numbers on each side."""
    text = messages().pdf
    width, height = 70, 45
    x = (pdf.w - width) / 2
    y = pdf.get_y() + 14
    pdf.set_line_width(0.6)
    pdf.rect(x, y, width, height)
    pdf.font(14, bold=True)
    pdf.set_xy(x, y + height / 2 - 4)
    pdf.cell(width, 8, record.khasra_number, align="C")
    pdf.font(9.5)
    sides = [
        ("north", x, y - 11, width),
        ("south", x, y + height + 2, width),
        ("west", x - 52, y + height / 2 - 4, 50),
        ("east", x + width + 2, y + height / 2 - 4, 50),
    ]
    for side, left, top, cell_width in sides:
        pdf.set_xy(left, top)
        pdf.multi_cell(cell_width, 4.5, f"{both(text(side))}\n{getattr(record.boundaries, side)}", align="C")
    pdf.set_y(y + height + 16)


def render_certified_copy(content: CopyContent, fonts: FontSet) -> bytes:
    text = messages().pdf
    pdf = BilingualPdf(fonts, title=f"{content.record_type_name.en} {content.copy_number}")
    pdf.letterhead(content.government, content.office)
    pdf.title_block(Bilingual(
        hi=f"{text('certified_copy').hi}: {content.record_type_name.hi}",
        en=f"{text('certified_copy').en}: {content.record_type_name.en}",
    ))
    record = content.record
    pdf.labelled_rows(
        [
            (text("copy_number"), content.copy_number),
            (text("issue_date"), content.issue_date.strftime("%d-%m-%Y")),
            (text("village"), both(content.village.name)),
            (text("tehsil"), both(content.tehsil)),
            (text("patwari_halka"), str(content.village.patwari_halka)),
            (text("khata_number"), str(record.khata_number)),
            (text("naksha_sheet"), str(record.naksha_sheet)),
        ],
        label_width=62,
    )
    pdf.font(10.5, bold=True)
    pdf.multi_cell(0, 6.5, both(text("owners")) + ":", new_x="LMARGIN", new_y="NEXT")
    pdf.paragraph(_owners(record), size=10.5)
    if content.record_type == "naksha":
        _naksha(pdf, record)
    else:
        many = content.record_type in ("khatauni", "b1")
        _khasra_table(pdf, content.khata if many else [record], with_total=many)
    pdf.paragraph(both(text("copy_note"), "\n"), size=10)
    pdf.signature([both(content.officer_name), both(content.officer_designation), both(content.tehsil)])
    return pdf.to_bytes()
