"""Reading JSON Lines inputs as chunks of whole lines (gzip and zstandard by content)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import BinaryIO, Callable, ContextManager, Iterable, Iterator, Optional

from ..streams import SourceReadError, corrupt_errors
from .records import Chunk

#: Bytes of input handed to a worker at a time (whole lines; a longer line is one chunk).
CHUNK_BYTES = 1 << 20


#: What opening a :class:`Source` gives: the (decompressed) stream, and a function that
#: tells how many bytes of the source, as stored, have been read (``None``: unknown).
Opened = tuple[BinaryIO, Optional[Callable[[], int]]]


@dataclass(frozen=True)
class Source:
    """An input to read.

    :param name: its name in messages.
    :param open: opens it (see :data:`Opened`).
    :param size: its size as stored (compressed or not), when known: progress then shows a
        percentage and an estimate of the time left.
    """

    name: str
    open: Callable[[], ContextManager[Opened]]
    size: int | None = None


def read_chunks(stream: BinaryIO, source: str, chunk_bytes: int = CHUNK_BYTES) -> Iterator[Chunk]:
    """Cut ``stream`` into chunks of whole lines of about ``chunk_bytes`` each.

    A line longer than ``chunk_bytes`` makes a chunk of its own; memory use is about
    ``chunk_bytes`` plus the longest line.
    """
    line = 1
    pending: list[bytes] = []
    while True:
        block = stream.read(chunk_bytes)
        if not block:
            break
        cut = block.rfind(b"\n") + 1
        if cut == 0:
            pending.append(block)
            continue
        data = b"".join([*pending, block[:cut]]) if pending else block[:cut]
        pending = [block[cut:]] if cut < len(block) else []
        yield Chunk(source, line, data)
        line += data.count(b"\n")
    tail = b"".join(pending)
    if tail:
        yield Chunk(source, line, tail)


def source_chunks(sources: Iterable[Source], chunk_bytes: int,
                  on_chunk: Callable[[int | None], None] | None = None) -> Iterator[Chunk]:
    """The chunks of every source in turn, each source opened when it is reached.

    :param on_chunk: called before each chunk is handed on, with the bytes of the
        sources read so far as stored (the sizes of the sources already read, plus how
        far into the current one reading is), or ``None`` when that is unknown.
    :raises SourceReadError: when a source cannot be read to its end.
    """
    corrupt = corrupt_errors()
    done = 0
    for source in sources:
        try:
            with source.open() as (stream, position):
                for chunk in read_chunks(stream, source.name, chunk_bytes):
                    if on_chunk is not None:
                        on_chunk(None if position is None else done + position())
                    yield chunk
        except corrupt as exc:
            raise SourceReadError(f"{source.name}: corrupt or truncated compressed input "
                                  f"({exc or type(exc).__name__})", corrupt=True) from None
        except SourceReadError:
            raise
        except OSError as exc:
            raise SourceReadError(f"{source.name}: cannot be read ({exc.strerror or exc})",
                                  corrupt=False) from None
        done += source.size or 0


