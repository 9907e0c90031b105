"""One bounded HTTP GET: size, decompression, deadlines and redirects under our control.

httpx bounds neither the body nor the time a request may take (its read timeout is per read,
so a server sending a byte every few seconds never trips it), and its gzip decoder has no
output limit. Here:

- the body is read raw and decoded by us with ``zlib`` in bounded steps, so a 4 GiB response
  or a gzip bomb stops at the limit instead of filling memory;
- every request has a total deadline (headers and body) enforced by a watchdog that shuts
  the socket down, plus an idle timeout between bytes, plus the caller's own deadline (the
  budget of a whole source);
- redirects are followed by hand: loops are named as loops, every hop is shown to a policy
  (same origin only for registries; robots.txt and rate limits for the crawler).

Both the polite crawler (:mod:`.client`) and the release downloader use :func:`get`.
"""
from __future__ import annotations

import argparse
import io
import socket
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields, replace
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx

from ..errors import LimitExceeded, UserError

CHUNK = 64 * 1024
MiB = 1024 * 1024
REDIRECTS = frozenset({301, 302, 303, 307, 308})


class FetchError(UserError):
    """A URL could not be fetched; the message says why and what to do."""


class FetchLimitExceeded(FetchError, LimitExceeded):
    """Too large, too slow or too many redirects: retrying the same request will not help."""


class ResponseTooLarge(FetchLimitExceeded):
    """The body (on the wire or decompressed) is over the limit."""


class RedirectRefused(FetchError):
    pass


@dataclass(frozen=True)
class Limits:
    """Bounds for fetching. Every one has a command-line flag (see :func:`add_arguments`)."""

    # A page with thousands of comments is a few MB, a REST page ~1 MB; exports are files.
    max_response_bytes: int = 64 * MiB  # on the wire, before decompression
    max_decoded_bytes: int = 128 * MiB  # after Content-Encoding (gzip bombs)
    request_timeout: float = 120.0  # one request, headers and body
    idle_timeout: float = 30.0  # silence between bytes
    connect_timeout: float = 10.0
    source_timeout: float = 900.0  # every request, retry and pause of one source
    max_crawl_delay: float = 60.0  # a longer robots.txt Crawl-delay is capped to this
    max_redirects: int = 10

    def with_overrides(self, **kw: Any) -> Limits:
        return replace(self, **{k: v for k, v in kw.items() if v is not None})

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def add_arguments(parser: argparse.ArgumentParser, *, crawl: bool = True) -> None:
    """The fetch-limit flags, shared by every command that fetches over HTTP."""
    d = Limits()
    g = parser.add_argument_group("limits for fetching over HTTP")
    g.add_argument("--max-response-mb", type=_positive, default=None, metavar="MB",
                   help=f"largest response body accepted on the wire; twice that after "
                        f"decompression (default {d.max_response_bytes // MiB})")
    g.add_argument("--request-timeout", type=_positive, default=None, metavar="S",
                   help=f"total seconds for one request (default {d.request_timeout:g})")
    g.add_argument("--idle-timeout", type=_positive, default=None, metavar="S",
                   help=f"seconds without a byte before giving up (default {d.idle_timeout:g})")
    if crawl:
        g.add_argument("--source-timeout", type=_positive, default=None, metavar="S",
                       help=f"total seconds for one source, with retries and pauses (default "
                            f"{d.source_timeout:g})")
        g.add_argument("--max-crawl-delay", type=_nonnegative, default=None, metavar="S",
                       help=f"cap on a robots.txt Crawl-delay (default {d.max_crawl_delay:g})")


def limits_from_args(args: argparse.Namespace, base: Limits | None = None) -> Limits:
    base = base or Limits()
    mb = getattr(args, "max_response_mb", None)
    return base.with_overrides(
        max_response_bytes=int(mb * MiB) if mb else None,
        max_decoded_bytes=int(2 * mb * MiB) if mb else None,
        request_timeout=getattr(args, "request_timeout", None),
        idle_timeout=getattr(args, "idle_timeout", None),
        source_timeout=getattr(args, "source_timeout", None),
        max_crawl_delay=getattr(args, "max_crawl_delay", None))


def _positive(s: str) -> float:
    v = float(s)
    if not v > 0:
        raise argparse.ArgumentTypeError(f"{s!r} must be a positive number")
    return v


def _nonnegative(s: str) -> float:
    v = float(s)
    if not v >= 0:
        raise argparse.ArgumentTypeError(f"{s!r} must be zero or more")
    return v


