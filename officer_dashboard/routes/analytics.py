"""The analytics page: complaints by category and ward with their resolution times and SLA,
Lok Seva applications by service with their decision times and statutory time limit,
as inline SVG bar charts, for the officer's department(s) (an admin: everything)."""
from __future__ import annotations

from typing import Any, Dict, List, Optional

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from ..analytics import ComplaintFigures, complaint_figures
from ..backends import LokSevaClient
from ..charts import BarChart, bar_chart
from ..context import Dashboard, get_dashboard
from ..texts import localized, texts
from ..users import User
from ..web import current_user, render

router = APIRouter()


def _percent(share: Optional[float]) -> Optional[float]:
    return None if share is None else round(share * 100, 1)


def _percent_text(value: float) -> str:
    return f"{value:g}%"


def application_report(lokseva: LokSevaClient, user: User) -> Optional[Dict[str, Any]]:
    """The Lok Seva report of the officer's departments; None when they render no Lok Seva service."""
    if user.is_admin:
        departments: List[str] = []
    elif user.department and user.department.lokseva:
        departments = sorted(user.department.lokseva)
    else:
        return None
    return lokseva.applications_report(departments)


def _complaint_charts(figures: ComplaintFigures, labels: Dict[str, str]) -> List[BarChart]:
    resolution = sorted(figures.resolution_by_category.items())
    return [
        bar_chart("complaints-by-category", labels["complaints_by_category"], figures.by_category,
                  labels["no_data"]),
        bar_chart("complaints-by-ward", labels["complaints_by_ward"], figures.by_ward, labels["no_data"]),
        bar_chart("complaint-hours", labels["complaint_hours_by_category"],
                  [(name, group["median_hours"]) for name, group in resolution], labels["no_data"]),
        bar_chart("complaint-sla", labels["complaint_sla_by_category"],
                  [(name, _percent(group["sla"]["share_in_time"])) for name, group in resolution], labels["no_data"],
                  value_text=_percent_text, scale_max=100),
    ]


def _application_charts(report: Dict[str, Any], labels: Dict[str, str]) -> List[BarChart]:
    services = [(localized(item["service"]["name"]), item) for item in report["services"]]
    return [
        bar_chart("applications-by-service", labels["applications_by_service"],
                  [(name, item["total"]) for name, item in services], labels["no_data"]),
        bar_chart("application-days", labels["application_days_by_service"],
                  [(name, item["median_days_to_decision"]) for name, item in services], labels["no_data"]),
        bar_chart("application-time-limit", labels["application_time_limit_by_service"],
                  [(name, _percent(item["time_limit"]["share_in_time"])) for name, item in services],
                  labels["no_data"], value_text=_percent_text, scale_max=100),
    ]


def handles_complaints(user: User) -> bool:
    """False for a department with no 311 categories: its page has no complaint section."""
    return user.is_admin or bool(user.department and user.department.open311)


@router.get("/analytics")
def analytics(request: Request, user: User = Depends(current_user),
              dashboard: Dashboard = Depends(get_dashboard)) -> Response:
    labels = texts()["analytics"]
    complaint_report = dashboard.items.complaint_report(user) if handles_complaints(user) else None
    complaints = complaint_figures(complaint_report) if complaint_report is not None else None
    report = application_report(dashboard.items.lokseva, user)
    return render(request, "analytics.html", complaints=complaints, report=report,
                  complaint_charts=_complaint_charts(complaints, labels) if complaints is not None else [],
                  application_charts=_application_charts(report, labels) if report else [],
                  percent=_percent)
