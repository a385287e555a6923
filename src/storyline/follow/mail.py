"""Digest e-mail: building a multipart message and handing it to an SMTP server.

Settings come from keyword arguments, else the environment (``STORYLINE_SMTP_HOST``, ``_PORT``,
``_USER``, ``_PASSWORD``, ``_FROM``, ``_STARTTLS``, ``_SSL``, ``_TIMEOUT``, ``_CAFILE``), else
defaults (localhost:25, no TLS, no login). Every failure (refused connection, timeout, STARTTLS not
offered, login refused, recipient or message rejected, connection dropped) becomes one
``DeliveryError`` line naming the server and what it said; nothing else escapes ``Mailer.send``.
"""

from __future__ import annotations

import email.utils
import hashlib
import os
import smtplib
import ssl
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from email.message import EmailMessage
from email.policy import SMTP
from types import TracebackType
from typing import Any

from storyline.errors import DeliveryError, InputError

ENV_PREFIX = "STORYLINE_SMTP_"
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def _flag(name: str, value: str) -> bool:
    v = value.strip().lower()
    if v in _TRUE:
        return True
    if v in _FALSE:
        return False
    raise InputError(f"{ENV_PREFIX}{name}={value!r} is not a yes/no value: use 1 or 0")


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    """Where and how digests are sent. ``port`` 0 means the usual one (465 SSL, 587 STARTTLS,
    else 25)."""

    host: str = "localhost"
    port: int = 0
    user: str | None = None
    password: str | None = None
    sender: str = "storyline@localhost"
    starttls: bool = False
    ssl: bool = False
    timeout: float = 30.0
    # A CA bundle to trust besides the system's (a self-hosted server's own certificate).
    cafile: str | None = None

    @property
    def effective_port(self) -> int:
        if self.port:
            return self.port
        return 465 if self.ssl else 587 if self.starttls else 25

    @property
    def address(self) -> str:
        return f"{self.host}:{self.effective_port}"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> SmtpSettings:
        """Settings from ``STORYLINE_SMTP_*``; keyword arguments that are not None win."""
        env = os.environ if env is None else env
        values: dict[str, Any] = {}

        def get(name: str) -> str | None:
            value = env.get(ENV_PREFIX + name)
            return value if value not in (None, "") else None

        if (host := get("HOST")) is not None:
            values["host"] = host
        if (port := get("PORT")) is not None:
            values["port"] = _port(port, f"{ENV_PREFIX}PORT")
        if (user := get("USER")) is not None:
            values["user"] = user
        if (password := get("PASSWORD")) is not None:
            values["password"] = password
        if (sender := get("FROM")) is not None:
            values["sender"] = sender
        if (flag := get("STARTTLS")) is not None:
            values["starttls"] = _flag("STARTTLS", flag)
        if (flag := get("SSL")) is not None:
            values["ssl"] = _flag("SSL", flag)
        if (timeout := get("TIMEOUT")) is not None:
            try:
                values["timeout"] = float(timeout)
            except ValueError:
                raise InputError(
                    f"{ENV_PREFIX}TIMEOUT={timeout!r} is not a number of seconds"
                ) from None
        if (cafile := get("CAFILE")) is not None:
            values["cafile"] = cafile
        values.update({k: v for k, v in overrides.items() if v is not None})
        settings = replace(cls(), **values)
        settings.check()
        return settings

    def check(self) -> None:
        if not self.host.strip():
            raise InputError("no SMTP host: pass --smtp-host or set STORYLINE_SMTP_HOST")
        if not 0 <= self.port <= 65535:
            raise InputError(f"SMTP port {self.port} is out of range: give 1-65535")
        if self.starttls and self.ssl:
            raise InputError("choose STARTTLS or SSL, not both (STORYLINE_SMTP_STARTTLS / _SSL)")
        if self.user and self.password is None:
            raise InputError("SMTP user given without a password: set STORYLINE_SMTP_PASSWORD")
        if self.timeout <= 0:
            raise InputError(f"SMTP timeout {self.timeout} must be a positive number of seconds")


def _port(value: str, what: str) -> int:
    try:
        port = int(value)
    except ValueError:
        raise InputError(f"{what}={value!r} is not a port number") from None
    return port


def message_id(follow_id: int, recipient: str, item_keys: Sequence[str], sender: str) -> str:
    """A Message-ID that depends only on the follow, the recipient and the items it carries, so
    the same digest prepared twice gets the same id (and a duplicate can be recognised)."""
    basis = "\n".join([str(follow_id), recipient.lower(), *sorted(item_keys)])
    digest = hashlib.sha256(basis.encode("utf-8")).hexdigest()[:24]
    domain = sender.rsplit("@", 1)[-1].strip("<> ") if "@" in sender else "storyline.invalid"
    return f"storyline.digest.{follow_id}.{digest}@{domain or 'storyline.invalid'}"


