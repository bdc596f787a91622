"""Corpus scale: quality of the site filter, documents/s with workers and Dask, peak memory.

    python benchmarks/bench_corpus.py                # 50,000 documents, ~300 MB memory run
    python benchmarks/bench_corpus.py --quick        # 5,000 documents, small memory run
    python benchmarks/bench_corpus.py --memory-mb 1000 --skip-speed --skip-quality --results bench_corpus_1gb.json
                                                     # the issue's 1 GB streaming figure alone
    python benchmarks/bench_corpus.py --skip-dask

A synthetic multi-site corpus: article paragraphs from the seeds and ../shared/data (the visible
text of Readability's expected articles and trafilatura's `with` segments), and for every site
its own template of header and footer lines (site names, menus, legal and social lines in
several languages), each template line on a site-specific share of the site's pages, plus
per-page bylines and datelines that are neither article nor template. Every line's label is
known, so the site filter's recall (template lines removed) and article loss (article lines
removed) are exact.

Speed runs `python -m cleanarticle` on the corpus as JSONL (the default pipeline plus
`--profile`) with -j 1, -j 2, and --dask with 1 and 2 workers, each in a fresh process whose
CPU time (its own and its workers') is recorded, in --rounds rounds of all variants (medians
reported: the shared host's speed drifts by a third within minutes). Next to the wall time the
report gives a CPU-based estimate of the -j 2 speed-up on two idle cores: the -j 1 CPU time
over max(total CPU / 2, main-process CPU, worker CPU / 2) of the -j 2 run.

Memory streams one big JSONL (the corpus repeated) with each -j of --memory-jobs. A run's peak
memory ("total MB") is the main process's peak plus -j times the largest worker's peak: an
upper bound, as the peaks need not coincide and forked workers share pages with the main
process. Every cleaning run checks that it wrote as many records as it read.

Results go to stdout and benchmarks/results/bench_corpus.json.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT_DATA = REPO.parent / "shared" / "data"
DEFAULT_SEEDS = REPO / "seeds"
RESULTS = HERE / "results"
MB = 1e6

sys.path.insert(0, str(REPO))

from bench_text import machine, table  # noqa: E402

from cleanarticle import Pipeline  # noqa: E402
from cleanarticle.corpus import Profiles, SiteProfile, Thresholds, count_documents  # noqa: E402
from cleanarticle.corpus.count import assemble, name_lines  # noqa: E402
from cleanarticle.corpus.profile import normalizers_of  # noqa: E402
from cleanarticle.filters.site_boilerplate import SiteBoilerplate  # noqa: E402
from cleanarticle.text import line_key, split_lines  # noqa: E402

ARTICLE, TEMPLATE, VARIABLE = "article", "template", "variable"

# Template pieces; "{n}" is the site's name, "{c}" its company, "{y}" a year.
HEADERS = [
    "{n} | Home | World | Business | Sport | Culture",
    "Skip to main content",
    "Subscribe to {n}",
    "Log in to {n}",
    "Menu",
    "Search",
    "Edition: International",
    "{n} — Independent news since {y}",
    "Startseite | Politik | Wirtschaft | Sport",
    "Anmelden bei {n}",
    "Accueil | International | Économie | Culture",
    "Se connecter à {n}",
    "Portada | Nacional | Internacional | Deportes",
    "Iniciar sesión en {n}",
    "Home | Cronaca | Politica | Esteri",
    "Today's paper",
    "Breaking news from {n}",
]
FOOTERS = [
    "© {y} {c}. All rights reserved.",
    "Privacy Policy | Terms of Use | Cookie Settings",
    "Follow {n} on Facebook, X and Instagram",
    "Download the {n} app for iOS and Android",
    "{n} is part of {c}",
    "Impressum | Datenschutz | Kontakt | AGB",
    "© {c} {y} – Alle Rechte vorbehalten",
    "Mentions légales | Politique de confidentialité | Contact",
    "Tous droits réservés {c} {y}",
    "Aviso legal | Política de privacidad | Cookies",
    "Newsletter",
    "Contact us | Advertise with us | Careers at {c}",
    "RSS",
    "Back to top",
    "Sign up for the {n} morning briefing",
    "Have a news tip? Email tips@{d}",
    "Registered in England and Wales No. {r}",
]
NAME_FIRST = "The Daily Evening Morning Northern Coastal Valley Metro City County Harbour River".split()
NAME_SECOND = "Courier Herald Tribune Gazette Post Chronicle Observer Ledger Express Journal Rundschau Anzeiger Dépêche Diario Gazzetta".split()
AUTHORS = "Anna Okafor|Jon Berg|Priya Nair|Luis Delgado|Marie Dubois|Kenji Sato|Sara Rossi|Tom Becker".split("|")


@dataclass
class Site:
    domain: str
    documents: int
    template: list[tuple[str, str, float]]  # (line, "header" or "footer", share of pages)
    authors: list[str]


def article_pool(data: Path, seeds: Path) -> list[str]:
    """Distinct article lines: paragraphs of Readability's expected articles, trafilatura's
    `with` segments and the seeds' lines the default pipeline keeps."""
    from selectolax.lexbor import LexborHTMLParser

    lines: list[str] = []
    for folder in sorted((data / "readability-pages").iterdir()):
        expected = folder / "expected.html"
        if expected.exists():
            tree = LexborHTMLParser(expected.read_text("utf-8", "replace"))
            lines += [node.text(separator=" ") for node in tree.css("p, h1, h2, h3, h4, li, blockquote")]
    evaldata = json.loads((data / "trafilatura-eval-dev" / "evaldata.json").read_text("utf-8"))
    lines += [segment for page in evaldata.values() for segment in page["with"]]
    for seed in sorted(seeds.glob("*.txt")):
        lines += Pipeline.default().run(seed.read_text("utf-8")).text.split("\n")
    seen: set[str] = set()
    pool = []
    for line in lines:
        line = " ".join(line.split())
        key = line_key(line)
        if key and key not in seen:
            seen.add(key)
            pool.append(line)
    return pool


