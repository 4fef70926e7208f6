#!/usr/bin/env python3
"""The speed benchmark: missive against its physical floor, in one run.

Run through bench/run.sh, which builds what is needed first. Every figure is
a ratio between two programs measured in the same run, alternating, several
times, so a slow or busy machine moves both sides alike:

  1. single worker vs floor on a generated corpus (bench/make_corpus.py)
  2. single worker vs floor on the real ITU documents (../shared/real-itu)
  3. -j2 vs -j1 throughput, when `missive convert` has -j
  4. peak RSS over a 10,000-file batch
  5. linearity: per-byte cost of a letter with 20 MB of document.xml vs
     the same letter at normal size (as many copies as make the same bytes)
  6. the stage micro-benchmarks (missive_stages_bench)

The floor (bench/floor.cc) reads each file, inflates word/document.xml with
libzip and parses it with pugixml; missive is `missive convert ... --format
jsonl > /dev/null`. Both are whole processes, timed from spawn to exit, with
peak RSS from wait4. Single-worker ratios are of CPU time (user + system),
which other work on a shared machine does not inflate as it does wall time;
wall ratios are printed beside them. Figures are printed, not asserted
(--check makes a missed target fail).
"""

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
GENERATOR = HERE / "make_corpus.py"

TARGETS = {
    "corpus": 2.0,     # single worker time / floor time, generated letters
    "real": 3.0,       # the same on the real ITU documents
    "parallel": 1.8,   # -j2 throughput / -j1 throughput, at least
    "rss_mib": 64.0,   # peak RSS over a 10,000-file batch, at most
    "linearity": 1.2,  # per-byte cost, 20 MB document.xml / small letter
}


# ---------------------------------------------------------------------------
# Running and measuring one process.

class Run:
    def __init__(self, wall, cpu, rss_kib, status, stderr=""):
        self.wall, self.cpu, self.rss_kib, self.status = wall, cpu, rss_kib, status
        self.stderr = stderr


MEASURE = None  # bench/measure.cc, set in main()
REPORT = None    # its report file


def measure(argv):
    """Runs argv with stdout to /dev/null, through missive_measure: wall and
    CPU seconds, peak RSS."""
    argv = [str(a) for a in argv]
    log = Path(f"{REPORT}.stderr")
    with log.open("w") as stderr:  # progress lines and warnings, kept for failures
        subprocess.run([MEASURE, REPORT, *argv], stdout=subprocess.DEVNULL, stderr=stderr,
                       check=True)
    wall, cpu, rss, code = Path(REPORT).read_text().split()
    if int(code) not in (0, 1):  # 1: some input gave an error record; still a timing
        sys.exit(f"bench: {' '.join(argv)} exited with {code}:\n{log.read_text()[-2000:]}")
    return Run(float(wall), float(cpu), int(rss), int(code),
               log.read_text(errors="replace") if int(code) else "")


def failures(runs):
    """One line per program some of whose inputs gave error records: then
    its time is not that of a conversion."""
    lines = []
    for name, program_runs in runs.items():
        failed = [r for r in program_runs if r.status != 0]
        if failed:
            first = next((line for line in failed[0].stderr.splitlines() if line.strip()), "")
            lines.append(f"  WARNING: {name}: some inputs failed ({first[:300]})")
    return lines


def alternate(programs, rounds):
    """Runs each (name, argv) once untimed (warm caches), then `rounds`
    times, alternating the order every round. {name: [Run]}"""
    for _, argv in programs:
        measure(argv)
    runs = {name: [] for name, _ in programs}
    for r in range(rounds):
        order = programs if r % 2 == 0 else programs[::-1]
        for name, argv in order:
            runs[name].append(measure(argv))
    return runs


def ratios(runs, top, bottom, key="wall"):
    return [getattr(a, key) / getattr(b, key) for a, b in zip(runs[top], runs[bottom])]


def med(values):
    return statistics.median(values)


def spread(values):
    return f"{min(values):.2f}-{max(values):.2f}"


