"""Pytest plugin loaded before Django: the environment every test run uses.

Production-like settings (DEBUG off, secure cookies) with what a test client needs:
no HTTPS redirect, the in-memory mail outbox and a throw-away MEDIA_ROOT.
"""

import os
import tempfile

os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "test-" + "x" * 60)
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("EMAIL_URL", "locmem://")
# The worker's send step runs right after commit, so tests read mail.outbox;
# tests/test_bezorging.py runs real workers against a real SMTP server instead.
os.environ.setdefault("BEZORGING_NA_COMMIT", "1")
os.environ.setdefault("TESTING", "1")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("MEDIA_ROOT", tempfile.mkdtemp(prefix="ontheffing-media-"))
os.environ.setdefault("AXES_ENABLED", "0")
os.environ.setdefault("AUDIT_SLEUTEL", "test-auditsleutel-" + "z" * 40)
