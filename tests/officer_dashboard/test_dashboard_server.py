"""`python -m officer_dashboard` serves the dashboard on DASHBOARD_PORT."""
import requests

from tests.servers import free_port, running


def test_the_process_serves_the_login_page(tmp_path):
    port = free_port()
    env = {"DASHBOARD_PORT": str(port), "DASHBOARD_DB_URL": f"sqlite:///{tmp_path / 'dashboard.db'}"}
    base = f"http://127.0.0.1:{port}"
    with running(["officer_dashboard"], env, f"{base}/health", tmp_path / "dashboard.log"):
        page = requests.get(f"{base}/", timeout=5)
        assert page.url == f"{base}/login" and 'name="csrf_token"' in page.text
