"""The data folder's instance lock: one holder at a time, its pid in the lock file."""

from __future__ import annotations

import os
from pathlib import Path

from quizdesk.core.instance_lock import LOCK_NAME, InstanceLock


def test_the_holder_writes_its_pid_over_a_longer_old_one(tmp_path: Path) -> None:
    (tmp_path / LOCK_NAME).write_bytes(b"1234567890123 left by an older start")
    lock = InstanceLock(tmp_path)
    try:
        assert lock.acquire() and lock.held
        assert (tmp_path / LOCK_NAME).read_bytes() == str(os.getpid()).encode()
    finally:
        lock.release()


def test_a_second_lock_on_the_folder_waits_for_the_first_to_be_released(tmp_path: Path) -> None:
    first, second = InstanceLock(tmp_path / "data"), InstanceLock(tmp_path / "data")
    assert first.acquire()  # creates the folder and the file
    try:
        assert not second.acquire() and not second.held
    finally:
        first.release()
    assert second.acquire()
    second.release()