def make_sites(count: int, documents: int, rng: random.Random) -> list[Site]:
    """Sites of skewed sizes (at least 20 documents each) with their own templates."""
    weights = [1 / (rank + 1) ** 0.8 for rank in range(count)]
    scale = (documents - 20 * count) / sum(weights)
    sizes = [20 + int(w * scale) for w in weights]
    sizes[0] += documents - sum(sizes)
    sites = []
    for index, size in enumerate(sizes):
        name = f"{rng.choice(NAME_FIRST)} {rng.choice(NAME_SECOND)} {index}"
        domain = f"{name.lower().replace(' ', '')}.{rng.choice(['com', 'co.uk', 'de', 'fr', 'es', 'it', 'com.au'])}"
        fill = {"n": name, "c": f"{name.split()[1]} Media Group {index}", "y": rng.randint(1990, 2025), "d": domain, "r": rng.randint(10**6, 10**7)}
        template = [(line.format(**fill), "header", 0.0) for line in rng.sample(HEADERS, rng.randint(2, 6))]
        template += [(line.format(**fill), "footer", 0.0) for line in rng.sample(FOOTERS, rng.randint(3, 8))]
        template = [(line, where, 1.0 if rng.random() < 0.7 else rng.uniform(0.3, 0.9)) for line, where, _ in template]
        sites.append(Site(domain, size, template, rng.sample(AUTHORS, 3)))
    return sites


