/**
 * What an operator watches, in Prometheus's text format (served at /metrics):
 * updates handled and their handling time, Bot API calls by method and outcome,
 * Telegram's 429 waits, the depth of the queues (inbox, updates being handled,
 * documents waiting), how long documents take, and the process itself (event-loop
 * lag, memory, CPU, GC). Labels carry methods, kinds and codes — never a person.
 * Each app has its own registry, so tests can run several side by side.
 */
import type { ServerResponse } from "node:http";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

export type Outcome = "ok" | "error";

export interface QueueProbes {
  /** Updates written to the inbox and not yet handled, and the age of the oldest in seconds. */
  inbox(): Promise<{ depth: number; oldestSeconds: number }>;
  /** Document jobs waiting for a worker. */
  documentsQueued(): number;
}

export class Metrics {
  readonly registry = new Registry();
  readonly updates = new Counter({
    name: "saqbol_updates_total",
    help: "Updates handled, by kind of update and outcome",
    labelNames: ["kind", "outcome"] as const,
    registers: [this.registry],
  });
  readonly updateSeconds = new Histogram({
    name: "saqbol_update_handling_seconds",
    help: "Time from the start of an update's handling to its end (replies included)",
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly inFlight = new Gauge({
    name: "saqbol_updates_in_flight",
    help: "Updates being handled right now (the sink's depth)",
    registers: [this.registry],
  });
  readonly apiCalls = new Counter({
    name: "saqbol_bot_api_calls_total",
    help: "Bot API calls (each attempt), by method and result: ok, the error code, or network",
    labelNames: ["method", "code"] as const,
    registers: [this.registry],
  });
  readonly waits429 = new Counter({
    name: "saqbol_bot_api_429_waits_total",
    help: "Times Telegram answered 429 (too many requests) and asked the bot to wait",
    labelNames: ["method"] as const,
    registers: [this.registry],
  });
  readonly waited429 = new Counter({
    name: "saqbol_bot_api_429_wait_seconds_total",
    help: "Seconds Telegram asked the bot to wait in its 429 answers",
    registers: [this.registry],
  });
  readonly documentSeconds = new Histogram({
    name: "saqbol_document_render_seconds",
    help: "Time to make a document in a worker (PDF, letters, export), by kind and outcome",
    labelNames: ["kind", "outcome"] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [this.registry],
  });

  /** Updates the error boundary caught (counted as errors once handled). */
  readonly failed = new WeakSet<object>();

  constructor() {
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 10 });
  }

  /** The queue gauges read their values when scraped. */
  watchQueues(probes: QueueProbes): void {
    this.probe(
      "saqbol_inbox_depth",
      "Updates in the inbox: received, not yet handled",
      async () => (await probes.inbox()).depth,
    );
    this.probe(
      "saqbol_inbox_oldest_seconds",
      "Age of the oldest update still in the inbox (0 when empty)",
      async () => (await probes.inbox()).oldestSeconds,
    );
    this.probe("saqbol_documents_queued", "Document jobs waiting for a worker", probes.documentsQueued);
  }

  private probe(name: string, help: string, read: () => number | Promise<number>): void {
    new Gauge({
      name,
      help,
      registers: [this.registry],
      async collect() {
        this.set(await read());
      },
    });
  }

  /** The body of GET /metrics. */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** Answers GET /metrics on any node:http server (the ops server mounts it). */
  async serve(res: ServerResponse): Promise<void> {
    try {
      const body = await this.text();
      res.writeHead(200, { "content-type": this.contentType }).end(body);
    } catch (error) {
      res.writeHead(500).end(String((error as Error).message));
    }
  }
}
