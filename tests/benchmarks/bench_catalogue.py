"""Benchmark (not a test): catalogue search as the clerk types, over 10,000 products.

Run: `.venv/bin/python -m tests.benchmarks.bench_catalogue [--products 10000] [--rounds 5]`

A real SQLite file (WAL, synchronous=FULL, as the app opens it) is filled through
`CatalogueRepository.upsert_many` with generated Spanish product names, SKUs and EAN-13
barcodes. Each search is one read transaction through `Database.read`, as the counter runs it
(minus the executor hop). Kinds of search, each timed separately:

- typing: every prefix of a word of a product name ("c", "ca", "caf", "cafe"), as keystrokes;
- codes: an exact barcode (a scanner), an exact SKU, a SKU prefix;
- misses: text no product contains (the worst case: the whole name index is walked).

Target: p95 well under one frame of a busy UI (~16 ms) for typing and codes.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from mestore_desktop.domain.catalogue import Product, fold_for_search
from mestore_desktop.domain.money import Money
from mestore_desktop.domain.order import IvaRate
from mestore_desktop.store.catalogue_repository import CatalogueRepository
from mestore_desktop.store.db import Database

KINDS = ("Café", "Arroz", "Leche", "Aceite", "Panela", "Atún", "Jabón", "Galletas", "Chocolate")
KINDS += ("Azúcar", "Harina", "Frijol", "Lenteja", "Gaseosa", "Champú", "Crema", "Queso", "Pan")
BRANDS = ("Águila", "Doña Rosa", "El Niño", "La Sabana", "Montaña", "Colombiana", "Del Valle")
BRANDS += ("Santa Fe", "Ñapa", "Tropical", "Andina", "San José", "Caribe", "Llanera")
SIZES = ("250 g", "500 g", "1 kg", "5 kg", "1 L", "2 L", "x6", "x12", "mini", "familiar")


def ean13(rng: random.Random) -> str:
    digits = [7, 7, 0] + [rng.randrange(10) for _ in range(9)]
    check = (10 - sum(d * (3 if i % 2 else 1) for i, d in enumerate(digits)) % 10) % 10
    return "".join(map(str, digits)) + str(check)


def make_products(count: int, rng: random.Random) -> list[Product]:
    products, barcodes = [], set()
    for n in range(count):
        name = f"{rng.choice(KINDS)} {rng.choice(BRANDS)} {rng.choice(SIZES)} #{n}"
        barcode = ""
        if rng.random() < 0.9:
            while (barcode := ean13(rng)) in barcodes:
                pass
            barcodes.add(barcode)
        price = Money.from_pesos(rng.randrange(500, 300_000, 50))
        products.append(Product(f"P{n:06d}", name, price, rng.choice(list(IvaRate)), barcode))
    return products


def typing_queries(products: list[Product], rng: random.Random, count: int) -> list[str]:
    queries: list[str] = []
    while len(queries) < count:
        word = rng.choice(rng.choice(products).name.split()[:-1])
        queries += [word[:size] for size in range(1, min(len(word), 6) + 1)]
    return queries[:count]


def code_queries(products: list[Product], rng: random.Random, count: int) -> list[str]:
    with_barcode = [p for p in products if p.barcode]
    makers: list[Callable[[], str]] = [
        lambda: rng.choice(with_barcode).barcode,
        lambda: rng.choice(products).sku.lower(),
        lambda: rng.choice(products).sku[:4],
    ]
    return [rng.choice(makers)() for _ in range(count)]


def miss_queries(rng: random.Random, count: int) -> list[str]:
    return ["".join(rng.choice("qwxz") for _ in range(4)) for _ in range(count)]


def time_searches(db: Database, queries: list[str], rounds: int) -> list[float]:
    timings: list[float] = []
    for _ in range(rounds):
        for query in queries:
            start = time.perf_counter()
            db.read(lambda s, q=query: CatalogueRepository(s).search(q, 20))
            timings.append((time.perf_counter() - start) * 1000)
    return timings


def pct(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100)[q - 1]


def report(label: str, timings: list[float]) -> None:
    print(
        f"{label:<28} n={len(timings):>5}  p50 {pct(timings, 50):6.2f} ms  "
        f"p95 {pct(timings, 95):6.2f} ms  max {max(timings):6.2f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--products", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=300, help="per kind and round")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=20261127)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    products = make_products(args.products, rng)
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.open(Path(tmp) / "bench.sqlite3")
        try:
            start = time.perf_counter()
            db.write(lambda s: CatalogueRepository(s).upsert_many(products))
            print(f"import of {len(products):,} products: {time.perf_counter() - start:.2f} s")
            sample = fold_for_search(products[0].name)
            print(f"e.g. «{products[0].name}» is searched as «{sample}»")
            kinds = {
                "typing (name prefixes)": typing_queries(products, rng, args.queries),
                "codes (barcode, SKU)": code_queries(products, rng, args.queries),
                "misses (whole index)": miss_queries(rng, args.queries),
            }
            time_searches(db, kinds["typing (name prefixes)"][:50], 1)  # warm the page cache
            every: list[float] = []
            for label, queries in kinds.items():
                timings = time_searches(db, queries, args.rounds)
                every += timings
                report(label, timings)
            report("all searches", every)
        finally:
            db.close()


if __name__ == "__main__":
    main()