def documents(sites: list[Site], pool: list[str], rng: random.Random) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    """(url, [(line, label)]) for every document, the sites interleaved at random."""
    order = [index for index, site in enumerate(sites) for _ in range(site.documents)]
    rng.shuffle(order)
    titles = [line for line in pool if len(line.split()) <= 14]
    for number, index in enumerate(order):
        site = sites[index]
        kept = [(line, where) for line, where, share in site.template if rng.random() < share]
        lines = [(line, TEMPLATE) for line, where in kept if where == "header"]
        lines += [(rng.choice(titles), ARTICLE), ("", ""), (f"By {rng.choice(site.authors)}", VARIABLE)]
        lines += [(f"Updated {rng.randint(1, 28)} May 2025, {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}", VARIABLE), ("", "")]
        for paragraph in rng.sample(pool, rng.randint(4, 18)):
            lines += [(paragraph, ARTICLE), ("", "")]
        lines += [(line, TEMPLATE) for line, where in kept if where == "footer"]
        yield f"https://www.{site.domain}/news/{number}", lines


# quality ---------------------------------------------------------------------------------------


def quality(corpus: list[tuple[str, list[tuple[str, str]]]], profiles: Profiles) -> dict:
    """Template recall and article loss of the site filter alone (after the normalizers)."""
    pipeline = Pipeline.from_names([*normalizers_of(None), SiteBoilerplate(profile=profiles)])
    totals: Counter[str] = Counter()
    removed: Counter[str] = Counter()
    misaligned = 0
    lost_examples: Counter[str] = Counter()
    for url, labelled in corpus:
        result = pipeline.run("\n".join(line for line, _ in labelled) + "\n", url)
        lines = split_lines(result.source)
        if len(lines) != len(labelled):
            misaligned += 1
            continue
        starts = {r.start for r in result.removals}
        for line, (text, label) in zip(lines, labelled):
            if label:
                totals[label] += 1
                if line.start in starts:
                    removed[label] += 1
                    if label == ARTICLE:
                        lost_examples[text[:80]] += 1
    return {
        "template_lines": totals[TEMPLATE],
        "template_removed": removed[TEMPLATE],
        "template_recall": removed[TEMPLATE] / max(totals[TEMPLATE], 1),
        "article_lines": totals[ARTICLE],
        "article_removed": removed[ARTICLE],
        "article_loss": removed[ARTICLE] / max(totals[ARTICLE], 1),
        "variable_lines": totals[VARIABLE],
        "variable_removed": removed[VARIABLE],
        "misaligned_documents": misaligned,
        "lost_article_examples": lost_examples.most_common(5),
    }


def sweep(corpus: list[tuple[str, list[tuple[str, str]]]], grid: Sequence[Thresholds]) -> list[dict]:
    """Quality for several thresholds from one count: each profile is the loosest one's lines
    filtered by the stricter thresholds."""
    docs = [(url, "\n".join(line for line, _ in labelled) + "\n") for url, labelled in corpus]
    loosest = Thresholds(min(t.min_documents for t in grid), min(t.min_share for t in grid), 1)
    counts = count_documents(iter(docs), loosest)
    chosen = counts.chosen(loosest)
    base = assemble(counts.documents, chosen, name_lines(iter(docs), chosen, normalizers_of(None)), loosest)
    out = []
    for thresholds in grid:
        sites = {}
        for site, profile in base.sites.items():
            lines = {
                key: n
                for key, n in profile.lines.items()
                if len(key) >= thresholds.min_chars and thresholds.repeated(n, profile.documents)
            }
            if lines:
                sites[site] = SiteProfile(profile.documents, lines)
        profiles = Profiles(sites, thresholds)
        out.append({"thresholds": vars_of(thresholds), "profile_lines": profiles.line_count, **quality(corpus, profiles)})
    return out


def vars_of(thresholds: Thresholds) -> dict:
    return {"min_documents": thresholds.min_documents, "min_share": thresholds.min_share, "min_chars": thresholds.min_chars}


# speed and memory ------------------------------------------------------------------------------


def write_jsonl(path: Path, corpus: list[tuple[str, list[tuple[str, str]]]], min_mb: float = 0.0) -> int:
    """The corpus as JSONL records, repeated (with new ids) until the file is `min_mb` big."""
    written = size = 0
    with path.open("w", encoding="utf-8") as stream:
        while True:
            for url, labelled in corpus:
                text = "\n".join(line for line, _ in labelled) + "\n"
                line = json.dumps({"id": written, "url": url, "text": text, "source": "bench"}, ensure_ascii=False) + "\n"
                stream.write(line)
                size += len(line.encode("utf-8"))
                written += 1
            if size >= min_mb * MB:
                return written


