"""A folder of files listed in a manifest with their sizes and SHA-256, written atomically.

Writing: each file is written under a temporary name, flushed, and moved into place under a
name made from its role and its digest; `write_manifest` goes last, so a reader sees either
the old folder or the new one, and then removes what the manifest no longer lists.

Reading: every file is checked against its manifest entry before it is used — size and
SHA-256 in one streaming pass, which also checks an array's values (their range, their
order) without holding it in memory — and then memory-mapped, or parsed for JSON. Arrays
are ``.npy`` files read with ``allow_pickle=False``; nothing is ever unpickled. Any failure
is `CacheInvalid`.
"""

from __future__ import annotations

import hashlib
import json
import mmap
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np

MANIFEST = "manifest.json"
_BLOCK = 1 << 20  # bytes hashed (and checked) at a time; a multiple of every item size


class CacheInvalid(Exception):
    """A cached file cannot be used: missing, stale, truncated or tampered with."""


Files = dict[str, Any]  # a manifest's "files": role -> {"name", "size", "sha256"}


def read_manifest(folder: Path) -> dict[str, Any]:
    """The folder's manifest, as an object.

    Raises:
        CacheInvalid: there is none, or it is not a JSON object.
    """
    try:
        manifest = json.loads((folder / MANIFEST).read_bytes())
    except FileNotFoundError:
        raise CacheInvalid("no cache yet") from None
    except (OSError, ValueError) as exc:
        raise CacheInvalid(f"unreadable manifest: {exc}") from exc
    if not isinstance(manifest, dict):
        raise CacheInvalid("manifest is not an object")
    return manifest


def read_json(folder: Path, files: Files, role: str) -> Any:
    """The parsed JSON file listed for `role`, once its size and checksum match."""
    with _open_listed(folder, files, role) as handle:
        payload = handle.read()
    entry = files[role]
    if len(payload) != entry["size"] or hashlib.sha256(payload).hexdigest() != entry["sha256"]:
        raise CacheInvalid(f"{entry['name']} does not match its size and checksum")
    try:
        return json.loads(payload)
    except ValueError as exc:
        raise CacheInvalid(f"{entry['name']} is not JSON: {exc}") from exc


def read_mapped_bytes(folder: Path, files: Files, role: str) -> bytes | mmap.mmap:
    """The file listed for `role`, memory-mapped once its size and checksum match."""
    with _open_listed(folder, files, role) as handle:
        _check_stream(handle, files[role], 0, None)
        if files[role]["size"] == 0:
            return b""
        return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)


def read_array(
    folder: Path,
    files: Files,
    role: str,
    dtype: type,
    *,
    length: int | None = None,
    below: int | None = None,
    increasing: bool = False,
) -> np.ndarray:
    """The one-dimensional ``.npy`` array listed for `role`, memory-mapped and checked.

    Args:
        folder, files, role: where the file is and its manifest entry.
        dtype: the type its items must have.
        length: if given, how many items it must have.
        below: if given, every item must be in ``range(0, below)``.
        increasing: if True, no item may be smaller than the one before it.

    Raises:
        CacheInvalid: the file or its values fail a check.
    """
    expected = np.dtype(dtype)
    with _open_listed(folder, files, role) as handle:
        name = files[role]["name"]
        try:
            version = np.lib.format.read_magic(handle)
            if version not in ((1, 0), (2, 0)):
                raise ValueError(f"unknown .npy version {version}")
            read_header = (
                np.lib.format.read_array_header_1_0
                if version == (1, 0)
                else np.lib.format.read_array_header_2_0
            )
            shape, _, found = read_header(handle)
        except (OSError, ValueError) as exc:
            raise CacheInvalid(f"{name} is not an array: {exc}") from exc
        if found != expected or len(shape) != 1:
            raise CacheInvalid(f"{name} holds {found}[{len(shape)}d], not {expected}")
        if length is not None and shape[0] != length:
            raise CacheInvalid(f"{name} has {shape[0]} entries, not {length}")
        start = handle.tell()
        if files[role]["size"] != start + shape[0] * expected.itemsize:
            raise CacheInvalid(f"{name} is not as long as its header says")
        check = _ValueCheck(expected, name, below, increasing)
        _check_stream(handle, files[role], start, check)
        if shape[0] == 0:
            return np.zeros(0, dtype=expected)
        mapped = np.memmap(handle, dtype=expected, mode="r", offset=start, shape=shape)
    # asarray: a plain view of the map, without np.memmap's slower item access.
    return np.asarray(mapped)


def put_array(folder: Path, role: str, values: Any, dtype: type) -> dict[str, Any]:
    """Write `values` as a ``.npy`` array of `dtype`; its manifest entry."""
    array = np.asarray(values, dtype=dtype)
    return _put(folder, role, ".npy", lambda h: np.save(h, array, allow_pickle=False))


