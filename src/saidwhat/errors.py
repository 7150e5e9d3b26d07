"""The exception hierarchy of saidwhat.

Every error carries a stable ``code`` (``SW1xx`` input, ``SW2xx`` network, ``SW3xx`` analysis,
``SW4xx`` store, ``SW5xx`` configuration) and the ``input`` it failed on, so that a batch can
record the failure and go on, and a user can search the docs for the code. The message says
what went wrong and, where there is something to do, what to do.

    SaidwhatError
    ├── InputError            the document itself is unusable
    │   ├── MissingInputError       SW101
    │   ├── EmptyInputError         SW102
    │   ├── BinaryInputError        SW103
    │   ├── NoArticleTextError      SW104
    │   ├── UnsupportedLanguageError SW105
    │   └── InputTooLargeError      SW106
    ├── FetchError            a URL could not be fetched           SW201
    │   ├── BlockedAddressError     private/loopback address       SW202
    │   └── InvalidURLError         malformed, no host, not http(s) SW203
    ├── AnalysisError         the analysis failed on a document    SW301
    │   └── AnalysisTimeoutError    past its time limit            SW302
    ├── StoreError            the store could not be used          SW401
    └── ConfigError           a bad option or setting              SW501
        └── MissingExtraError       an optional part is not installed SW502
"""

from __future__ import annotations

__all__ = [
    "AnalysisError",
    "AnalysisTimeoutError",
    "BinaryInputError",
    "BlockedAddressError",
    "ConfigError",
    "EmptyInputError",
    "FetchError",
    "InputError",
    "InputTooLargeError",
    "InvalidURLError",
    "MissingExtraError",
    "MissingInputError",
    "NoArticleTextError",
    "SaidwhatError",
    "StoreError",
    "UnsupportedLanguageError",
    "require_extra",
]


class SaidwhatError(Exception):
    """Base class: ``code`` is stable across releases, ``input`` names the failing document."""

    code = "SW000"

    def __init__(self, message: str, *, input: str | None = None) -> None:
        self.message = message
        self.input = input
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.input}: " if self.input else ""
        return f"{where}{self.message} [{self.code}]"

    def __reduce__(self) -> tuple[type[SaidwhatError], tuple[str], dict[str, object]]:
        """Pickle with ``input`` and any instance ``code`` (``Exception`` alone keeps only args), so
        an error crosses process and Dask boundaries whole."""
        return type(self), (self.message,), dict(self.__dict__)

    def to_dict(self) -> dict[str, str | None]:
        return {"code": self.code, "input": self.input, "message": self.message, "type": type(self).__name__}


class InputError(SaidwhatError):
    code = "SW100"


class MissingInputError(InputError):
    code = "SW101"


class EmptyInputError(InputError):
    code = "SW102"


class BinaryInputError(InputError):
    code = "SW103"


class NoArticleTextError(InputError):
    code = "SW104"


class UnsupportedLanguageError(InputError):
    code = "SW105"


class InputTooLargeError(InputError):
    code = "SW106"


class FetchError(SaidwhatError):
    code = "SW201"


class InvalidURLError(FetchError):
    """A URL that cannot name a page to fetch: malformed, no host, another scheme. The caller's
    input, so the web answers 4xx (a redirect to such a URL stays a plain ``FetchError``)."""

    code = "SW203"


class BlockedAddressError(FetchError):
    code = "SW202"


class AnalysisError(SaidwhatError):
    code = "SW301"


class AnalysisTimeoutError(AnalysisError):
    """The document was not done within its time limit (``timeout=``)."""

    code = "SW302"


class StoreError(SaidwhatError):
    code = "SW401"


class ConfigError(SaidwhatError):
    code = "SW501"


class MissingExtraError(ConfigError):
    """A feature needs an optional dependency group (``pip install 'saidwhat[EXTRA]'``)."""

    code = "SW502"


def require_extra(module: str, extra: str, feature: str) -> None:
    """Raise :class:`MissingExtraError` unless ``module`` can be imported.

    ``extra`` is the name of the optional dependency group in pyproject.toml that installs it,
    ``feature`` what the user asked for (it becomes the error's input).
    """
    from importlib.util import find_spec

    if find_spec(module) is None:
        raise MissingExtraError(
            f"needs the optional '{extra}' dependencies ({module} is not installed): "
            f"pip install 'saidwhat[{extra}]'", input=feature)
