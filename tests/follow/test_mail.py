"""mail: SMTP settings, multipart messages, and delivery against a real aiosmtpd server."""

from __future__ import annotations

import pytest

from storyline.errors import DeliveryError, InputError
from storyline.follow.mail import Mailer, SmtpSettings, build_message, message_id

from .conftest import PASSWORD, USER, free_port

SENDER = "storyline@example.org"


def raw_message(to: str = "reader@example.org", msg_id: str = "m1@example.org") -> bytes:
    return build_message(
        sender=SENDER,
        recipient=to,
        subject="storyline: 1 new item on story 1",
        text="* 2025-11-21  Trump rejected Maduro's requests\n",
        html="<p><strong>2025-11-21</strong> Trump rejected Maduro&#39;s requests</p>",
        msg_id=msg_id,
    )


@pytest.mark.parametrize(
    "env, expected",
    [
        ({}, SmtpSettings()),
        (
            {
                "STORYLINE_SMTP_HOST": "mail.example.org",
                "STORYLINE_SMTP_PORT": "2525",
                "STORYLINE_SMTP_USER": "u",
                "STORYLINE_SMTP_PASSWORD": "p",
                "STORYLINE_SMTP_FROM": "news@example.org",
                "STORYLINE_SMTP_STARTTLS": "yes",
            },
            SmtpSettings(
                host="mail.example.org",
                port=2525,
                user="u",
                password="p",
                sender="news@example.org",
                starttls=True,
            ),
        ),
    ],
)
def test_settings_from_env(env, expected):
    assert SmtpSettings.from_env(env) == expected


@pytest.mark.parametrize(
    "settings, port",
    [(SmtpSettings(), 25), (SmtpSettings(starttls=True), 587), (SmtpSettings(ssl=True), 465)],
)
def test_settings_default_port(settings, port):
    assert settings.effective_port == port


def test_settings_arguments_override_env():
    env = {"STORYLINE_SMTP_HOST": "env-host", "STORYLINE_SMTP_PORT": "25"}
    s = SmtpSettings.from_env(env, host="cli-host", port=None)
    assert (s.host, s.port) == ("cli-host", 25)


@pytest.mark.parametrize(
    "env, message",
    [
        ({"STORYLINE_SMTP_PORT": "smtp"}, "STORYLINE_SMTP_PORT='smtp' is not a port number"),
        ({"STORYLINE_SMTP_STARTTLS": "maybe"}, "is not a yes/no value"),
        ({"STORYLINE_SMTP_USER": "u"}, "without a password"),
        ({"STORYLINE_SMTP_STARTTLS": "1", "STORYLINE_SMTP_SSL": "1"}, "not both"),
    ],
)
def test_settings_bad_env_is_input_error(env, message):
    with pytest.raises(InputError, match=message):
        SmtpSettings.from_env(env)


@pytest.mark.parametrize("keys", [["1:a:new_entry", "1:b:new_entry"]])
def test_message_id_stable_and_order_free(keys):
    a = message_id(1, "r@example.org", keys, SENDER)
    assert a == message_id(1, "R@example.org", list(reversed(keys)), SENDER)
    assert a != message_id(1, "other@example.org", keys, SENDER)
    assert a != message_id(1, "r@example.org", keys[:1], SENDER)
    assert a.endswith("@example.org")


def test_build_message_is_multipart_with_real_text_part():
    import email
    import email.policy

    msg = email.message_from_bytes(raw_message(), policy=email.policy.default)
    assert msg.get_content_type() == "multipart/alternative"
    parts = [p.get_content_type() for p in msg.iter_parts()]
    assert parts == ["text/plain", "text/html"]
    assert "Trump rejected" in msg.get_body(("plain",)).get_content()
    assert msg["Message-ID"] == "<m1@example.org>"


