"""Counts of complaints by category, ward and status, for the analytics page."""
from __future__ import annotations

from collections import Counter
from typing import Any, Dict, List


def complaint_counts(complaints: List[Dict[str, Any]]) -> Dict[str, List[tuple]]:
    """Each breakdown as (name, count, overdue count), most frequent first."""
    breakdowns = {
        "category": lambda item: item["service_name"],
        "ward": lambda item: (item["extended_attributes"].get("ward") or {}).get("name", "-"),
        "status": lambda item: item["extended_attributes"]["internal_status"],
    }
    result = {}
    for name, key in breakdowns.items():
        total = Counter(map(key, complaints))
        overdue = Counter(key(item) for item in complaints if item["extended_attributes"].get("overdue"))
        result[name] = [(value, count, overdue[value]) for value, count in total.most_common()]
    return result
