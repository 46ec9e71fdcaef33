"""The real gunicorn process with the project's gunicorn.conf.py: what a client
on the network sees."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ontheffing.middleware import CONTENT_SECURITY_POLICY

BASIS = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).with_name("gunicorn")


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def vraag(poort: int, verzoek: bytes, timeout: float = 10) -> bytes:
    """Sends raw bytes and reads the answer until the server closes."""
    with socket.create_connection(("127.0.0.1", poort), timeout=timeout) as s:
        s.sendall(verzoek)
        delen = []
        while deel := s.recv(65536):
            delen.append(deel)
    return b"".join(delen)


def koppen(antwoord: bytes) -> dict[str, str]:
    kop = antwoord.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")[1:]
    return {k.lower(): v.strip() for k, v in (r.split(":", 1) for r in kop)}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    poort = vrije_poort()
    omgeving = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path_factory.mktemp('db') / 'db.sqlite3'}",
        "GUNICORN_BIND": f"127.0.0.1:{poort}",
        "GUNICORN_WORKERS": "1",
    }
    proces = subprocess.Popen(
        [str(GUNICORN), "ontheffing.wsgi"],
        cwd=BASIS,
        env=omgeving,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    einde = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", poort), timeout=1).close()
            break
        except OSError:
            if proces.poll() is not None or time.monotonic() > einde:
                proces.kill()
                pytest.fail(f"gunicorn start niet: {proces.stderr.read().decode()}")
            time.sleep(0.05)  # polling a condition, not a fixed wait
    yield poort
    proces.terminate()
    proces.wait(timeout=10)


def get(poort, pad):
    return vraag(
        poort,
        f"GET {pad} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode(),
    )


def test_the_server_does_not_name_itself(server):
    for pad in ("/", "/static/ontheffing/style.css", "/bestaat-niet/"):
        assert "server" not in koppen(get(server, pad))
        assert b"gunicorn" not in get(server, pad).lower()


def test_static_files_over_the_wire_carry_the_security_headers(server):
    antwoord = get(server, "/static/ontheffing/style.css")
    assert antwoord.startswith(b"HTTP/1.1 200")
    assert koppen(antwoord)["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert koppen(antwoord)["x-frame-options"] == "DENY"


def test_an_oversized_upload_is_answered_before_the_body_is_sent(server):
    """Only the headers of a 60 MB upload go out; the answer comes at once."""
    verzoek = (
        b"POST /mijn/nieuw/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        b"Content-Type: multipart/form-data; boundary=x\r\n"
        b"Content-Length: 62914560\r\n\r\n--x\r\n"
    )
    antwoord = vraag(server, verzoek)
    assert antwoord.startswith(b"HTTP/1.1 413")
    assert "hoogstens 10 MB" in antwoord.decode("utf-8", "replace")
