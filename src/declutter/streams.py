"""Opening inputs and outputs: gzip and zstandard read by content, files written atomically.

Every input declutter reads (plain text, ``--html``, ``--jsonl``, files or standard
input) goes through :func:`decompressed`: a gzip or zstandard stream is recognised by its
first bytes (its magic number), whatever the file is called, and decompressed on the fly.
Outputs are compressed by their name (``-o out.jsonl.gz``) and written by
:func:`atomic_output`: a temporary file renamed over the target only on success.
"""

from __future__ import annotations

import errno
import gzip
import io
import os
import sys
import tempfile
import zlib
from contextlib import contextmanager
from typing import BinaryIO, Callable, Iterator, TextIO

from .errors import DeclutterError

#: The first bytes of a gzip stream.
GZIP_MAGIC = b"\x1f\x8b"
#: The first bytes of a zstandard frame.
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
#: Bytes read to recognise a compressed stream.
MAGIC_BYTES = max(len(GZIP_MAGIC), len(ZSTD_MAGIC))
#: File name endings written as gzip.
GZIP_SUFFIXES = (".gz",)
#: File name endings written as zstandard.
ZSTD_SUFFIXES = (".zst", ".zstd")
#: gzip level of ``-o FILE.gz`` (6: zlib's default speed/size balance).
GZIP_LEVEL = 6
#: zstandard level of ``-o FILE.zst``.
ZSTD_LEVEL = 3
#: How to install the optional zstandard dependency.
ZSTD_INSTALL_HINT = "pip install 'declutter-text[zstd]'"
#: Suffix of the temporary file :func:`atomic_output` writes before renaming it.
TEMP_SUFFIX = ".tmp"
#: Permission bits of a new output file, before the umask.
NEW_FILE_MODE = 0o666

MSG_MISSING = "{name}: no such file"
MSG_DIRECTORY = "{name}: is a directory"
MSG_UNREADABLE = "{name}: cannot be read ({reason})"
MSG_CORRUPT = "{name}: corrupt or truncated compressed input ({detail})"


class SourceReadError(DeclutterError):
    """An input could not be read to its end (unreadable, corrupt or truncated).

    :param corrupt: whether the data is damaged (a bad or truncated gzip/zstd stream)
        rather than unreadable.
    """

    def __init__(self, message: str, *, corrupt: bool) -> None:
        super().__init__(message)
        self.corrupt = corrupt


def zstandard_module():
    """The optional ``zstandard`` module, or ``None`` when it is not installed."""
    try:
        import zstandard
    except ImportError:
        return None
    return zstandard


def compression_of(name: str) -> str | None:
    """``"gzip"``, ``"zstd"`` or ``None``, from a file name's ending (used for outputs)."""
    lowered = name.lower()
    if lowered.endswith(GZIP_SUFFIXES):
        return "gzip"
    if lowered.endswith(ZSTD_SUFFIXES):
        return "zstd"
    return None


def sniff_compression(head: bytes) -> str | None:
    """``"gzip"``, ``"zstd"`` or ``None``, from the first bytes of a stream.

    >>> sniff_compression(b"\\x1f\\x8b\\x08\\x00"), sniff_compression(b"Home")
    ('gzip', None)
    """
    if head.startswith(GZIP_MAGIC):
        return "gzip"
    if head.startswith(ZSTD_MAGIC):
        return "zstd"
    return None


def zstd_missing_message(name: str) -> str:
    """The message for zstandard data when the zstandard package is not installed."""
    return f"{name}: reading or writing zstd needs the zstandard package: {ZSTD_INSTALL_HINT}"


def corrupt_errors() -> tuple[type[BaseException], ...]:
    """What a damaged gzip or zstandard stream raises while it is read."""
    errors: list[type[BaseException]] = [EOFError, zlib.error, gzip.BadGzipFile]
    zstandard = zstandard_module()
    if zstandard is not None:
        errors.append(zstandard.ZstdError)
    return tuple(errors)


class _Replayed(io.RawIOBase):
    """A stream whose first bytes were already read: gives them back, then the rest."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._head:
            count = min(len(buffer), len(self._head))
            buffer[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        data = self._rest.read(len(buffer))
        if not data:
            return 0
        buffer[:len(data)] = data
        return len(data)


def _read_head(stream: BinaryIO) -> bytes:
    head = b""
    while len(head) < MAGIC_BYTES:
        block = stream.read(MAGIC_BYTES - len(head))
        if not block:
            break
        head += block
    return head


@contextmanager
def decompressed(stream: BinaryIO, name: str) -> Iterator[BinaryIO]:
    """``stream`` decompressed when it is gzip or zstandard data, else as it is.

    :raises SourceReadError: for zstandard data without the zstandard package.
    """
    head = _read_head(stream)
    kind = sniff_compression(head)
    replayed = io.BufferedReader(_Replayed(head, stream))
    if kind == "gzip":
        with gzip.GzipFile(fileobj=replayed, mode="rb") as plain:
            yield plain  # type: ignore[misc]
    elif kind == "zstd":
        zstandard = zstandard_module()
        if zstandard is None:
            raise SourceReadError(zstd_missing_message(name), corrupt=False)
        with zstandard.ZstdDecompressor().stream_reader(
                replayed, read_across_frames=True, closefd=False) as plain:
            yield plain
    else:
        yield replayed


@contextmanager
def open_tracked(path: str) -> Iterator[tuple[BinaryIO, Callable[[], int]]]:
    """Open ``path`` as :func:`open_input` does, with a function that tells how many of
    the file's bytes (compressed, as on disk) have been read so far."""
    with open(path, "rb") as raw:
        with decompressed(raw, path) as stream:
            yield stream, raw.tell