@pytest.mark.smtp
def test_mailer_delivers_to_real_server(smtp_server):
    settings = SmtpSettings(host=smtp_server.host, port=smtp_server.port, sender=SENDER)
    with Mailer(settings) as mailer:
        mailer.send(raw_message(msg_id="a@x"), sender=SENDER, recipient="a@example.org")
        mailer.send(raw_message(msg_id="b@x"), sender=SENDER, recipient="b@example.org")
    got = smtp_server.handler.messages
    assert [(m.rcpt_tos, m.message_id) for m in got] == [
        (["a@example.org"], "<a@x>"),
        (["b@example.org"], "<b@x>"),
    ]


@pytest.mark.smtp
def test_mailer_starttls_and_login(smtp_tls):
    settings = SmtpSettings(
        host=smtp_tls.host,
        port=smtp_tls.port,
        sender=SENDER,
        starttls=True,
        user=USER,
        password=PASSWORD,
        cafile=smtp_tls.cafile,
    )
    with Mailer(settings) as mailer:
        mailer.send(raw_message(), sender=SENDER, recipient="reader@example.org")
    assert len(smtp_tls.handler.messages) == 1


@pytest.mark.smtp
@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"starttls": False, "user": None}, "530"),  # the server insists on STARTTLS
        ({"password": "wrong"}, "refused login as digest: 535"),
        ({"cafile": None}, "TLS with SMTP server 127.0.0.1:"),  # self-signed: not trusted
    ],
)
def test_mailer_tls_failures_are_one_line(smtp_tls, overrides, message):
    values = dict(
        host=smtp_tls.host,
        port=smtp_tls.port,
        sender=SENDER,
        starttls=True,
        user=USER,
        password=PASSWORD,
        cafile=smtp_tls.cafile,
    )
    values.update(overrides)
    with Mailer(SmtpSettings(**values)) as mailer, pytest.raises(DeliveryError) as info:
        mailer.send(raw_message(), sender=SENDER, recipient="reader@example.org")
    assert message in str(info.value)
    assert "\n" not in str(info.value)
    assert smtp_tls.handler.messages == []


@pytest.mark.smtp
@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_mailer_auth_without_tls(smtp_auth_plain):
    settings = SmtpSettings(
        host=smtp_auth_plain.host,
        port=smtp_auth_plain.port,
        sender=SENDER,
        user=USER,
        password=PASSWORD,
    )
    with Mailer(settings) as mailer:
        mailer.send(raw_message(), sender=SENDER, recipient="reader@example.org")
    assert len(smtp_auth_plain.handler.messages) == 1


@pytest.mark.smtp
def test_mailer_refused_recipient_then_others_still_go(smtp_server):
    smtp_server.handler.reject_rcpt.add("gone@example.org")
    settings = SmtpSettings(host=smtp_server.host, port=smtp_server.port, sender=SENDER)
    with Mailer(settings) as mailer:
        with pytest.raises(DeliveryError, match=r"refused recipient gone@example.org: 550"):
            mailer.send(raw_message(), sender=SENDER, recipient="gone@example.org")
        mailer.send(raw_message(), sender=SENDER, recipient="here@example.org")
    assert [m.rcpt_tos for m in smtp_server.handler.messages] == [["here@example.org"]]


@pytest.mark.smtp
def test_mailer_dropped_connection_then_reconnects(smtp_server):
    smtp_server.handler.drop_next = 1
    settings = SmtpSettings(host=smtp_server.host, port=smtp_server.port, sender=SENDER)
    with Mailer(settings) as mailer:
        with pytest.raises(DeliveryError) as info:
            mailer.send(raw_message(), sender=SENDER, recipient="a@example.org")
        assert "\n" not in str(info.value)
        mailer.send(raw_message(), sender=SENDER, recipient="a@example.org")
    assert len(smtp_server.handler.messages) == 1


def test_mailer_unreachable_server_is_one_line():
    settings = SmtpSettings(host="127.0.0.1", port=free_port(), timeout=2)
    with Mailer(settings) as mailer, pytest.raises(DeliveryError, match="cannot reach SMTP server"):
        mailer.send(raw_message(), sender=SENDER, recipient="a@example.org")