def new_client(limits: Limits, headers: dict[str, str] | None = None,
               transport: httpx.BaseTransport | None = None) -> httpx.Client:
    """A client for :func:`get`: no automatic redirects, and a fresh connection per request
    (so the deadline watchdog always holds the socket it may have to shut down)."""
    return httpx.Client(headers=headers, follow_redirects=False, transport=transport,
                        timeout=_timeouts(limits, limits.request_timeout),
                        limits=httpx.Limits(max_keepalive_connections=0))


def _timeouts(limits: Limits, remaining: float) -> httpx.Timeout:
    return httpx.Timeout(connect=max(0.001, min(limits.connect_timeout, remaining)),
                         read=limits.idle_timeout, write=limits.idle_timeout,
                         pool=max(0.001, min(limits.connect_timeout, remaining)))


@dataclass
class Body:
    url: str  # requested
    final_url: str  # after redirects
    status: int
    reason: str
    headers: list[tuple[str, str]]  # as received (Content-Encoding left for the caller to drop)
    content: bytes  # decoded
    request_headers: list[tuple[str, str]]
    redirects: list[str] = field(default_factory=list)
    truncated: bool = False

    def header(self, name: str) -> str | None:
        name = name.lower()
        for k, v in self.headers:
            if k.lower() == name:
                return v
        return None


RedirectCheck = Callable[[str, str], None]


def same_origin(base_url: str) -> RedirectCheck:
    """A redirect policy: stay on the scheme, host and port of ``base_url``."""
    want = _origin(base_url)

    def check(current: str, target: str) -> None:
        if _origin(target) != want:
            raise RedirectRefused(f"{current} redirects to {target}, outside {want}; only "
                                  "redirects within the registry's own origin are followed. "
                                  "Use the final address with --from if you trust it")
    return check


def _origin(url: str) -> tuple[str, str, int | None]:
    p = urlsplit(url)
    port = p.port or {"http": 80, "https": 443}.get(p.scheme)
    return p.scheme.lower(), (p.hostname or "").lower(), port


def get(client: httpx.Client, url: str, *, headers: dict[str, str] | None = None,
        limits: Limits = Limits(), deadline: float | None = None,
        redirect_check: RedirectCheck | None = None, truncate: bool = False,
        max_bytes: int | None = None, timeout: float | None = None,
        sink: Callable[[bytes], None] | None = None) -> Body:
    """GET ``url`` within ``limits`` and the absolute ``deadline`` (``time.monotonic()``).

    ``max_bytes`` lowers both size limits for this call; with ``truncate`` a body over the
    limit is cut (robots.txt) instead of refused; ``timeout`` replaces the per-request total
    (a large file needs longer); with ``sink`` the decoded body goes there in pieces instead of
    into ``Body.content`` (files of any size, memory bounded). Raises :class:`FetchError` (network,
    idle timeout: worth retrying) or :class:`FetchLimitExceeded` (size, deadline, redirects:
    not worth retrying).
    """
    chain = [url]
    current = url
    for _hop in range(limits.max_redirects + 1):
        body = _one(client, url, current, headers, limits, deadline, truncate, max_bytes,
                    timeout, sink)
        location = body.header("location") if body.status in REDIRECTS else None
        if not location:
            body.redirects = chain[1:]
            return body
        target = urljoin(current, location.strip())
        if urlsplit(target).scheme not in ("http", "https"):
            raise RedirectRefused(f"{current} redirects to {target!r}, not an http(s) URL; "
                                  "check the URL")
        if target in chain:
            loop = " -> ".join(chain[chain.index(target):] + [target])
            raise FetchLimitExceeded(f"{url}: redirect loop ({_cut(loop)}); the site is "
                                     "misconfigured: open it in a browser or use its final "
                                     "address")
        if redirect_check is not None:
            redirect_check(current, target)
        chain.append(target)
        current = target
    raise FetchLimitExceeded(f"{url}: more than {limits.max_redirects} redirects "
                             f"({_cut(' -> '.join(chain))}); use the final address")


def _cut(s: str, n: int = 300) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


