"""plankg build: idempotent, replaces changed documents, prunes, survives bad files and being killed."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from plankg.cli import main
from plankg.graph.build import PARALLEL_FROM, build_graph, extractor_version, link_triples, read_manifest
from plankg.graph.embedded import EmbeddedStore
from plankg.graph.rdf import facts_to_triples, meaning_iri
from plankg.graph.vocab import document_graph
from plankg.settings import SAMPLE_CORPUS

from test_graph_rdf import make_facts

SAMPLES = sorted(SAMPLE_CORPUS.glob("*.txt"))


def write_docs(folder: Path, count: int) -> list[Path]:
    """``count`` small plans made from the first paragraphs of the sample corpus."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        text = SAMPLES[i % len(SAMPLES)].read_text(encoding="utf-8")[:1500]
        path = folder / f"plan-{i:03d}.txt"
        path.write_text(f"第{i}号文件\n{text}", encoding="utf-8")
        paths.append(path)
    return paths


def test_build_is_idempotent_and_replaces_changed_documents(tmp_path):
    docs = write_docs(tmp_path / "docs", 3)
    store = EmbeddedStore(tmp_path / "store")
    first = build_graph([tmp_path / "docs"], store, progress=False)
    assert (first.added, first.skipped, first.failed) == (3, 0, [])
    assert build_graph([tmp_path / "docs"], store, progress=False).skipped == 3
    docs[1].write_text("新的文件\n一、总体要求\n", encoding="utf-8")
    third = build_graph([tmp_path / "docs"], store, progress=False)
    assert (third.updated, third.skipped) == (1, 2)
    assert store.select(f"SELECT ?text WHERE {{ GRAPH <{document_graph('plan-001')}> {{ "
                        "?p <https://w3id.org/plankg/ontology#fullText> ?text } }") == [{"text": "新的文件\n一、总体要求\n"}]


def test_manifest_records_source_hash_and_version(tmp_path):
    docs = write_docs(tmp_path / "docs", 1)
    store = EmbeddedStore(tmp_path / "store")
    build_graph(docs, store, progress=False)
    assert read_manifest(store) == {"plan-000": {"source": str(docs[0]), "version": extractor_version(),
                                                 "sha256": hashlib.sha256(docs[0].read_bytes()).hexdigest()}}


def test_prune_drops_documents_no_longer_present(tmp_path):
    docs = write_docs(tmp_path / "docs", 2)
    store = EmbeddedStore(tmp_path / "store")
    build_graph([tmp_path / "docs"], store, progress=False)
    docs[0].unlink()
    assert build_graph([tmp_path / "docs"], store, progress=False).dropped == 0
    report = build_graph([tmp_path / "docs"], store, prune=True, progress=False)
    assert report.dropped == 1 and document_graph("plan-000") not in store.graph_names()
    assert list(read_manifest(store)) == ["plan-001"]


def test_unreadable_file_is_reported_and_the_others_ingested(tmp_path):
    write_docs(tmp_path / "docs", 2)
    broken = tmp_path / "docs" / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip \x80\x81\xfe")
    store = EmbeddedStore(tmp_path / "store")
    report = build_graph([tmp_path / "docs"], store, progress=False)
    assert report.added == 2
    assert [path for path, _ in report.failed] == [str(broken)] and report.failed[0][1]
    assert document_graph("broken") not in store.graph_names()


def test_same_document_id_twice_is_an_error_naming_both(tmp_path):
    write_docs(tmp_path / "a", 1)
    write_docs(tmp_path / "b", 1)
    report = build_graph([tmp_path / "a", tmp_path / "b"], EmbeddedStore(tmp_path / "store"), progress=False)
    assert report.added == 1 and "rename" in report.failed[0][1] and str(tmp_path / "a") in report.failed[0][1]


def test_parallel_build_equals_serial_build(tmp_path):
    write_docs(tmp_path / "docs", PARALLEL_FROM)
    serial, parallel = EmbeddedStore(tmp_path / "serial"), EmbeddedStore(tmp_path / "parallel")
    build_graph([tmp_path / "docs"], serial, workers=1, progress=False)
    build_graph([tmp_path / "docs"], parallel, workers=2, progress=False)
    for graph in (document_graph("plan-000"), document_graph(f"plan-{PARALLEL_FROM - 1:03d}")):
        assert set(serial.quads(graph)) == set(parallel.quads(graph)) != set()


