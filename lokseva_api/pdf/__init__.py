"""Bilingual PDF documents (fpdf2 with HarfBuzz shaping for Devanagari)."""
