"""Security headers Django does not set itself, and the request-size limit.

Both sit at the top of ``settings.MIDDLEWARE``, before WhiteNoise, so static
files get the same headers as pages and an oversized body is refused before
any code reads it.
"""

from django.conf import settings
from django.shortcuts import render

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=()"
        )
        response.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        if not getattr(response, "xframe_options_exempt", False):
            response.setdefault("X-Frame-Options", settings.X_FRAME_OPTIONS)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            response.setdefault("Cache-Control", "private, no-store")
        return response


class RequestSizeMiddleware:
    """Answers 413 to a request whose declared body exceeds
    ``MAX_REQUEST_BODY_SIZE``, without reading the body. (Without a
    Content-Length, Django reads no body at all under WSGI.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            lengte = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            lengte = 0
        if lengte > settings.MAX_REQUEST_BODY_SIZE:
            return render(
                request,
                "fout.html",
                {
                    "titel": "Het bestand is te groot",
                    "tekst": "Een document mag hoogstens 10 MB zijn. Er is niets "
                    "opgeslagen. Ga met de knop 'Vorige' van uw browser terug: wat u "
                    "had ingevuld, staat er dan nog. Kies een kleiner bestand, of "
                    "verklein het (bijvoorbeeld door het opnieuw als PDF op te slaan).",
                },
                status=413,
            )
        return self.get_response(request)