def mib(kib):
    return kib / 1024


# ---------------------------------------------------------------------------
# Inputs.

def corpus_stats(paths):
    docx = xml = 0
    for path in paths:
        docx += os.path.getsize(path)
        with zipfile.ZipFile(path) as z:
            xml += z.getinfo("word/document.xml").file_size
    return docx, xml


def generate(args_list, marker_dir, description):
    """Runs the generator unless marker_dir holds a marker for the same
    arguments and the same generator source."""
    stamp = f"{args_list} {GENERATOR.stat().st_mtime_ns} {(ROOT / 'samples/wordml.py').stat().st_mtime_ns}"
    marker = Path(f"{marker_dir}.stamp")
    if marker.exists() and marker.read_text() == stamp:
        return
    print(f"  generating {description} ...", flush=True)
    target = Path(marker_dir)
    if target.is_dir():
        shutil.rmtree(target)
    subprocess.run([sys.executable, str(GENERATOR), *map(str, args_list)], check=True,
                   stdout=subprocess.DEVNULL)
    marker.write_text(stamp)


def load():
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def machine():
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    revision = subprocess.run(["git", "-C", str(ROOT), "describe", "--always", "--dirty"],
                              capture_output=True, text=True).stdout.strip() or "unknown"
    return {"nproc": len(os.sched_getaffinity(0)), "cpu": model, "kernel": platform.release(),
            "revision": revision}


# ---------------------------------------------------------------------------
# The sections.

def throughput_line(name, runs, files, docx, xml):
    wall = med([r.wall for r in runs])
    cpu = med([r.cpu for r in runs])
    rss = max(r.rss_kib for r in runs)
    return (f"  {name:<16} {wall:8.3f} s  {cpu:8.3f} s cpu  {files / wall:9.0f} docs/s  "
            f"{docx / wall / 1e6:7.1f} MB/s docx  {xml / wall / 1e6:7.1f} MB/s xml  "
            f"peak RSS {mib(rss):6.1f} MiB")


def floor_vs_missive(title, bench, inputs, files, docx, xml, rounds):
    print(f"\n== {title}")
    print(f"  {files} files, {docx / 1e6:.1f} MB docx, {xml / 1e6:.1f} MB word/document.xml, "
          f"{rounds} rounds alternating")
    programs = [("floor", [bench.floor, *inputs]),
                ("missive -j1" if bench.jobs else "missive",
                 [bench.missive, "convert", *inputs, "--format", "jsonl", *bench.single])]
    runs = alternate(programs, rounds)
    for name, _ in programs:
        print(throughput_line(name, runs[name], files, docx, xml))
    for line in failures(runs):
        print(line)
    wall = ratios(runs, programs[1][0], "floor")
    cpu = ratios(runs, programs[1][0], "floor", "cpu")
    # The fastest run of each is the least disturbed by other work on the
    # machine: their ratio is printed beside the median of the paired ratios
    # (which the targets use).
    best = (min(r.cpu for r in runs[programs[1][0]]) / min(r.cpu for r in runs["floor"]))
    print(f"  ratio missive/floor: cpu time {med(cpu):.2f} median (spread {spread(cpu)}), "
          f"wall time {med(wall):.2f} (spread {spread(wall)}); fastest runs {best:.2f}")
    return {"files": files, "docx_bytes": docx, "xml_bytes": xml,
            "floor_s": med([r.wall for r in runs["floor"]]),
            "missive_s": med([r.wall for r in runs[programs[1][0]]]),
            "ratio": med(cpu), "ratio_min": min(cpu), "ratio_max": max(cpu),
            "ratio_fastest_runs": best,
            "wall_ratio": med(wall),
            "missive_rss_mib": mib(max(r.rss_kib for r in runs[programs[1][0]])),
            "floor_rss_mib": mib(max(r.rss_kib for r in runs["floor"]))}


