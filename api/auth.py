"""Bearer-token check for writes: anonymous access is read-only, the configured token unlocks updates and uploads."""

from __future__ import annotations

import hmac

from fastapi import Request

from plankg.api.sparql_protocol import ProtocolError


def require_writer(request: Request) -> None:
    """Refuse the request unless it carries ``Authorization: Bearer <token>`` matching the server's token.

    No token configured: the server is read-only (403). Token configured but missing: 401 with a Bearer challenge.
    Wrong token: 403.
    """
    token: str | None = getattr(request.app.state, "token", None)
    if not token:
        raise ProtocolError(
            403, "This server is read-only. Start it with --token (or set PLANKG_TOKEN) to allow updates and uploads.",
        )
    scheme, _, presented = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not presented.strip():
        raise ProtocolError(
            401, "Writing needs the server's token: send the header 'Authorization: Bearer <token>'.",
            {"WWW-Authenticate": 'Bearer realm="plankg"'},
        )
    if not hmac.compare_digest(presented.strip().encode(), token.encode()):
        raise ProtocolError(403, "The bearer token does not match the server's token.")
