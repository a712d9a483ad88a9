/**
 * Documents off the bot's thread: a small pool of worker threads makes the PDFs,
 * letters and police exports (document-jobs.ts), so a 10,000-report export or
 * twenty PDFs at once never hold up anyone else's answer. Workers start on the
 * first job and are started again after a crash; a job that fails, crashes its
 * worker or takes too long rejects with a DocumentError that names the cause,
 * and the person is told in their language (middlewares/errors.ts).
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Logger } from "../logger.js";
import type { DocumentJob, JobResult } from "./document-jobs.js";
import type { JobMessage, ReplyMessage } from "./document-worker.js";
import type { DocumentRenderer } from "./documents.js";

export class DocumentError extends Error {}

export interface DocumentWorkersOptions {
  /** Threads at most (default: the cores, between 2 and 4). */
  size?: number;
  /** Heap cap of each worker, MB (the bot's own cap by default). */
  memoryMb?: number | undefined;
  fontPath?: string | undefined;
  /** A job still running after this is abandoned and its worker restarted. */
  timeoutMs?: number;
  logger: Logger;
  /** Called when a job ends (render-time metrics). */
  onDone?: (kind: DocumentJob["kind"], seconds: number, ok: boolean) => void;
}

interface Task {
  job: DocumentJob;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  busy?: { id: number; task: Task; started: number; timer: NodeJS.Timeout } | undefined;
}

export const defaultWorkerCount = () => Math.min(4, Math.max(2, availableParallelism()));

/** tsx's ESM API, resolved from here (the bare name, from the project folder, where import.meta.resolve is missing). */
function tsxApi(): string {
  try {
    return import.meta.resolve("tsx/esm/api");
  } catch {
    return "tsx/esm/api";
  }
}

/** From source (tsx, tests) the worker loads TypeScript through tsx; the bundle has document-worker.js beside it. */
function spawn(options: DocumentWorkersOptions): Worker {
  const here = import.meta.url;
  const limits = options.memoryMb ? { resourceLimits: { maxOldGenerationSizeMb: options.memoryMb } } : {};
  const workerData = { fontPath: options.fontPath };
  if (here.endsWith(".ts")) {
    const tsx = tsxApi();
    const entry = new URL("./document-worker.ts", here).href;
    const boot = `import(${JSON.stringify(tsx)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(here)}))`;
    return new Worker(boot, { eval: true, workerData, ...limits });
  }
  return new Worker(new URL("./document-worker.js", here), { workerData, ...limits });
}

/** Bytes come back from a thread as Uint8Array: Buffer again, wherever they are in the result. */
function revive(value: unknown): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  if (Array.isArray(value)) return value.map(revive);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v)]));
  }
  return value;
}

export class DocumentWorkers implements DocumentRenderer {
  private readonly slots: (Slot | undefined)[];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: DocumentWorkersOptions) {
    this.slots = new Array(options.size ?? defaultWorkerCount()).fill(undefined);
  }

  /** Starts one worker ahead of the first document (its libraries and fonts load meanwhile). */
  warm(): void {
    if (!this.closed && this.slots[0] === undefined) this.start(0);
  }

  /** Jobs waiting for a free worker. */
  get queued(): number {
    return this.queue.length;
  }

  run<J extends DocumentJob>(job: J): Promise<JobResult<J>> {
    if (this.closed) return Promise.reject(new DocumentError("documents are not made any more: the bot is stopping"));
    return new Promise<JobResult<J>>((resolve, reject) => {
      this.queue.push({ job, resolve: resolve as (value: unknown) => void, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new DocumentError("the bot stopped before the document"));
    await Promise.all(
      this.slots.map(async (slot, i) => {
        this.slots[i] = undefined;
        if (!slot) return;
        if (slot.busy) {
          clearTimeout(slot.busy.timer);
          slot.busy.task.reject(new DocumentError("the bot stopped before the document"));
        }
        await slot.worker.terminate();
      }),
    );
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let index = this.slots.findIndex((s) => s !== undefined && !s.busy);
      if (index < 0) index = this.slots.indexOf(undefined);
      if (index < 0) return;
      const slot = this.slots[index] ?? this.start(index);
      const task = this.queue.shift()!;
      this.assign(slot, index, task);
    }
  }

  private start(index: number): Slot {
    const worker = spawn(this.options);
    // Only a worker with a job keeps the process alive.
    worker.unref();
    let ready: () => void = () => undefined;
    const slot: Slot = { worker, ready: new Promise<void>((resolve) => (ready = resolve)) };
    worker.on("message", (message: ReplyMessage | "ready") => {
      if (message === "ready") return ready();
      this.finish(slot, message);
    });
    worker.on("error", (error) => this.lose(slot, index, error.message));
    worker.on("exit", (code) => this.lose(slot, index, `the document worker exited (code ${code})`));
    this.slots[index] = slot;
    return slot;
  }

  private assign(slot: Slot, index: number, task: Task): void {
    const id = this.nextId++;
    const timer = setTimeout(() => {
      this.lose(slot, index, "the document took too long");
      void slot.worker.terminate();
    }, this.options.timeoutMs ?? 120_000);
    slot.busy = { id, task, started: performance.now(), timer };
    slot.worker.ref();
    void slot.ready.then(() => slot.worker.postMessage({ id, job: task.job } satisfies JobMessage));
  }

  private finish(slot: Slot, message: ReplyMessage): void {
    const busy = slot.busy;
    if (!busy || busy.id !== message.id) return;
    clearTimeout(busy.timer);
    slot.busy = undefined;
    slot.worker.unref();
    const ok = "result" in message;
    this.options.onDone?.(busy.task.job.kind, (performance.now() - busy.started) / 1000, ok);
    if (ok) busy.task.resolve(revive(message.result));
    else busy.task.reject(new DocumentError(`the ${busy.task.job.kind} could not be made: ${message.error}`));
    this.dispatch();
  }

  /** The worker is gone (crash, out of memory, timeout): its job fails, a new worker takes the next. */
  private lose(slot: Slot, index: number, why: string): void {
    if (this.slots[index] !== slot) return;
    this.slots[index] = undefined;
    const busy = slot.busy;
    slot.busy = undefined;
    if (busy) {
      clearTimeout(busy.timer);
      this.options.onDone?.(busy.task.job.kind, (performance.now() - busy.started) / 1000, false);
      this.options.logger.error({ job: busy.task.job.kind, why }, "document worker lost");
      busy.task.reject(new DocumentError(`the ${busy.task.job.kind} could not be made: ${why}`));
    }
    if (!this.closed) this.dispatch();
  }
}