def test_links_connect_senses_with_the_same_expansion_across_plans():
    store = EmbeddedStore(":memory:")
    facts = {"a": make_facts("a"), "b": make_facts("b"), "c": make_facts("c", ["联防", "联控"])}
    store.replace_graphs({document_graph(doc): list(facts_to_triples(f)) for doc, f in facts.items()})
    matches = {(t.subject.value.split("/plan/")[1][0], t.object.value) for t in link_triples(store)
               if t.predicate.value.endswith("#exactMatch")}
    assert matches == {("a", meaning_iri("联排|联劝|联管")), ("b", meaning_iri("联排|联劝|联管"))}


def test_cli_build_prints_summary_and_fails_on_bad_file(tmp_path):
    write_docs(tmp_path / "docs", 1)
    (tmp_path / "docs" / "bad.pdf").write_bytes(b"%PDF-1.4 truncated \x80\x81")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "docs"), "--store", str(tmp_path / "store")])
    assert result.exit_code == 1
    assert "1 added" in result.output and "1 failed" in result.output and "bad.pdf" in result.output


def test_cli_drop_removes_a_document_and_refuses_unknown_ones(tmp_path):
    write_docs(tmp_path / "docs", 2)
    store = str(tmp_path / "store")
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(tmp_path / "docs"), "--store", store]).exit_code == 0
    result = runner.invoke(main, ["drop", "plan-000", "--store", store])
    assert result.exit_code == 0 and "1 dropped" in result.output
    assert list(read_manifest(EmbeddedStore(store))) == ["plan-001"]
    result = runner.invoke(main, ["drop", "nothing-here", "--store", store])
    assert result.exit_code == 1 and "not in the store: nothing-here" in result.output and "plan-001" in result.output


KILL_SCRIPT = """
import sys
from pathlib import Path
from plankg.graph.build import build_graph
print("started", flush=True)
build_graph([Path(sys.argv[1])], sys.argv[2], workers=1, progress=False)
print("finished", flush=True)
"""

READ_SCRIPT = """
import json, sys
from plankg.graph.build import read_manifest
from plankg.graph.store import open_store
store = open_store(sys.argv[1])
rows = store.select('''SELECT ?id ?sha ?n (COUNT(?s) AS ?actual) ?planSha WHERE {
  GRAPH <https://w3id.org/plankg/graph/manifest> { ?g <https://w3id.org/plankg/ontology#documentId> ?id ;
     <https://w3id.org/plankg/ontology#sha256> ?sha ; <https://w3id.org/plankg/ontology#tripleCount> ?n }
  GRAPH ?g { ?s ?p ?o } OPTIONAL { GRAPH ?g { ?plan <https://w3id.org/plankg/ontology#sha256> ?planSha } } }
  GROUP BY ?id ?sha ?n ?planSha''')
print(json.dumps(rows))
"""


def test_killed_build_leaves_every_document_whole(tmp_path):
    """Kill a rebuild mid-way: each document is its old or its new version, whole, and a rerun completes."""
    docs = write_docs(tmp_path / "docs", 40)
    location = str(tmp_path / "store")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent)}
    subprocess.run([sys.executable, "-c", KILL_SCRIPT, str(tmp_path / "docs"), location], check=True, env=env,
                   capture_output=True)
    old = {str(d): d.read_bytes() for d in docs}
    for doc in docs:
        doc.write_text(doc.read_text(encoding="utf-8") + "\n二、新增内容。到2025年完成。\n", encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-c", KILL_SCRIPT, str(tmp_path / "docs"), location],
                               stdout=subprocess.PIPE, env=env)
    assert process.stdout.readline().strip() == b"started"
    time.sleep(1.0)
    process.send_signal(signal.SIGKILL)
    process.wait()
    rows = json.loads(subprocess.run([sys.executable, "-c", READ_SCRIPT, location], check=True, env=env,
                                     capture_output=True, text=True).stdout)
    assert len(rows) == 40
    old_hashes = {hashlib.sha256(b).hexdigest() for b in old.values()}
    new_hashes = {hashlib.sha256(d.read_bytes()).hexdigest() for d in docs}
    for row in rows:
        assert row["n"] == row["actual"] and row["sha"] == row["planSha"]
        assert row["sha"] in old_hashes | new_hashes
    rerun = build_graph([tmp_path / "docs"], EmbeddedStore(tmp_path / "reopened-copy"), progress=False)
    assert rerun.added == 40