# Runs the command line in a fresh process and writes its wall time, CPU time and peak memory
# (its own, and the largest of its worker processes') to the file named by its first argument.
# The main process's peak is VmHWM, which exec resets: ru_maxrss would still count the pages
# of this (big) benchmark process that the child shared between fork and exec.
CHILD = """
import json, resource, sys, time
from cleanarticle import cli
start = time.perf_counter()
status = cli.main(sys.argv[2:])
wall = time.perf_counter() - start
own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
with open("/proc/self/status") as status_file:
    peak_kb = next(int(line.split()[1]) for line in status_file if line.startswith("VmHWM:"))
with open(sys.argv[1], "w") as out:
    json.dump({"status": status, "wall_s": wall, "main_cpu_s": own.ru_utime + own.ru_stime,
               "workers_cpu_s": workers.ru_utime + workers.ru_stime, "main_peak_mb": peak_kb / 1024,
               "worker_peak_mb": workers.ru_maxrss / 1024}, out)
"""


def run_cli(arguments: list[str], workdir: Path) -> dict:
    report = workdir / "child.json"
    command = [sys.executable, "-c", CHILD, str(report), *arguments]
    load = os.getloadavg()[0]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 3):
        raise RuntimeError(f"{' '.join(arguments)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    result = json.loads(report.read_text())
    result["loadavg_1min_before"] = load
    return result


def clean_run(arguments: list[str], records: int, workdir: Path) -> dict:
    """`run_cli` on a cleaning command line, its output's records counted against the `records` read."""
    out = workdir / "out.jsonl"
    run = run_cli([*arguments, "-o", str(out)], workdir)
    run["records_out"] = count_lines(out)
    run["same_records"] = run["records_out"] == records
    out.unlink()
    if not run["same_records"]:
        print(f"  records in {records}, records out {run['records_out']}", file=sys.stderr, flush=True)
    return run


def count_lines(path: Path) -> int:
    with path.open("rb") as stream:
        return sum(1 for _ in stream)


def speed(jsonl: Path, profile: Path, docs: int, workdir: Path, dask: bool, rounds: int) -> dict:
    """Every variant once per round, the rounds one after another, so that the host's drift
    in speed (a third within minutes, here) falls on all variants alike; a variant's figures
    are the median of its rounds, and a ratio is the median of the rounds' ratios."""
    variants = [("-j 1", ["-j", "1"]), ("-j 2", ["-j", "2"])]
    if dask:
        variants += [("dask 1 worker", ["--dask", "-j", "1"]), ("dask 2 workers", ["--dask", "-j", "2"])]
    per_round: list[dict[str, dict]] = []
    for number in range(1, rounds + 1):
        runs: dict[str, dict] = {}
        for label, extra in variants:
            print(f"  round {number}/{rounds}: cleaning {docs} documents, {label} ...", file=sys.stderr, flush=True)
            run = clean_run([str(jsonl), "--profile", str(profile), *extra], docs, workdir)
            run["docs_per_s"] = docs / run["wall_s"]
            runs[label] = run
        per_round.append(runs)
    runs = {label: _median_run([r[label] for r in per_round]) for label, _ in variants}
    for label, extra in [("profile -j 1", ["-j", "1"]), ("profile -j 2", ["-j", "2"])] + (
        [("profile dask 2 workers", ["--dask", "-j", "2"])] if dask else []
    ):
        print(f"  profiling {docs} documents, {label} ...", file=sys.stderr, flush=True)
        out = workdir / "p.json"
        run = run_cli(["profile", str(jsonl), "-o", str(out), *extra], workdir)
        run["same_profile"] = out.read_bytes() == profile.read_bytes()
        run["docs_per_s"] = docs / run["wall_s"]
        runs[label] = run
    ratios = {"j2_over_j1_wall": [r["-j 2"]["docs_per_s"] / r["-j 1"]["docs_per_s"] for r in per_round]}
    ratios["j2_over_j1_cpu_estimate"] = [_cpu_estimate(r["-j 1"], r["-j 2"]) for r in per_round]
    ratios["j2_cpu_overhead"] = [_cpu(r["-j 2"]) / _cpu(r["-j 1"]) for r in per_round]
    if dask:
        ratios["dask2_over_j2_wall"] = [r["dask 2 workers"]["docs_per_s"] / r["-j 2"]["docs_per_s"] for r in per_round]
        ratios["dask1_over_j1_wall"] = [r["dask 1 worker"]["docs_per_s"] / r["-j 1"]["docs_per_s"] for r in per_round]
    summary = {name: statistics.median(values) for name, values in ratios.items()}
    return {"rounds": per_round, "runs": runs, "ratios": ratios, "summary": summary}


def _cpu(run: dict) -> float:
    return run["main_cpu_s"] + run["workers_cpu_s"]


def _cpu_estimate(one: dict, two: dict) -> float:
    """The -j 2 speed-up on two idle cores, from CPU times: -j 1's CPU over the larger of half
    the -j 2 run's CPU, its main process's CPU, and half its workers' CPU."""
    return _cpu(one) / max(_cpu(two) / 2, two["main_cpu_s"], two["workers_cpu_s"] / 2)


def _median_run(runs: list[dict]) -> dict:
    """The run of median speed, with the number of rounds and every round's docs/s."""
    ordered = sorted(runs, key=lambda run: run["docs_per_s"])
    return {**ordered[(len(ordered) - 1) // 2], "rounds": len(runs), "docs_per_s_rounds": [r["docs_per_s"] for r in runs]}


def memory(
    corpus: list[tuple[str, list[tuple[str, str]]]], profile: Path, min_mb: float, workdir: Path, jobs: Sequence[str]
) -> dict:
    path = workdir / "big.jsonl"
    print(f"  writing a {min_mb:.0f} MB JSONL ...", file=sys.stderr, flush=True)
    records = write_jsonl(path, corpus, min_mb)
    size = path.stat().st_size / MB
    runs = {}
    for job in jobs:
        print(f"  streaming {size:.0f} MB, -j {job} ...", file=sys.stderr, flush=True)
        run = clean_run([str(path), "--profile", str(profile), "-j", job], records, workdir)
        run["total_peak_mb"] = run["main_peak_mb"] + int(job) * run["worker_peak_mb"]
        runs[f"-j {job}"] = run
    path.unlink()
    return {"input_mb": size, "records": records, "runs": runs}


# report ----------------------------------------------------------------------------------------


def report(results: dict) -> str:
    out = [f"# bench_corpus ({results['documents']} documents, {results['sites']} sites)", ""]
    q = results["quality"]
    out.append(
        f"site filter (default thresholds): template recall {q['template_recall']:.4%}, "
        f"article loss {q['article_loss']:.4%} ({q['article_removed']} of {q['article_lines']} lines); "
        f"bylines/datelines removed {q['variable_removed']} of {q['variable_lines']}"
    )
    rows = [
        [r["thresholds"]["min_documents"], r["thresholds"]["min_share"], r["thresholds"]["min_chars"], r["profile_lines"],
         f"{r['template_recall']:.4%}", f"{r['article_loss']:.4%}", f"{r['variable_removed'] / max(r['variable_lines'], 1):.2%}"]
        for r in results["sweep"]
    ]
    out += ["", table(["min_docs", "min_share", "min_chars", "lines", "template recall", "article loss", "byline/date loss"], rows)]
    if "speed" in results:
        speed_rows = [
            [label, f"{r['docs_per_s']:.0f}", f"{r['wall_s']:.1f}", f"{r['main_cpu_s']:.1f}", f"{r['workers_cpu_s']:.1f}",
             f"{r['main_peak_mb']:.0f}", f"{r['worker_peak_mb']:.0f}", f"{r['loadavg_1min_before']:.1f}", r.get("records_out", r.get("same_profile"))]
            for label, r in results["speed"]["runs"].items()
        ]
        out += ["", table(["run", "docs/s", "wall s", "main CPU s", "workers CPU s", "main MB", "worker MB", "load", "records out / same"], speed_rows)]
        ratios = results["speed"]["ratios"]
        out += [""] + [
            f"{name} = {value:.2f} (median; rounds: {', '.join(f'{r:.2f}' for r in ratios[name])})"
            for name, value in results["speed"]["summary"].items()
        ]
    if "memory" in results:
        m = results["memory"]
        mem_rows = [
            [label, f"{r['main_peak_mb']:.0f}", f"{r['worker_peak_mb']:.0f}", f"{r['total_peak_mb']:.0f}", f"{r['wall_s']:.0f}", r["records_out"], r["same_records"]]
            for label, r in m["runs"].items()
        ]
        headers = ["run", "main peak MB", "worker peak MB", "total MB", "wall s", "records out", "records in = out"]
        out += ["", f"streaming {m['input_mb']:.0f} MB ({m['records']} records):", table(headers, mem_rows)]
    return "\n".join(out) + "\n"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=50_000, help="documents in the synthetic corpus (default 50,000)")
    parser.add_argument("--sites", type=int, default=120, help="sites (default 120)")
    parser.add_argument("--memory-mb", type=float, default=300, help="size of the streaming memory run (default 300 MB; 0 skips it)")
    parser.add_argument("--quick", action="store_true", help="5,000 documents, 30 sites, a 50 MB memory run")
    parser.add_argument("--memory-jobs", default="1,2", help="-j values of the memory run (default 1,2)")
    parser.add_argument("--skip-dask", action="store_true")
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the speed runs, medians reported (default 3)")
    parser.add_argument("--skip-quality", action="store_true", help="no threshold sweep (the default thresholds only)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--results", help="file name in benchmarks/results/ (default bench_corpus[_quick].json)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.quick:
        args.docs, args.sites, args.memory_mb = 5_000, 30, min(args.memory_mb, 50)
    rng = random.Random(args.seed)
    results: dict = {"machine": machine(), "documents": args.docs, "sites": args.sites}
    pool = article_pool(args.data, args.seeds)
    sites = make_sites(args.sites, args.docs, rng)
    corpus = list(documents(sites, pool, rng))
    results["article_pool_lines"] = len(pool)
    print(f"corpus: {len(corpus)} documents, {len(sites)} sites, {len(pool)} article lines", file=sys.stderr)
    grid = [(5, 0.05, 1), (3, 0.02, 1), (5, 0.1, 1), (10, 0.2, 1), (5, 0.05, 4), (5, 0.05, 10)]
    results["sweep"] = sweep(corpus, [Thresholds(*t) for t in grid[: 1 if args.skip_quality else None]])
    results["quality"] = results["sweep"][0]
    with tempfile.TemporaryDirectory(prefix="bench_corpus_") as temp:
        workdir = Path(temp)
        jsonl = workdir / "corpus.jsonl"
        write_jsonl(jsonl, corpus)
        results["corpus_mb"] = jsonl.stat().st_size / MB
        profile = workdir / "profiles.json"
        run_cli(["profile", str(jsonl), "-o", str(profile)], workdir)
        if not args.skip_speed:
            results["speed"] = speed(jsonl, profile, len(corpus), workdir, dask=not args.skip_dask, rounds=args.rounds)
        if args.memory_mb:
            results["memory"] = memory(corpus, profile, args.memory_mb, workdir, args.memory_jobs.split(","))
    results["loadavg_at_end"] = os.getloadavg()
    RESULTS.mkdir(exist_ok=True)
    name = args.results or ("bench_corpus_quick.json" if args.quick else "bench_corpus.json")
    (RESULTS / name).write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", "utf-8")
    sys.stdout.write(report(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
