#!/usr/bin/env python3
"""Runs the real missive binary on one hostile input and checks its answer.

  check_bad.py --missive PATH [--time-limit S] [--memory-limit-mib M] CASE

Builds CASE (see make_bad.py) in a temporary folder, runs
`missive convert FILE`, and fails unless the run
  - ends within the time limit (it is killed otherwise: a hang fails),
  - peaks under the memory limit (ru_maxrss from wait4; Linux counts the
    spawning process's own RSS too, about 15 MiB of Python, so it errs high),
  - exits normally (1 for an error record, 0 for "ok"), with no sanitizer
    report on standard error,
  - prints one record with the expected status, error code and message.
Exit 0 pass, 1 fail, 77 skipped ("unreadable" as root runs missive as nobody
through setpriv, and is skipped where that cannot run it).
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_bad  # noqa: E402

SKIP = 77
AS_NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
SANITIZER_MARKS = ("AddressSanitizer", "LeakSanitizer", "UndefinedBehaviorSanitizer",
                   "runtime error:")


def prepare(case, folder):
    """The path to give missive for `case`."""
    make, _ = make_bad.CASES[case]
    if not isinstance(make, str):
        # In a process of its own: Linux carries the RSS of whoever spawns
        # missive into missive's ru_maxrss, so this one must stay small.
        subprocess.run([sys.executable, str(Path(make_bad.__file__)), folder, case], check=True)
        _, expect = make_bad.CASES[case]
        return str(Path(folder) / (case + expect.get("suffix", ".docx")))
    if make.startswith("/"):
        return make
    path = Path(folder) / f"{case}.docx"
    if make == "fifo":
        os.mkfifo(path)  # opening it to read would block until a writer came
    elif make == "unreadable":
        path.write_bytes(make_bad.legit_letter(3))
        path.chmod(0)
        Path(folder).chmod(0o755)  # reached, but not readable, by another user
    elif make == "sparse":
        with open(path, "wb") as sparse:
            sparse.truncate(600 * make_bad.MiB)
    elif make != "missing":
        raise ValueError(f"unknown special input {make}")
    return str(path)


def run(command, folder, time_limit):
    """Runs `command`; returns (exit code or None if killed, seconds, peak
    KiB, stdout, stderr)."""
    out_path, err_path = Path(folder) / "stdout", Path(folder) / "stderr"
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        start = time.monotonic()
        child = subprocess.Popen(command, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                 cwd=folder)
        code = None
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid != 0:
                code = os.waitstatus_to_exitcode(status)
                break
            if time.monotonic() - start > time_limit:
                child.kill()
                _, _, usage = os.wait4(child.pid, 0)
                break
            time.sleep(0.005)
        seconds = time.monotonic() - start
        child.returncode = code if code is not None else -9  # already reaped
    return (code, seconds, usage.ru_maxrss, out_path.read_text(errors="replace"),
            err_path.read_text(errors="replace"))


def check(record, expect, failures):
    code = expect.get("code")
    if code is None:
        if record.get("status") != "ok":
            failures.append(f"status {record.get('status')!r}, expected 'ok': {record.get('error')}")
    else:
        error = record.get("error") or {}
        if record.get("status") != "error" or error.get("code") != code:
            failures.append(f"status {record.get('status')!r} code {error.get('code')!r}, "
                            f"expected error {code!r}: {error.get('message')}")
        for part in expect.get("message", []):
            if part not in (error.get("message") or ""):
                failures.append(f"message lacks {part!r}: {error.get('message')!r}")
        if record.get("letter") is not None or record.get("blocks"):
            failures.append("an error record carries letter content")
    whole = json.dumps(record, ensure_ascii=False)
    for part in expect.get("absent", []):
        if part in whole:
            failures.append(f"record holds {part!r}")
    if "warning" in expect:
        codes = [w.get("code") for w in record.get("warnings", [])]
        if expect["warning"] not in codes:
            failures.append(f"no warning {expect['warning']!r} among {codes}")
    if "text" in expect and expect["text"] not in (record.get("text") or ""):
        failures.append(f"text lacks {expect['text']!r}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--missive", required=True, type=lambda p: str(Path(p).resolve()))
    parser.add_argument("--time-limit", type=float, default=10.0, help="seconds")
    parser.add_argument("--memory-limit-mib", type=float, default=256.0)
    parser.add_argument("case", choices=list(make_bad.CASES))
    args = parser.parse_args()
    _, expect = make_bad.CASES[args.case]

    with tempfile.TemporaryDirectory(prefix="missive-bad-") as folder:
        path = prepare(args.case, folder)
        command = [args.missive, "convert", path]
        if args.case == "unreadable" and os.geteuid() == 0:
            # Root reads any file: missive runs as nobody instead.
            command = AS_NOBODY + command
            if subprocess.run(AS_NOBODY + [args.missive, "--version"],
                              capture_output=True).returncode != 0:
                print(f"{args.case}: skipped (running as root, and setpriv cannot run "
                      f"missive as nobody)")
                return SKIP
        code, seconds, peak_kib, stdout, stderr = run(command, folder, args.time_limit)

    failures = []
    peak_mib = peak_kib / 1024
    if code is None:
        failures.append(f"still running after {args.time_limit:.0f} s: killed")
    elif code < 0:
        failures.append(f"killed by signal {-code}")
    if peak_mib > args.memory_limit_mib:
        failures.append(f"peak memory {peak_mib:.0f} MiB, above {args.memory_limit_mib:.0f} MiB")
    for mark in SANITIZER_MARKS:
        if mark in stderr:
            failures.append(f"sanitizer report on stderr ({mark})")
            break
    record = None
    if code is not None:
        try:
            record = json.loads(stdout)
        except json.JSONDecodeError as error:
            failures.append(f"stdout is not one JSON record ({error}): {stdout[:200]!r}")
    if record is not None:
        check(record, expect, failures)
        wanted_exit = 0 if expect.get("code") is None else 1
        if code != wanted_exit:
            failures.append(f"exit status {code}, expected {wanted_exit}")

    answer = (record or {}).get("error") or {}
    print(f"{args.case}: {answer.get('code') or (record or {}).get('status')} in {seconds:.2f} s, "
          f"peak {peak_mib:.0f} MiB")
    if failures:
        for failure in failures:
            print(f"FAIL {args.case}: {failure}")
        print(f"stderr: {stderr[-2000:]}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
