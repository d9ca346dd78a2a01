"""A toy input format: files that start with ``TOY1`` and hold one ``#``-heading per line
group. Everything it needs lives in this file; registering it is ``register_reader(ToyReader())``."""

from __future__ import annotations

import hashlib

from pipeline.readers import Block, BlockKind, Metadata, ReadError, ReadResult, SourceSpan
from pipeline.readers.normalize import normalize_text

MAGIC = b"TOY1\n"


class ToyReader:
    name = "toy"
    extensions: tuple[str, ...] = (".toy",)

    def sniff(self, head: bytes) -> bool:
        return head.startswith(MAGIC)

    def read(self, raw: bytes, path: str) -> ReadResult:
        try:
            body = raw[len(MAGIC) :].decode("utf-8")
        except UnicodeDecodeError as err:
            raise ReadError("toy file is not UTF-8", "save it as UTF-8") from err
        text = normalize_text(body.replace("# ", ""))
        blocks, locations, pos = [], [], 0
        for n, line in enumerate(text.split("\n")):
            if line:
                heading = body.split("\n")[n].startswith("# ")
                blocks.append(
                    Block(BlockKind.HEADING if heading else BlockKind.PARAGRAPH, pos, pos + len(line), 1 if heading else None)
                )
                locations.append(SourceSpan(pos, pos + len(line), page=n + 1))
            pos += len(line) + 1
        title = text.split("\n", 1)[0] or None
        return ReadResult(
            text=text,
            format=self.name,
            encoding="utf-8",
            sha256=hashlib.sha256(raw).hexdigest(),
            blocks=blocks,
            locations=locations,
            metadata=Metadata(title=title),
        )