@contextmanager
def open_input(path: str) -> Iterator[BinaryIO]:
    """Open ``path`` for reading, decompressing gzip and zstandard data (by content)."""
    with open_tracked(path) as (stream, _):
        yield stream


def read_bounded(stream: BinaryIO, name: str, limit: int) -> bytes | None:
    """All of ``stream`` decompressed (when it is gzip or zstandard), or ``None`` when
    that is more than ``limit`` bytes.

    :raises SourceReadError: when compressed data is corrupt, truncated, or zstandard
        without the zstandard package.
    """
    head = _read_head(stream)
    if sniff_compression(head) is None:
        data = head + stream.read(max(limit + 1 - len(head), 0))
        return None if len(data) > limit else data
    try:
        with decompressed(io.BufferedReader(_Replayed(head, stream)), name) as plain:
            data = plain.read(limit + 1)
    except corrupt_errors() as exc:
        raise SourceReadError(MSG_CORRUPT.format(name=name, detail=exc or type(exc).__name__),
                              corrupt=True) from None
    return None if len(data) > limit else data


def _new_file_mode(path: str) -> int:
    try:
        return os.stat(path).st_mode & 0o7777  # replacing a file: keep its permissions
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return NEW_FILE_MODE & ~umask


@contextmanager
def _compressed_writer(path: str, raw: BinaryIO) -> Iterator[BinaryIO]:
    kind = compression_of(path)
    if kind == "gzip":
        with gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=GZIP_LEVEL, mtime=0) as out:
            yield out  # type: ignore[misc]
    elif kind == "zstd":
        zstandard = zstandard_module()
        if zstandard is None:
            raise SourceReadError(zstd_missing_message(path), corrupt=False)
        with zstandard.ZstdCompressor(level=ZSTD_LEVEL).stream_writer(raw, closefd=False) as out:
            yield out
    else:
        yield raw


@contextmanager
def atomic_output(path: str) -> Iterator[BinaryIO]:
    """Write ``path`` all at once: a temporary file beside it, renamed over it on success.

    On any exception (a bad record, Ctrl-C, a full disk) the temporary file is removed
    and ``path`` is left as it was. ``.gz``, ``.zst`` and ``.zstd`` names are compressed.
    """
    directory = os.path.dirname(os.path.abspath(path))
    mode = _new_file_mode(path)
    fd, temp = tempfile.mkstemp(prefix=f".{os.path.basename(path)}.", suffix=TEMP_SUFFIX,
                                dir=directory)
    try:
        with os.fdopen(fd, "wb") as raw:
            with _compressed_writer(path, raw) as out:
                yield out
            raw.flush()
            os.fsync(raw.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise


#: ``-o`` naming standard output.
STDOUT_NAME = "-"


class _TextSink:
    """A binary ``write`` onto a text stream (a ``sys.stdout`` without ``.buffer``)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, data: bytes) -> int:
        self._stream.write(data.decode("utf-8", "surrogateescape"))
        return len(data)

    def flush(self) -> None:
        self._stream.flush()


@contextmanager
def open_output(path: str | None) -> Iterator[BinaryIO]:
    """A binary stream to write the output to: ``path`` through :func:`atomic_output`,
    or standard output when ``path`` is ``None`` or ``"-"``.

    :raises OSError: when standard output is closed (``>&-``).
    """
    if path is not None and path != STDOUT_NAME:
        with atomic_output(path) as out:
            yield out
        return
    stdout = sys.stdout
    if stdout is None:  # started with standard output closed
        raise OSError(errno.EBADF, "standard output is closed")
    yield getattr(stdout, "buffer", None) or _TextSink(stdout)  # type: ignore[misc]


def sniff_file(path: str) -> str | None:
    """The compression of the file at ``path`` from its first bytes (``None`` when it
    is not compressed or cannot be read)."""
    try:
        with open(path, "rb") as handle:
            return sniff_compression(handle.read(MAGIC_BYTES))
    except OSError:
        return None
