"""Logging in: hashed passwords, sessions, CSRF on every POST, a limit on failed logins."""
from dashboard_helpers import DEV_PASSWORD, csrf_of
from fastapi.testclient import TestClient


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


def test_one_officers_failures_do_not_lock_out_a_colleague_at_the_same_address(app):
    client = TestClient(app)  # every TestClient request comes from the same address, like an office NAT
    for _ in range(3):  # DASHBOARD_LOGIN_ATTEMPTS in conftest
        assert _login(client, "revenue_officer", "wrong").status_code == 401
    assert _login(client, "revenue_officer", DEV_PASSWORD).status_code == 429
    assert _login(TestClient(app), "urban_officer", DEV_PASSWORD).status_code == 303


def test_logging_out_ends_the_session_even_for_a_copy_of_its_cookie(app, login):
    officer = login("urban_officer")
    copied = dict(officer.cookies)
    assert TestClient(app, cookies=copied).get("/", follow_redirects=False).status_code == 200
    officer.post("/logout", data={"csrf_token": csrf_of(officer, "/")})
    replayed = TestClient(app, cookies=copied).get("/", follow_redirects=False)
    assert replayed.status_code == 303 and replayed.headers["location"] == "/login"


def test_logins_failed_logins_and_logouts_are_audited_with_a_masked_address(app, login):
    client = TestClient(app)
    _login(client, "urban_officer", "wrong")
    _login(client, "not_an_officer", "guess")
    _login(client, "urban_officer", DEV_PASSWORD)
    client.post("/logout", data={"csrf_token": csrf_of(client, "/")})
    entries = app.state.dashboard.audit.entries(kind="session")
    assert [(e.username, e.action, e.outcome, e.department) for e in reversed(entries)] == [
        ("urban_officer", "login", "failed", "urban"), ("not_an_officer", "login", "failed", None),
        ("urban_officer", "login", "ok", "urban"), ("urban_officer", "logout", "ok", "urban")]
    assert {e.note for e in entries} == {"from •••••"}  # TestClient's address is "testclient", not an IP
    table = login("admin").get("/audit", params={"action": "login"}).text.split("<table>")[1]
    assert "not_an_officer" in table and "Log out" not in table
