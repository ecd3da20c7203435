"""pool: audit in worker processes, every core busy, results in input order.

Each worker receives the auditor once (pickled when it starts), then chunks of inputs: a file's name (the
worker reads and decodes it), or a document (stdin, live mode). It answers a light result per document,
the last of an input's saying the input is done (one message, not two: the parent reads fewer). The
parent keeps at most a few chunks per worker in flight and yields results in the order of the inputs,
holding back only those that finished early.

A worker that dies (a crash in C code, the kernel's OOM killer) or says nothing for far longer than the
per-document time limit (a rule that never returns) is killed and replaced: the document it was on gets
an `input/internal-error`, and the rest of its work goes to the others. Workers run in a session of their
own (a terminal's Ctrl-C reaches only the parent, which stops them) and end when the parent goes away.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import queue
import selectors
import signal
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING

from .baseline import document_ref
from .model import Document, DocumentRef
from .results import DocumentResult
from .work import auditor_of, documents_of

if TYPE_CHECKING:
    from .engine import Auditor
    from .run import Rendering

CHUNK = 2  # inputs sent at once
AHEAD = 1  # chunks a worker may hold beyond the one it is on (more: a slow document holds back more work)
# Inputs taken ahead of the first whose results are not out: room for the other workers to go on while one
# is on a slow document (its results wait, in order, in memory: some kilobytes each).
WINDOW = 64
# A message this small (a chunk of file names) the parent writes itself when the sending thread is idle: the few
# chunks a worker holds can never fill a pipe (64 KiB), so the write never blocks, and no thread need wake.
SEND_HERE = 8 * 1024
HELP_WHILE_STARTING = True  # this process audits until a worker is ready (tests turn it off to test workers)


@dataclass
class _Task:
    seq: int  # the input's place in submission order
    key: tuple[int, ...]
    item: object  # a Document, or a load.FileInput
    skip: int = 0  # documents of the input already audited (a retry after a worker died)
    delivered: int = 0  # results received for it


class _Worker:
    """A Python process started for the run (`python -c`, not multiprocessing: nothing of the parent's main
    module runs in it), talking through two pipes of its own."""

    def __init__(self, auditor: bytes):
        tasks_read, tasks_write = os.pipe()
        results_read, results_write = os.pipe()
        self.process = subprocess.Popen(
            [sys.executable, "-c", f"from seoaudit.pool import serve; serve({tasks_read}, {results_write})"],
            pass_fds=(tasks_read, results_write), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            start_new_session=True)  # a terminal's Ctrl-C goes to this process alone: it decides
        os.close(tasks_read)
        os.close(results_write)
        self.results = Connection(results_read, writable=False)
        self.tasks: deque[_Task] = deque()  # sent, in order; the first is the one it is on
        self.chunks = 0  # sent and not finished
        self.ready = False  # it has loaded the auditor
        self.heard = time.monotonic()  # its last word, or when it was last given work while idle
        # Large sends go through a thread: a worker busy on a long document never blocks the parent.
        self._tasks = Connection(tasks_write, readable=False)
        self._outbox: queue.SimpleQueue = queue.SimpleQueue()
        self._queued = 0  # messages put in the outbox (counted by this thread alone)
        self._sent = 0  # of those, sent (counted by the sending thread alone): equal, it is idle
        self._post(auditor)
        threading.Thread(target=self._send, daemon=True).start()

    def _post(self, message: bytes | None) -> None:
        self._queued += 1
        self._outbox.put(message)

    def _send(self) -> None:
        while (message := self._outbox.get()) is not None:
            try:
                self._tasks.send_bytes(message)
            except OSError:  # the worker is gone: the parent sees it on the results side
                break
            self._sent += 1
        self._tasks.close()

    def give(self, chunk: list[_Task]) -> None:
        """Send a chunk (raises what pickling raises: a document that cannot travel)."""
        message = pickle.dumps([(t.seq, t.key, t.item, t.skip) for t in chunk], -1)
        if not self.tasks:
            self.heard = time.monotonic()
        self.tasks.extend(chunk)
        self.chunks += 1
        if len(message) > SEND_HERE or self._sent != self._queued:  # in order, after what the thread holds
            self._post(message)
            return
        with contextlib.suppress(OSError):  # the worker is gone: as in _send
            self._tasks.send_bytes(message)

    def close(self) -> None:
        """Close its task pipe: an idle worker ends on that."""
        self._post(None)

    def stop(self) -> None:
        self.close()
        if self.tasks or not self.ready:  # busy, stuck or still starting: killed
            self.process.kill()
        try:
            self.process.wait(timeout=1)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.results.close()


class Pool:
    def __init__(self, auditor: Auditor, jobs: int, rendering: Rendering):
        self.auditor = auditor
        self.jobs = jobs
        self.rendering = rendering
        limits = auditor.context.limits
        # A document gets its own time limit, checked between rules; a worker silent for much longer is stuck.
        self.hang_after = max(3 * limits.document_timeout, limits.document_timeout + 5)
        # What a worker needs before its first document: the auditor and the reports' rendering, and where to
        # import rule modules from.
        self._auditor = pickle.dumps((sys.path, pickle.dumps((auditor, rendering), -1)), -1)
        # One selector for the run (not one per wait, as multiprocessing's wait and poll make): listening
        # costs a system call, not a selector's set-up.
        self._selector = selectors.DefaultSelector()
        self._workers = [self._start() for _ in range(jobs)]

    def _start(self) -> _Worker:
        worker = _Worker(self._auditor)
        self._selector.register(worker.results, selectors.EVENT_READ, worker)
        return worker

    def _stop(self, worker: _Worker) -> None:
        self._selector.unregister(worker.results)
        worker.stop()

    def results(self, keyed: Iterator[tuple[tuple[int, ...], object]]) -> Iterator[DocumentResult]:
        """Audit each (key, input), yielding results in the order of the inputs."""
        waiting: deque[_Task] = deque()  # not yet sent
        ready: dict[int, list[DocumentResult]] = {}  # results not yet yielded, by input
        done: set[int] = set()
        submitted = emitted = 0
        more = True
        window = self.jobs * WINDOW
        while True:
            while more and submitted - emitted < window:
                entry = next(keyed, None)
                if entry is None:
                    more = False
                    break
                waiting.append(_Task(submitted, *entry))
                submitted += 1
            self._dispatch(waiting, ready, done)
            while emitted in ready or emitted in done:
                yield from ready.pop(emitted, ())
                if emitted not in done:
                    break
                done.discard(emitted)
                emitted += 1
            if not more and emitted == submitted:
                return
            if waiting and (not self._workers or (HELP_WHILE_STARTING and not any(w.ready for w in self._workers))):
                # While the workers start (or if none can), this process audits: never idle, never stuck.
                task = waiting.popleft()
                ready.setdefault(task.seq, []).extend(self._here(task))
                done.add(task.seq)
                self._collect(ready, done, waiting, timeout=0)
            else:
                self._collect(ready, done, waiting)

    def _here(self, task: _Task) -> list[DocumentResult]:
        limits = self.auditor.context.limits
        auditor = auditor_of(self.auditor, task.item)
        return [self.rendering(auditor.audit(document, (*task.key, index)))
                for index, document in enumerate(documents_of(task.item, limits)) if index >= task.skip]

    def _dispatch(self, waiting: deque[_Task], ready: dict[int, list[DocumentResult]], done: set[int]) -> None:
        for worker in sorted(self._workers, key=lambda w: w.chunks):
            if not waiting:
                return
            if worker.ready and worker.chunks <= AHEAD:
                chunk = [waiting.popleft() for _ in range(min(CHUNK, len(waiting)))]
                try:
                    worker.give(chunk)
                except Exception:  # what pickle raises varies: audit them here instead
                    for task in chunk:
                        ready.setdefault(task.seq, []).extend(self._here(task))
                        done.add(task.seq)

    def _collect(self, ready: dict[int, list[DocumentResult]], done: set[int], waiting: deque[_Task],
                 timeout: float = 1.0) -> None:
        """Wait for what the workers say (or for one to die, or to hang) and file all that has come."""
        events = self._selector.select(timeout)
        while events:
            for selected, _ in events:
                worker = selected.data
                try:
                    self._file(worker, worker.results.recv(), ready, done)
                except (EOFError, OSError):  # its end of the pipe closed: it died
                    code = worker.process.wait()
                    if not worker.ready:  # before its first document: it cannot start; this process does the work
                        self._stop(worker)
                        self._workers.remove(worker)
                        continue
                    self._replace(worker, f"its worker process died ({_exit_status(code)})", "WorkerDied", ready,
                                  done, waiting)
            events = self._selector.select(0)
        now = time.monotonic()
        for worker in list(self._workers):
            if worker.tasks and now - worker.heard > self.hang_after:
                self._replace(worker, f"its worker process gave no answer for {self.hang_after:g} s and was stopped "
                              "(document-timeout is checked between rules: one rule never returned)", "WorkerHung",
                              ready, done, waiting)

    def _file(self, worker: _Worker, message: tuple, ready: dict, done: set) -> None:
        """A worker's message: (kind, input, result, whether the chunk ends). An input's last result says its
        input is done ("result"); an input that gave no result says so alone ("done")."""
        worker.heard = time.monotonic()
        kind, seq, payload, chunk_ends = message
        if kind == "ready":
            worker.ready = True
            return
        if kind == "result":
            worker.tasks[0].delivered += 1
            ready.setdefault(seq, []).append(payload)
        if chunk_ends is not None:  # the input is done
            worker.tasks.popleft()
            done.add(seq)
            if chunk_ends:
                worker.chunks -= 1

    def _replace(self, worker: _Worker, why: str, value: str, ready: dict, done: set, waiting: deque[_Task]) -> None:
        """Stop `worker`, report the document it was on, hand its other work back, start another."""
        self._stop(worker)
        self._workers[self._workers.index(worker)] = self._start()
        if not worker.tasks:
            return
        task = worker.tasks.popleft()
        rest = [_Task(t.seq, t.key, t.item, t.skip) for t in worker.tasks]
        index = task.skip + task.delivered
        if task.skip and not task.delivered:
            done.add(task.seq)  # a retry that failed before its first document: reading the file fails, give up
        else:
            ref = _failed_ref(task.item, index)
            message = f"auditing {ref.display_source} failed: {why}"
            ready.setdefault(task.seq, []).append(self.auditor.failed(ref, (*task.key, index), message, value))
            if isinstance(task.item, Document):
                done.add(task.seq)
            else:  # the file's other documents, after the one that failed
                rest.insert(0, _Task(task.seq, task.key, task.item, index + 1))
        waiting.extendleft(reversed(rest))

    def close(self) -> None:
        for worker in self._workers:
            worker.close()
        for worker in self._workers:
            self._stop(worker)
        self._workers = []
        self._selector.close()


def _failed_ref(item, index: int) -> DocumentRef:
    if isinstance(item, Document):
        return document_ref(item)
    # A file the worker was reading: its n-th document is the n-th item of a collection.
    return document_ref(Document(item.name or str(item.path), "invalid", pointer=f"/{index}" if index else ""))


def _exit_status(code: int | None) -> str:
    if code is not None and code < 0:
        return f"signal {signal.Signals(-code).name}"
    return f"exit code {code}"


def serve(tasks: int, results: int) -> None:
    """A worker (`python -c "from seoaudit.pool import serve; serve(…)"`): audit what the parent sends on the
    `tasks` pipe, answer on `results`, until the parent closes its end or goes away."""
    inbox, outbox = Connection(tasks, writable=False), Connection(results, readable=False)

    try:
        path, data = pickle.loads(inbox.recv_bytes())
        sys.path[:] = path
        auditor, rendering = pickle.loads(data)
        limits = auditor.context.limits
        outbox.send(("ready", None, None, None))
        while True:
            chunk = pickle.loads(inbox.recv_bytes())
            for position, (seq, key, item, skip) in enumerate(chunk):
                audit = auditor_of(auditor, item).audit
                done = position == len(chunk) - 1  # what the input's last message says: whether the chunk ends
                last = None
                for index, document in enumerate(documents_of(item, limits)):
                    if last is not None:  # not its input's last document: more follow
                        outbox.send(("result", seq, last, None))
                    last = rendering(audit(document, (*key, index))) if index >= skip else None
                outbox.send(("result" if last is not None else "done", seq, last, done))
    except (EOFError, OSError):  # the parent is done, or gone
        return
