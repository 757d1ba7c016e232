"""Logging in: hashed passwords, sessions, CSRF on every POST, a limit on failed logins."""
from fastapi.testclient import TestClient

from dashboard_helpers import DEV_PASSWORD, csrf_of


def _login(client: TestClient, username: str, password: str):
    return client.post("/login", data={"username": username, "password": password,
                                       "csrf_token": csrf_of(client, "/login")}, follow_redirects=False)


def test_pages_need_a_login(app):
    response = TestClient(app).get("/complaints", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/login"


def test_a_good_password_opens_a_session_and_logout_ends_it(app):
    client = TestClient(app)
    assert _login(client, "urban_officer", DEV_PASSWORD).status_code == 303
    home = client.get("/")
    assert home.status_code == 200 and "Priya Sharma" in home.text
    client.post("/logout", data={"csrf_token": csrf_of(client, "/")})
    assert client.get("/", follow_redirects=False).status_code == 303


def test_a_wrong_password_or_user_is_refused(app):
    client = TestClient(app)
    assert _login(client, "urban_officer", "wrong").status_code == 401
    assert _login(client, "nobody", DEV_PASSWORD).status_code == 401
    assert client.get("/", follow_redirects=False).status_code == 303


def test_too_many_failures_block_even_the_right_password(app):
    client = TestClient(app)
    for _ in range(3):  # DASHBOARD_LOGIN_ATTEMPTS in conftest
        assert _login(client, "revenue_officer", "wrong").status_code == 401
    assert _login(client, "revenue_officer", DEV_PASSWORD).status_code == 429


def test_posts_without_the_session_csrf_token_are_refused(app, login):
    client = TestClient(app)
    client.get("/login")
    refused = client.post("/login", data={"username": "admin", "password": DEV_PASSWORD}, follow_redirects=False)
    assert refused.status_code == 403
    officer = login("urban_officer")
    assert officer.post("/complaints/X/actions", data={"action": "note", "csrf_token": "forged"}).status_code == 403
    assert officer.post("/logout", data={}).status_code == 403


def test_passwords_are_kept_hashed(app):
    user = app.state.dashboard.directory.users["admin"]
    assert user.password_hash.startswith("scrypt$") and DEV_PASSWORD not in user.password_hash


def test_officers_do_not_see_the_audit_log(login):
    assert login("urban_officer").get("/audit").status_code == 403
    assert login("urban_head").get("/audit").status_code == 200
