"""A real SMTP server for the follow tests: aiosmtpd on 127.0.0.1, on a free port. (The
``workspace`` fixture, over SQLite and PostgreSQL, comes from tests/workspace_fixtures.py.)

``smtp_server`` records every message the server accepts (envelope + parsed message) and can be
told to misbehave: refuse a recipient at RCPT, or drop the connection during DATA. ``smtp_tls``
adds STARTTLS with a self-signed certificate (made with the ``openssl`` command; skipped without
it) and required authentication.
"""

from __future__ import annotations

import email
import email.policy
import shutil
import socket
import ssl
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

USER, PASSWORD = "digest", "s3cret-pass"


def db_arg(workspace: Any) -> str:
    """What ``--db`` / ``Workspace()`` take to open ``workspace`` again (another process)."""
    url = workspace.url
    if url.get_backend_name() == "sqlite":
        return str(url.database)
    return str(url.render_as_string(hide_password=False))


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    raw: bytes
    message: EmailMessage

    @property
    def message_id(self) -> str:
        return str(self.message["Message-ID"])


@dataclass
class Recorder:
    """An aiosmtpd handler that keeps what it accepts and fails on request."""

    messages: list[Received] = field(default_factory=list)
    reject_rcpt: set[str] = field(default_factory=set)
    # How many of the next DATA commands end with the connection cut instead of "250".
    drop_next: int = 0
    dropped: int = 0
    # Seconds to wait before answering DATA: a slow server, for overlapping runs.
    delay: float = 0.0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.reject_rcpt:
            return f"550 5.1.1 <{address}>: mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.drop_next > 0:
            self.drop_next -= 1
            self.dropped += 1
            server.transport.close()
            return "421 4.4.2 connection dropped"
        raw = bytes(envelope.original_content or envelope.content)
        parsed = email.message_from_bytes(raw, policy=email.policy.default)
        assert isinstance(parsed, EmailMessage)
        self.messages.append(Received(envelope.mail_from, list(envelope.rcpt_tos), raw, parsed))
        return "250 2.0.0 accepted"

    def to(self, address: str) -> list[Received]:
        return [m for m in self.messages if address in m.rcpt_tos]


@dataclass
class SmtpServer:
    host: str
    port: int
    handler: Recorder
    cafile: str | None = None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start(handler: Recorder, **kwargs: Any) -> Controller:
    controller = Controller(handler, hostname="127.0.0.1", port=free_port(), **kwargs)
    controller.start()
    return controller


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    handler = Recorder()
    controller = _start(handler)
    try:
        yield SmtpServer("127.0.0.1", controller.port, handler)
    finally:
        controller.stop()


def _authenticator(server, session, envelope, mechanism, auth_data):  # type: ignore[no-untyped-def]
    ok = (
        isinstance(auth_data, LoginPassword)
        and auth_data.login == USER.encode()
        and auth_data.password == PASSWORD.encode()
    )
    # handled=False: let the server answer 235 or 535 itself.
    return AuthResult(success=ok, handled=False)


@pytest.fixture(scope="session")
def self_signed_cert(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    if shutil.which("openssl") is None:
        pytest.skip("the openssl command is not installed (needed for a self-signed certificate)")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-keyout", str(key), "-out", str(cert), "-subj", "/CN=localhost",
            "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


@pytest.fixture
def smtp_tls(self_signed_cert: tuple[Path, Path]) -> Iterator[SmtpServer]:
    """STARTTLS required, then AUTH (LOGIN/PLAIN) required, with USER / PASSWORD."""
    cert, key = self_signed_cert
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    handler = Recorder()
    controller = _start(
        handler,
        tls_context=context,
        require_starttls=True,
        auth_required=True,
        authenticator=_authenticator,
    )
    try:
        yield SmtpServer("127.0.0.1", controller.port, handler, cafile=str(cert))
    finally:
        controller.stop()


@pytest.fixture
def smtp_auth_plain() -> Iterator[SmtpServer]:
    """AUTH required without TLS (aiosmtpd's auth_require_tls=False)."""
    handler = Recorder()
    controller = _start(
        handler, auth_required=True, auth_require_tls=False, authenticator=_authenticator
    )
    try:
        yield SmtpServer("127.0.0.1", controller.port, handler)
    finally:
        controller.stop()
