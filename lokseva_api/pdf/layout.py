"""The page furniture shared by certificates and certified copies: letterhead,
bilingual title, labelled rows, paragraphs, tables, QR code, signature."""
from __future__ import annotations

from typing import List, Sequence, Tuple

import segno
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from ..texts import Bilingual
from .fonts import FontSet

NEXT_LINE = {"new_x": XPos.LMARGIN, "new_y": YPos.NEXT}
INK = (20, 40, 90)
LINE_HEIGHT_FACTOR = 0.62  # mm of line height per point of font size: room for matras above and below


def both(text: Bilingual, separator: str = " / ") -> str:
    return f"{text.hi}{separator}{text.en}"


class BilingualPdf(FPDF):
    def __init__(self, fonts: FontSet, title: str):
        super().__init__(format="A4")
        self.add_font("latin", "", str(fonts.latin))
        self.add_font("latin", "B", str(fonts.latin_bold))
        self.add_font("deva", "", str(fonts.devanagari))
        self.add_font("deva", "B", str(fonts.devanagari_bold))
        self.set_fallback_fonts(["deva"])
        # HarfBuzz shaping: without it conjuncts (क्ष, प्र) and the i-matra come out broken.
        self.set_text_shaping(True)
        self.set_title(title)
        self.set_margins(18, 18, 18)
        self.set_auto_page_break(True, margin=18)
        self.add_page()
        self._border()

    def set_font(self, *args, **kwargs) -> None:  # type: ignore[override]
        # fpdf2 2.8.9 bug workaround: after a line that ends in the fallback (Devanagari)
        # font, the page's font state is restored away and the next Latin line is drawn
        # with no font ("No font in show"). Writing the font to the page right here,
        # outside any q/Q block, keeps it.
        super().set_font(*args, **kwargs)
        if self.page and not self.current_font_is_set_on_page:
            self._out(self._set_font_for_page(self.current_font, self.font_size_pt))

    def _border(self) -> None:
        self.set_draw_color(*INK)
        self.set_line_width(0.8)
        self.rect(8, 8, self.w - 16, self.h - 16)
        self.set_line_width(0.2)
        self.rect(10, 10, self.w - 20, self.h - 20)

    def font(self, size: float, bold: bool = False) -> float:
        self.set_font("latin", "B" if bold else "", size)
        return size * LINE_HEIGHT_FACTOR

    def centered(self, text: str, size: float, bold: bool = False) -> None:
        height = self.font(size, bold)
        self.multi_cell(0, height, text, align="C", **NEXT_LINE)

    def letterhead(self, government: Bilingual, office: Bilingual) -> None:
        self.set_text_color(*INK)
        self.centered(both(government), 13, bold=True)
        self.centered(both(office), 11)
        self.ln(2)
        self.set_draw_color(*INK)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(4)

    def title_block(self, title: Bilingual) -> None:
        self.set_text_color(*INK)
        self.centered(title.hi, 20, bold=True)
        self.centered(title.en, 15, bold=True)
        self.set_text_color(0, 0, 0)
        self.ln(4)

    def labelled_rows(self, rows: Sequence[Tuple[Bilingual, str]], label_width: float = 75) -> None:
        for label, value in rows:
            height = self.font(10.5)
            self.cell(label_width, height, both(label) + ":")
            self.font(10.5, bold=True)
            self.multi_cell(0, height, value, **NEXT_LINE)
        self.ln(3)

    def paragraph(self, text: str, size: float = 11.5) -> None:
        height = self.font(size)
        self.multi_cell(0, height, text, align="J", **NEXT_LINE)
        self.ln(3)

    def data_table(self, headers: Sequence[Bilingual], rows: Sequence[Sequence[str]], widths: Sequence[float]) -> None:
        """Column headers in both languages, one above the other; the first row is the header."""
        height = self.font(9.5)
        with self.table(col_widths=tuple(widths), text_align="LEFT", line_height=height * 1.3) as table:
            header = table.row()
            for text in headers:
                header.cell(f"{text.hi}\n{text.en}")
            for values in rows:
                row = table.row()
                for value in values:
                    row.cell(value)
        self.ln(3)

    def qr_code(self, data: str, x: float, y: float, size: float) -> None:
        """Drawn as filled squares (vector, no image file); runs of dark modules become one rectangle."""
        matrix: List[bytearray] = segno.make(data, error="m", micro=False).matrix
        module = size / len(matrix)
        self.set_fill_color(0, 0, 0)
        for row_index, row in enumerate(matrix):
            column = 0
            while column < len(row):
                if not row[column]:
                    column += 1
                    continue
                start = column
                while column < len(row) and row[column]:
                    column += 1
                self.rect(x + start * module, y + row_index * module, (column - start) * module, module, style="F")

    def signature(self, lines: Sequence[str], width: float = 80) -> None:
        self.ln(8)
        x = self.w - self.r_margin - width
        for index, line in enumerate(lines):
            self.set_x(x)
            height = self.font(10.5, bold=index == 0)
            self.multi_cell(width, height, line, align="C", **NEXT_LINE)

    def to_bytes(self) -> bytes:
        return bytes(self.output())
