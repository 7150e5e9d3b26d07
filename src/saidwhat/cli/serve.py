"""``saidwhat serve``: the REST API and web UI over a store, with uvicorn."""

from __future__ import annotations

import argparse
import os
import socket
import sys

from saidwhat.errors import ConfigError, require_extra

__all__ = ["check_port_free", "register"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("serve", help="serve the web UI and JSON API over a store",
                       description="Serve the search, article, actor, reactions and analyze pages and the "
                                   "JSON API (/api, described at /openapi.json).")
    p.add_argument("--db", help="store URL or SQLite path (default: $SAIDWHAT_DB, else the user data dir)")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1; beyond loopback analysing needs --token)")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--token",
                   help="token for POST /api/analyze and the analyze form (default: $SAIDWHAT_TOKEN)")
    p.add_argument("--allow-private-network", action="store_true",
                   help="let /analyze fetch URLs on loopback/private/link-local addresses (local use only)")
    p.add_argument("--max-body-mb", type=float, default=2.0, help="request body limit in MB (default 2)")
    p.add_argument("--analyze-timeout", type=float, default=60.0,
                   help="seconds an analysis may take (default 60)")
    p.add_argument("--workers", type=int, default=1,
                   help="server processes answering requests (default 1; one per core serves most)")
    p.add_argument("--analyze-workers", type=int, default=1,
                   help="analysis processes per server process (default 1), each killed at its time limit")
    p.add_argument("--read-timeout", type=float, default=None,
                   help="seconds a client has to send one request, headers and body (default 20)")
    p.add_argument("--allowed-host", action="append", default=[], metavar="NAME",
                   help="also accept this Host header on a loopback server (e.g. behind a reverse proxy; "
                        "then also set --token); repeatable")
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    require_extra("fastapi", "web", "saidwhat serve")
    require_extra("uvicorn", "web", "saidwhat serve")
    import uvicorn

    from saidwhat.views.web.security import is_loopback_host, loopback_host_names
    from saidwhat.views.web.server import PROTOCOL, READ_TIMEOUT_ENV

    token = args.token or os.environ.get("SAIDWHAT_TOKEN") or None
    if not 0 < args.port < 65536:
        raise ConfigError(f"bad port {args.port}", input="--port")
    if token is not None and len(token) < 12:
        raise ConfigError("the token must have at least 12 characters", input="--token")
    if not is_loopback_host(args.host) and not token:
        print("saidwhat: warning: listening beyond loopback without --token: the API is read-only "
              "(analysing is refused)", file=sys.stderr)
    for name in ("workers", "analyze_workers"):
        if getattr(args, name) < 1:
            raise ConfigError("must be at least 1", input="--" + name.replace("_", "-"))
    if args.read_timeout is not None:
        if args.read_timeout <= 0:
            raise ConfigError("must be positive", input="--read-timeout")
        os.environ[READ_TIMEOUT_ENV] = str(args.read_timeout)  # read by each server process
    options = {"token": token, "allow_private_network": args.allow_private_network, "host": args.host,
               "port": args.port, "max_body_bytes": int(args.max_body_mb * 1024 * 1024),
               "analyze_timeout": args.analyze_timeout, "analyze_slots": args.analyze_workers,
               "start_analysis": True,
               "allowed_hosts": (loopback_host_names() + args.allowed_host) if args.allowed_host else None}
    served = {"host": args.host, "port": args.port, "log_level": "warning", "proxy_headers": False,
              "server_header": False, "http": PROTOCOL}
    from saidwhat.store import open_store

    store = open_store(args.db, create=False)  # a store that cannot be opened stops here, exit 1
    try:
        check_port_free(args.host, args.port)
        print(f"saidwhat: serving on http://{_hostport(args.host, args.port)}/", file=sys.stderr)
        if args.workers > 1:
            store.close()  # each worker opens its own
            # uvicorn's workers import the app by name: pass the options through the environment
            os.environ["SAIDWHAT_WEB_OPTIONS"] = _encode(args.db, options)
            uvicorn.run("saidwhat.views.web.app:app_from_env", factory=True, workers=args.workers, **served)
            return 0
        from saidwhat.views.web import create_app

        uvicorn.run(create_app(args.db, store=store, **options), **served)
        return 0
    finally:
        store.close()


def check_port_free(host: str, port: int) -> None:
    """Bind the address the way uvicorn will (``SO_REUSEADDR``) and let it go: a port another
    process listens on is a ``ConfigError`` before anything says it is serving."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise ConfigError(f"cannot listen on {host!r}: {exc.strerror}", input="--host") from exc
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(address)
        except OSError as exc:
            raise ConfigError(f"cannot listen on {_hostport(host, port)}: {exc.strerror or exc} (is another "
                              "server running there? choose another --port)", input="--port") from exc


def _hostport(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def _encode(db: str | None, options: dict[str, object]) -> str:
    import json

    return json.dumps({"store_url": db, **options})
