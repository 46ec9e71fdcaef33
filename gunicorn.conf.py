"""gunicorn settings, read from the working directory (``gunicorn ontheffing.wsgi``).

See README, "Beveiliging": gunicorn does not limit the request body (the proxy and
``settings.MAX_REQUEST_BODY_SIZE`` do), but it does limit the request line and
headers, and it must not name itself in a ``Server`` header.
"""

import os

import gunicorn.http.wsgi

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "4"))
timeout = 60
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190

_default_headers = gunicorn.http.wsgi.Response.default_headers


def _without_server(self):
    return [h for h in _default_headers(self) if not h.lower().startswith("server:")]


# gunicorn has no setting for its Server header; this drops it.
gunicorn.http.wsgi.Response.default_headers = _without_server