def put_json(folder: Path, role: str, value: Any) -> dict[str, Any]:
    """Write `value` as JSON; its manifest entry."""
    payload = json.dumps(value, ensure_ascii=False).encode()
    return _put(folder, role, ".json", lambda h: h.write(payload))


def put_bytes(folder: Path, role: str, payload: bytes, suffix: str) -> dict[str, Any]:
    """Write `payload` as it is; its manifest entry."""
    return _put(folder, role, suffix, lambda h: h.write(payload))


def write_manifest(folder: Path, manifest: dict[str, Any], files: Files) -> None:
    """Write the manifest (listing `files`) atomically, then delete every unlisted file."""
    temporary = _write_temporary(folder, lambda h: h.write(json.dumps(manifest, indent=1).encode()))
    try:
        os.replace(temporary, folder / MANIFEST)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _remove_unlisted(folder, files)


def sha256_of(path: Path) -> str:
    """The file's SHA-256, in hex."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(_BLOCK), b""):
            digest.update(block)
    return digest.hexdigest()


class _ValueCheck:
    """Checks an array's items block by block, as they stream past the hash."""

    def __init__(self, dtype: np.dtype, name: str, below: int | None, increasing: bool) -> None:
        self.dtype, self.name, self.below, self.increasing = dtype, name, below, increasing
        self.last: Any = None

    def __call__(self, block: bytes) -> None:
        if self.below is None and not self.increasing:
            return
        values = np.frombuffer(block, dtype=self.dtype)
        if values.size == 0:
            return
        if self.below is not None and (values.min() < 0 or values.max() >= self.below):
            raise CacheInvalid(f"{self.name} points outside 0..{self.below - 1}")
        if self.increasing:
            if (self.last is not None and values[0] < self.last) or np.any(np.diff(values) < 0):
                raise CacheInvalid(f"{self.name} goes backwards")
            self.last = values[-1]


def _open_listed(folder: Path, files: Files, role: str) -> BinaryIO:
    entry = files.get(role)
    if not isinstance(entry, dict):
        raise CacheInvalid(f"manifest lacks {role}")
    name, size, sha256 = entry.get("name"), entry.get("size"), entry.get("sha256")
    if not isinstance(name, str) or Path(name).name != name or name.startswith("."):
        raise CacheInvalid(f"bad file name for {role}")
    if type(size) is not int or not isinstance(sha256, str):
        raise CacheInvalid(f"bad size or checksum for {role}")
    try:
        handle = (folder / name).open("rb")
        if os.fstat(handle.fileno()).st_size != size:
            handle.close()
            raise CacheInvalid(f"{name} has the wrong size (truncated?)")
    except OSError as exc:
        raise CacheInvalid(f"cannot read {name}: {exc}") from exc
    return handle


def _check_stream(
    handle: BinaryIO, entry: dict[str, Any], start: int, check: Callable[[bytes], None] | None
) -> None:
    """Hash the whole file, passing the bytes from `start` on to `check`; then rewind."""
    digest = hashlib.sha256()
    try:
        handle.seek(0)
        digest.update(handle.read(start))
        for block in iter(lambda: handle.read(_BLOCK), b""):
            digest.update(block)
            if check is not None:
                check(block)
    except OSError as exc:
        raise CacheInvalid(f"cannot read {entry['name']}: {exc}") from exc
    if digest.hexdigest() != entry["sha256"]:
        raise CacheInvalid(f"{entry['name']} does not match its checksum")


def _put(folder: Path, role: str, suffix: str, write: Callable[[BinaryIO], object]) -> dict:
    temporary = _write_temporary(folder, write)
    try:
        sha256 = sha256_of(temporary)
        entry = {"name": f"{role}-{sha256[:16]}{suffix}", "size": temporary.stat().st_size}
        os.replace(temporary, folder / entry["name"])
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return {**entry, "sha256": sha256}


def _write_temporary(folder: Path, write: Callable[[BinaryIO], object]) -> Path:
    """A new hidden file in `folder`, written and flushed to disk, to be moved into place."""
    import tempfile  # only writers pay for it (it imports shutil, bz2, lzma)

    descriptor, name = tempfile.mkstemp(dir=folder, prefix=".tmp-")
    path = Path(name)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        path.chmod(0o644)  # mkstemp's 0600 would hide the cache from other users of the corpus
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return path


def _remove_unlisted(folder: Path, files: Files) -> None:
    """Delete older caches' files, and temporary files a killed writer left an hour ago."""
    keep = {entry["name"] for entry in files.values()} | {MANIFEST}
    an_hour_ago = time.time() - 3600
    for path in folder.iterdir():
        if path.name in keep:
            continue
        try:
            if path.name.startswith(".tmp-") and path.stat().st_mtime > an_hour_ago:
                continue  # another process may be writing it right now
            path.unlink()
        except (FileNotFoundError, IsADirectoryError):
            continue  # gone already (another writer's rename), or not ours
