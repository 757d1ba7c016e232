"""Complaint figures for the analytics page, as the 311 API reports them (GET reports/complaints,
counted in its database): counts by category and ward, the median hours from filing to resolution
and how many were resolved by their SLA time, overall and per category."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, List, Tuple

Resolution = Dict[str, Any]  # {"median_hours", "sla": {"in_time", "settled_late", "open_overdue", "share_in_time"}}


@dataclass
class ComplaintFigures:
    total: int
    open: int
    by_category: List[Tuple[str, int]]  # (name, count), most first
    by_ward: List[Tuple[str, int]]
    resolution: Resolution
    resolution_by_category: Dict[str, Resolution]


def complaint_figures(report: Dict[str, Any]) -> ComplaintFigures:
    categories = report["categories"]
    return ComplaintFigures(
        total=report["total"],
        open=report["open"],
        by_category=[(item["service_name"], item["total"]) for item in categories],
        by_ward=[(item["name"], item["total"]) for item in report["wards"]],
        resolution=report["resolution"],
        resolution_by_category={item["service_name"]: item["resolution"] for item in categories},
    )
