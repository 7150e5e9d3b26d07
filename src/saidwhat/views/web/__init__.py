"""The web view: a FastAPI app with a JSON API and server-rendered pages (``saidwhat serve``)."""

from __future__ import annotations

from saidwhat.views.web.app import create_app

__all__ = ["create_app"]