def build_message(
    *,
    sender: str,
    recipient: str,
    subject: str,
    text: str,
    html: str,
    msg_id: str,
    headers: Mapping[str, str] | None = None,
) -> bytes:
    """A multipart/alternative message (a real text/plain part, then HTML) as bytes with CRLF."""
    msg = EmailMessage(policy=SMTP)
    msg["From"] = sender
    msg["To"] = recipient
    msg["Subject"] = subject
    msg["Date"] = email.utils.formatdate(localtime=False, usegmt=True)
    msg["Message-ID"] = f"<{msg_id}>"
    msg["Auto-Submitted"] = "auto-generated"
    for name, value in (headers or {}).items():
        msg[name] = value
    msg.set_content(text, subtype="plain", charset="utf-8")
    msg.add_alternative(html, subtype="html", charset="utf-8")
    return msg.as_bytes()


class Mailer:
    """One SMTP session, opened on the first ``send`` and reopened after a failure.

    >>> with Mailer(SmtpSettings(host="localhost", port=1025)) as mailer:  # doctest: +SKIP
    ...     mailer.send(raw, sender="me@example.org", recipient="you@example.org")
    """

    def __init__(self, settings: SmtpSettings) -> None:
        self.settings = settings
        self._smtp: smtplib.SMTP | None = None

    def __enter__(self) -> Mailer:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        smtp, self._smtp = self._smtp, None
        if smtp is None:
            return
        try:
            smtp.quit()
        except (smtplib.SMTPException, OSError):
            smtp.close()

    def _connect(self) -> smtplib.SMTP:
        s = self.settings
        context = ssl.create_default_context(cafile=s.cafile) if (s.starttls or s.ssl) else None
        smtp: smtplib.SMTP
        if s.ssl:
            smtp = smtplib.SMTP_SSL(s.host, s.effective_port, timeout=s.timeout, context=context)
        else:
            smtp = smtplib.SMTP(s.host, s.effective_port, timeout=s.timeout)
        try:
            smtp.ehlo()
            if s.starttls:
                if not smtp.has_extn("starttls"):
                    raise DeliveryError(
                        f"SMTP server {s.address} does not offer STARTTLS: "
                        "unset STORYLINE_SMTP_STARTTLS or use another server"
                    )
                smtp.starttls(context=context)
                smtp.ehlo()
            if s.user:
                smtp.login(s.user, s.password or "")
        except BaseException:
            smtp.close()
            raise
        return smtp

    def send(self, raw: bytes, *, sender: str, recipient: str) -> None:
        """Hand one message to the server; returns only when the server accepted it."""
        try:
            if self._smtp is None:
                self._smtp = self._connect()
            refused = self._smtp.sendmail(sender, [recipient], raw)
        except DeliveryError:
            self._drop()
            raise
        except smtplib.SMTPRecipientsRefused as exc:
            code, text = next(iter(exc.recipients.values()), (0, b""))
            raise DeliveryError(self._said(f"refused recipient {recipient}", code, text)) from None
        except smtplib.SMTPSenderRefused as exc:
            raise DeliveryError(
                self._said(f"refused sender {sender}", exc.smtp_code, exc.smtp_error)
            ) from None
        except smtplib.SMTPAuthenticationError as exc:
            self._drop()
            raise DeliveryError(
                self._said(f"refused login as {self.settings.user}", exc.smtp_code, exc.smtp_error)
                + "; check STORYLINE_SMTP_USER/PASSWORD"
            ) from None
        except smtplib.SMTPNotSupportedError as exc:
            self._drop()
            raise DeliveryError(
                f"SMTP server {self.settings.address}: {_oneline(str(exc))}"
            ) from None
        except smtplib.SMTPResponseException as exc:
            self._drop()
            raise DeliveryError(
                self._said("rejected the message", exc.smtp_code, exc.smtp_error)
            ) from None
        except smtplib.SMTPServerDisconnected as exc:
            self._drop()
            reason = _oneline(str(exc)) or "no reason given"
            raise DeliveryError(
                f"SMTP server {self.settings.address} closed the connection: {reason}"
            ) from None
        except (ssl.SSLError, ssl.CertificateError) as exc:
            self._drop()
            raise DeliveryError(
                f"TLS with SMTP server {self.settings.address} failed: {_oneline(str(exc))}"
            ) from None
        except TimeoutError:
            self._drop()
            raise DeliveryError(
                f"SMTP server {self.settings.address} did not answer "
                f"within {self.settings.timeout:g} s"
            ) from None
        except (smtplib.SMTPException, OSError) as exc:
            self._drop()
            reason = _oneline(str(exc)) or type(exc).__name__
            raise DeliveryError(
                f"cannot reach SMTP server {self.settings.address}: {reason}"
            ) from None
        if refused:
            code, text = refused.get(recipient, next(iter(refused.values())))
            raise DeliveryError(self._said(f"refused recipient {recipient}", code, text))

    def _drop(self) -> None:
        smtp, self._smtp = self._smtp, None
        if smtp is not None:
            smtp.close()

    def _said(self, what: str, code: int, text: bytes | str) -> str:
        said = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
        return f"SMTP server {self.settings.address} {what}: {code} {_oneline(said)}".rstrip()


def _oneline(text: str) -> str:
    return " ".join(text.split())