class _Watchdog:
    """Shuts down the request's socket when its total time is up (unblocks a trickle)."""

    def __init__(self, seconds: float) -> None:
        self.fired = False
        self._socks: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True

    def trace(self, event: str, info: dict[str, Any]) -> None:
        if event in ("connection.connect_tcp.complete", "connection.start_tls.complete"):
            stream = info.get("return_value")
            sock = stream.get_extra_info("socket") if stream is not None else None
            if sock is not None:
                with self._lock:
                    self._socks.append(sock)
                    fired = self.fired
                if fired:
                    self._shutdown(sock)

    def attach(self, response: httpx.Response) -> None:
        stream = response.extensions.get("network_stream")
        sock = stream.get_extra_info("socket") if stream is not None else None
        if sock is not None:
            with self._lock:
                self._socks.append(sock)

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            socks = list(self._socks)
        for s in socks:
            self._shutdown(s)

    @staticmethod
    def _shutdown(sock: socket.socket) -> None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def __enter__(self) -> _Watchdog:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()


def _one(client: httpx.Client, original: str, url: str, headers: dict[str, str] | None,
         limits: Limits, deadline: float | None, truncate: bool,
         max_bytes: int | None, timeout: float | None = None,
         sink: Callable[[bytes], None] | None = None) -> Body:
    now = time.monotonic()
    end = now + (timeout or limits.request_timeout)
    budget_is_source = deadline is not None and deadline < end
    if budget_is_source:
        end = deadline
    remaining = end - now
    if remaining <= 0:
        raise _deadline_error(original, limits, budget_is_source)
    # we decode the body ourselves: only ask for what _decoders() knows
    headers = {"Accept-Encoding": "gzip, deflate", **(headers or {})}
    try:
        request = client.build_request("GET", url, headers=headers,
                                       timeout=_timeouts(limits, remaining))
    except httpx.InvalidURL as e:
        raise FetchError(f"{url} is not a valid URL ({e}); check it") from None
    with _Watchdog(remaining) as dog:
        request.extensions["trace"] = dog.trace
        try:
            response = client.send(request, stream=True, follow_redirects=False)
        except httpx.UnsupportedProtocol as e:
            raise FetchError(f"{url}: {e}; give an http(s) URL") from None
        except (httpx.TransportError, OSError) as e:
            if dog.fired or time.monotonic() >= end:
                raise _deadline_error(original, limits, budget_is_source) from None
            raise _transport_error(url, limits, e) from None
        try:
            dog.attach(response)
            if response.status_code in REDIRECTS and response.headers.get("location"):
                content, cut = b"", False
            else:
                content, cut = _read_body(response, url, limits, end, truncate, max_bytes,
                                          dog, budget_is_source, original, sink)
        except (httpx.TransportError, OSError) as e:
            if dog.fired or time.monotonic() >= end:
                raise _deadline_error(original, limits, budget_is_source) from None
            raise _transport_error(url, limits, e) from None
        finally:
            response.close()
    return Body(url=original, final_url=str(response.url), status=response.status_code,
                reason=response.reason_phrase, headers=list(response.headers.multi_items()),
                content=content, request_headers=list(request.headers.multi_items()),
                truncated=cut)


def _deadline_error(url: str, limits: Limits, source: bool) -> FetchLimitExceeded:
    if source:
        return FetchLimitExceeded(f"{url}: the source's time budget ({limits.source_timeout:g} s, "
                                  "--source-timeout) ran out; the server is too slow: try again "
                                  "later or raise the limit")
    return FetchLimitExceeded(f"{url}: no complete answer within {limits.request_timeout:g} s "
                              "(--request-timeout); the server is too slow or is trickling "
                              "data: try again later or raise the limit")


def _transport_error(url: str, limits: Limits, e: BaseException) -> FetchError:
    if isinstance(e, httpx.ReadTimeout):
        return FetchError(f"{url}: no data for {limits.idle_timeout:g} s (--idle-timeout); the "
                          "server stalled: try again later")
    if isinstance(e, httpx.ConnectTimeout):
        return FetchError(f"{url}: could not connect within {limits.connect_timeout:g} s; check "
                          "the address and the network")
    if isinstance(e, httpx.TimeoutException):
        return FetchError(f"{url}: timed out ({type(e).__name__}); try again later")
    detail = str(e) or type(e).__name__
    return FetchError(f"{url}: network error ({detail}); check the address and the network")


def _decoders(encoding: str, url: str) -> list[Any]:
    out = []
    for enc in reversed([e.strip().lower() for e in encoding.split(",") if e.strip()]):
        if enc in ("gzip", "x-gzip"):
            out.append(_Inflate(zlib.MAX_WBITS | 16, multi_member=True))
        elif enc == "deflate":
            out.append(_Inflate(zlib.MAX_WBITS, raw_fallback=True))
        elif enc != "identity":
            raise FetchError(f"{url}: the server sent Content-Encoding {enc!r}, which was not "
                             "asked for; the server is misbehaving")
    return out