class Bench:
    def __init__(self, build):
        self.missive = build / "cli" / "missive"
        self.floor = build / "bench" / "missive_floor"
        self.stages = build / "bench" / "missive_stages_bench"
        self.measure = build / "bench" / "missive_measure"
        for program in (self.missive, self.floor, self.measure):
            if not program.exists():
                sys.exit(f"bench: {program} is missing; build it (bench/run.sh does)")
        help_text = subprocess.run([self.missive, "convert", "--help"], capture_output=True,
                                   text=True).stdout
        self.jobs = any(token in help_text for token in ("-j,", "-j ", "--jobs"))
        self.inflated_limit = "--max-inflated-mb" in help_text
        # A single worker, stated, in case the default becomes one per core.
        self.single = ["-j", "1"] if self.jobs else []


def build_kind(build):
    """The build type and whether missive was compiled with a profile (CMakeCache.txt)."""
    cache = {}
    try:
        for line in (build / "CMakeCache.txt").read_text().splitlines():
            name, sep, value = line.partition("=")
            if sep:
                cache[name.split(":")[0]] = value
    except OSError:
        return "configuration unknown"
    kind = cache.get("CMAKE_BUILD_TYPE") or "no build type"
    profile = cache.get("MISSIVE_PROFILE", "")
    return f"{kind}, " + ("profile-guided" if profile == "use" else "no profile")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", type=Path, default=ROOT / "build-bench")
    parser.add_argument("--work", type=Path, help="where corpora go (default BUILD/bench-work)")
    parser.add_argument("--quick", action="store_true",
                        help="small sizes for a smoke test (CI): 100 letters, 2 rounds, "
                             "1,000-file batch, 2 MB letter")
    parser.add_argument("--letters", type=int, help="generated corpus size (default 1000)")
    parser.add_argument("--rounds", type=int, help="alternating rounds (default 9)")
    parser.add_argument("--batch", type=int, help="files in the RSS batch (default 10000)")
    parser.add_argument("--huge-mb", type=float, help="XML of the large letter (default 20)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--real", type=Path, default=ROOT.parent / "shared" / "real-itu")
    parser.add_argument("--no-stages", action="store_true", help="skip the micro-benchmarks")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()

    quick = args.quick
    letters = args.letters or (100 if quick else 1000)
    rounds = args.rounds or (2 if quick else 9)
    batch = args.batch if args.batch is not None else (1000 if quick else 10000)
    huge_mb = args.huge_mb or (2.0 if quick else 20.0)
    build = args.build.resolve()
    work = (args.work or build / "bench-work").resolve()
    work.mkdir(parents=True, exist_ok=True)
    bench = Bench(build)
    global MEASURE, REPORT
    MEASURE, REPORT = bench.measure, work / "measure.txt"
    info = machine()
    results = {"machine": info, "targets": TARGETS}
    print(f"machine: {info['nproc']} CPUs, {info['cpu']}, Linux {info['kernel']}; "
          f"missive {info['revision']}; build {build} ({build_kind(build)})")
    print(f"command: {' '.join(sys.argv)}")
    print(f"missive convert -j: {'yes' if bench.jobs else 'no (not in --help)'}")
    print(f"load average before: {load()}")

    # 1. The generated corpus.
    corpus = work / f"corpus-{letters}-seed{args.seed}"
    generate([corpus, "-n", letters, "--seed", args.seed, "-j", info["nproc"]], corpus,
             f"{letters} letters")
    paths = sorted(corpus.glob("*.docx"))
    docx, xml = corpus_stats(paths)
    results["corpus"] = floor_vs_missive(
        f"generated corpus: {corpus}", bench, [corpus], len(paths), docx, xml, rounds)

    # 2. The real ITU documents; repeated so one run lasts long enough to time.
    real = sorted(args.real.glob("*.docx")) if args.real.is_dir() else []
    if real:
        repeat = 1 if quick else 3
        docx, xml = corpus_stats(real)
        results["real"] = floor_vs_missive(
            f"real ITU documents: {args.real} ({len(real)} .docx, each {repeat}x)", bench,
            real * repeat, len(real) * repeat, docx * repeat, xml * repeat, rounds)
    else:
        print(f"\n== real ITU documents: none in {args.real}; skipped")

    # 3. Two workers against one.
    print("\n== -j2 vs -j1")
    if not bench.jobs:
        print("  skipped: `missive convert --help` shows no -j")
    else:
        # The smoke test's corpus is small: given five times over, each run
        # lasts long enough that start-up and the last file's tail do not
        # decide the ratio.
        times = 5 if quick else 1
        programs = [(f"-j{n}", [bench.missive, "convert", *[corpus] * times, "--format", "jsonl",
                                "-j", n]) for n in (1, 2)]
        runs = alternate(programs, rounds)
        docx, xml = corpus_stats(paths)
        for name, _ in programs:
            print(throughput_line(name, runs[name], len(paths) * times, docx * times, xml * times))
        speedup = ratios(runs, "-j1", "-j2")
        print(f"  throughput -j2/-j1: {med(speedup):.2f} median (spread {spread(speedup)})"
              + ("" if info["nproc"] >= 2 else "  [only one CPU here: not meaningful]"))
        results["parallel"] = {"speedup": med(speedup), "min": min(speedup),
                               "max": max(speedup), "nproc": info["nproc"]}

    # 4. Peak RSS over a large batch.
    print(f"\n== peak RSS over a {batch}-file batch")
    if batch > 0:
        batch_dir = work / f"batch-{batch}-seed{args.seed}"
        generate([batch_dir, "-n", batch, "--seed", args.seed + 1, "-j", info["nproc"]],
                 batch_dir, f"{batch} letters")
        rss = {}
        variants = [("-j1", bench.single)] + ([("-j2", ["-j", "2"])] if bench.jobs else [])
        for name, flags in variants:
            run = measure([bench.missive, "convert", batch_dir, "--format", "jsonl", *flags])
            for line in failures({f"missive {name}": [run]}):
                print(line)
            rss[name] = mib(run.rss_kib)
            print(f"  missive {name}: peak RSS {rss[name]:.1f} MiB, {run.wall:.2f} s "
                  f"({batch / run.wall:.0f} docs/s)")
        run = measure([bench.floor, batch_dir])
        print(f"  floor:      peak RSS {mib(run.rss_kib):.1f} MiB, {run.wall:.2f} s")
        results["batch"] = {"files": batch, "rss_mib": max(rss.values()), "by_jobs": rss}

    # 5. Linearity: one huge letter against copies of the same letter at
    # normal size, the same number of XML bytes in both runs.
    print(f"\n== linearity: a letter with {huge_mb:g} MB of document.xml vs the small one")
    huge = work / f"huge-{huge_mb:g}mb-seed{args.seed}.docx"
    generate([huge, "--xml-mb", huge_mb, "--seed", args.seed], huge, f"a {huge_mb:g} MB letter")
    small_dir = work / f"small-copies-{huge_mb:g}mb-seed{args.seed}"
    small = work / f"small-seed{args.seed}.docx"
    generate([small, "--single", "--seed", args.seed], small, "the small letter")
    huge_docx, huge_xml = corpus_stats([huge])
    small_docx, small_xml = corpus_stats([small])
    copies = max(1, round(huge_xml / small_xml))
    if not small_dir.is_dir() or len(list(small_dir.iterdir())) != copies:
        shutil.rmtree(small_dir, ignore_errors=True)
        small_dir.mkdir()
        for i in range(copies):
            os.link(small, small_dir / f"copy-{i:05d}.docx")
    print(f"  huge: {huge_xml / 1e6:.1f} MB xml ({huge_docx / 1e6:.1f} MB docx); small: "
          f"{small_xml / 1e3:.0f} KB xml, {copies} copies")
    # The default safety limits may refuse a letter this large; both sides
    # get the same raised limit, which changes no work done.
    limits = ["--max-inflated-mb", "4096"] if bench.inflated_limit else []
    programs = [("missive huge", [bench.missive, "convert", huge, "--format", "jsonl",
                                  *bench.single, *limits]),
                ("missive small", [bench.missive, "convert", small_dir, "--format", "jsonl",
                                   *bench.single, *limits]),
                ("floor huge", [bench.floor, huge]), ("floor small", [bench.floor, small_dir])]
    runs = alternate(programs, rounds)
    per_byte = {name: [r.cpu / (huge_xml if "huge" in name else small_xml * copies)
                       for r in runs[name]] for name, _ in programs}
    for name, _ in programs:
        ns = med(per_byte[name]) * 1e9
        print(f"  {name:<14} {med([r.cpu for r in runs[name]]):7.3f} s cpu  {ns:6.2f} ns/byte  "
              f"(wall {med([r.wall for r in runs[name]]):.3f} s)  "
              f"peak RSS {mib(max(r.rss_kib for r in runs[name])):6.1f} MiB")
    refused = failures(runs)
    for line in refused:
        print(line)
    lin = [h / s for h, s in zip(per_byte["missive huge"], per_byte["missive small"])]
    flin = [h / s for h, s in zip(per_byte["floor huge"], per_byte["floor small"])]
    print(f"  per-byte cpu cost huge/small: missive {med(lin):.2f} (spread {spread(lin)}), "
          f"floor {med(flin):.2f}")
    results["linearity"] = {"huge_xml_bytes": huge_xml, "refused": bool(refused),
                            "ratio": med(lin), "min": min(lin),
                            "max": max(lin), "floor_ratio": med(flin),
                            "huge_rss_mib": mib(max(r.rss_kib for r in runs["missive huge"]))}

    # 6. Stage micro-benchmarks.
    if not args.no_stages:
        print("\n== stages (missive_stages_bench; time per letter, MB/s of document.xml)")
        if bench.stages.exists():
            min_time = "0.05" if quick else "0.5"
            subprocess.run([bench.stages, f"--benchmark_min_time={min_time}",
                            "--benchmark_counters_tabular=true"], check=True)
        else:
            print("  missive_stages_bench not built (needs libbenchmark-dev); skipped")

    # Against the targets.
    print(f"\nload average after: {load()}")
    if os.getloadavg()[0] > info["nproc"] * 0.75:
        print("  the machine was busy with other work: wall times (and -j2/-j1) are unreliable;"
              " single-worker ratios use CPU time, which waiting does not inflate")
    print("\n== targets (ratios from this run; single worker: CPU time)")
    verdicts = []

    def verdict(label, value, target, at_most, text):
        if value is None:
            print(f"  {label:<44} {text}")
            return
        ok = value <= target if at_most else value >= target
        verdicts.append(ok)
        print(f"  {label:<44} {text:<28} {'meets' if ok else 'MISSES'} "
              f"({'<=' if at_most else '>='} {target:g})")

    c = results["corpus"]
    verdict("single worker / floor, generated corpus", c["ratio"], TARGETS["corpus"], True,
            f"{c['ratio']:.2f}x")
    r = results.get("real")
    verdict("single worker / floor, real ITU documents", r and r["ratio"], TARGETS["real"], True,
            f"{r['ratio']:.2f}x" if r else "n/a (no documents)")
    p = results.get("parallel")
    verdict("-j2 / -j1 throughput", p and p["speedup"], TARGETS["parallel"], False,
            f"{p['speedup']:.2f}x" if p else "n/a (no -j)")
    b = results.get("batch")
    verdict(f"peak RSS, {batch}-file batch", b and b["rss_mib"], TARGETS["rss_mib"], True,
            f"{b['rss_mib']:.1f} MiB" if b else "n/a")
    lin = results["linearity"]
    verdict(f"per-byte cost, {huge_mb:g} MB xml / small",
            None if lin["refused"] else lin["ratio"], TARGETS["linearity"], True,
            "n/a (missive refused the large letter)" if lin["refused"] else
            f"{lin['ratio']:.2f}x (floor {lin['floor_ratio']:.2f}x)")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    if args.check and not all(verdicts):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