class _Inflate:
    """zlib/gzip decoded lazily, at most ``CHUNK`` bytes per piece.

    The caller takes one piece at a time and stops at its limit, so a bomb never has more than
    one piece decoded beyond what was kept (a list of pieces "up to the limit" held the limit
    twice over beside the body).
    gzip may hold several members; 'deflate' is zlib-wrapped by the standard but raw deflate
    from some servers, so a first-chunk failure retries it raw.
    """

    def __init__(self, wbits: int, *, multi_member: bool = False, raw_fallback: bool = False):
        self._wbits = wbits
        self._d = zlib.decompressobj(wbits)
        self._multi = multi_member
        self._fallback = raw_fallback

    def feed(self, data: bytes) -> Iterator[bytes]:
        if self._fallback:
            self._fallback = False
            try:
                first = self._d.decompress(data, CHUNK)
            except zlib.error:
                self._d = zlib.decompressobj(-zlib.MAX_WBITS)
            else:
                yield first
                data = self._next_input()
        while data:
            yield self._d.decompress(data, CHUNK)
            data = self._next_input()

    def _next_input(self) -> bytes:
        if not self._d.eof:
            return self._d.unconsumed_tail
        if self._multi and self._d.unused_data.strip(b"\x00"):
            data = self._d.unused_data
            self._d = zlib.decompressobj(self._wbits)
            return data
        return b""

    def flush(self) -> bytes:
        return self._d.flush()


def _decoded(raw: bytes, decoders: list[_Inflate]) -> Iterator[bytes]:
    pieces: Iterator[bytes] = iter((raw,))
    for d in decoders:
        pieces = (p for chunk in pieces for p in d.feed(chunk))
    return pieces


def _read_body(response: httpx.Response, url: str, limits: Limits, end: float, truncate: bool,
               max_bytes: int | None, dog: _Watchdog, budget_is_source: bool,
               original: str, sink: Callable[[bytes], None] | None = None) -> tuple[bytes, bool]:
    wire_cap = min(limits.max_response_bytes, max_bytes or limits.max_response_bytes)
    out_cap = min(limits.max_decoded_bytes, max_bytes or limits.max_decoded_bytes)
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > wire_cap and not truncate:
        raise _too_large(url, int(declared), wire_cap, "announces")
    decoders = _decoders(response.headers.get("content-encoding", ""), url)
    buf = io.BytesIO()
    put = sink or buf.write
    wire = size = 0
    for raw in response.iter_raw(CHUNK):
        if time.monotonic() > end or dog.fired:
            raise _deadline_error(original, limits, budget_is_source)
        wire += len(raw)
        if wire > wire_cap:
            if truncate:
                return buf.getvalue()[:out_cap], True
            raise _too_large(url, wire, wire_cap, "sent more than")
        try:
            for p in _decoded(raw, decoders):
                size += len(p)
                if size > out_cap:
                    if truncate:
                        put(p[: len(p) - (size - out_cap)])
                        return buf.getvalue(), True
                    raise ResponseTooLarge(f"{url}: the body decompresses to more than "
                                           f"{_mb(out_cap)} (a compression bomb or a huge "
                                           "page); refused. Raise --max-response-mb only if you "
                                           "trust it")
                put(p)
        except zlib.error as e:
            raise FetchError(f"{url}: the compressed body is damaged ({e}); try again later")
    for d in decoders:
        tail = d.flush()
        size += len(tail)
        if size > out_cap and not truncate:
            raise ResponseTooLarge(f"{url}: the body decompresses to more than {_mb(out_cap)}; "
                                   "refused")
        put(tail)
    if time.monotonic() > end or dog.fired:
        raise _deadline_error(original, limits, budget_is_source)
    return buf.getvalue()[:out_cap], size > out_cap


def _too_large(url: str, n: int, cap: int, verb: str) -> ResponseTooLarge:
    return ResponseTooLarge(f"{url}: the server {verb} {_mb(n)}, over the {_mb(cap)} limit; "
                              "refused. Raise --max-response-mb only if you trust it")


def _mb(n: int) -> str:
    return f"{n / MiB:.1f} MiB" if n >= MiB else f"{n:,} bytes"
