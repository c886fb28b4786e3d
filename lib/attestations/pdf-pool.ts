import 'server-only';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { getEnv } from '@/lib/env';
import { renderAttestationPdfHere, type AttestationPdfData } from './pdf';
import type { PdfJob, PdfJobResult } from './pdf-worker';

// Attestation PDFs are rendered by a few threads beside the server's main thread (pdf-worker.ts).
//
// Why: a render is ~25 ms of synchronous CPU (react-pdf's layout, font subsetting, deflate). On the main
// thread it holds every other request of the process for that long, and a download at 4 connections
// could use one core only (npm run bench, issue 5: ≥ 40 first downloads per second). The main thread
// keeps what needs the database and the keys (rights, status, number, signature); a render thread gets
// the finished data and returns the bytes.
//
// Only under the Next server (NEXT_RUNTIME is set there; the bundler builds pdf-worker.ts as its own
// entry): tests, scripts and the CLI render on their own thread. PDF_RENDER_THREADS=0 does the same.

const JOB_TIMEOUT_MS = 30_000;

/** The thread running pdf-worker.ts (written this way so that the bundler builds it as a worker entry). */
const spawnRenderThread = () => new Worker(new URL('./pdf-worker.ts', import.meta.url));

type Pending = { resolve: (pdf: Buffer) => void; reject: (err: Error) => void; timer: NodeJS.Timeout };

class RenderThread {
  readonly worker: Worker;
  readonly pending = new Map<number, Pending>();
  dead = false;

  constructor(
    spawn: () => Worker,
    private readonly timeoutMs: number,
    private readonly onDeath: (t: RenderThread) => void,
  ) {
    this.worker = spawn();
    this.worker.unref(); // never keeps the process alive by itself
    this.worker.on('message', (msg: PdfJobResult) => {
      const job = this.pending.get(msg.id);
      if (!job) return;
      this.pending.delete(msg.id);
      clearTimeout(job.timer);
      if ('error' in msg) job.reject(new Error(`rendu du PDF impossible / PDF rendering failed: ${msg.error}`));
      else job.resolve(Buffer.from(msg.pdf.buffer, msg.pdf.byteOffset, msg.pdf.byteLength));
    });
    this.worker.on('error', (err) => this.die(err));
    this.worker.on('exit', (code) => this.die(new Error(`rendu du PDF interrompu / PDF render thread exited (${code})`)));
  }

  render(id: number, data: AttestationPdfData): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        // A render that never ends: this thread is not trusted any more.
        this.die(new Error(`rendu du PDF trop long / PDF render took more than ${this.timeoutMs} ms`));
        void this.worker.terminate();
      }, this.timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      this.worker.postMessage({ id, data } satisfies PdfJob);
    });
  }

  private die(err: Error): void {
    if (this.dead) return;
    this.dead = true;
    this.onDeath(this);
    for (const job of this.pending.values()) {
      clearTimeout(job.timer);
      job.reject(err);
    }
    this.pending.clear();
  }
}

export class RenderPool {
  private threads: RenderThread[] = [];
  private nextId = 1;

  constructor(
    private readonly size: number,
    private readonly spawn: () => Worker = spawnRenderThread,
    private readonly timeoutMs = JOB_TIMEOUT_MS,
  ) {}

  /** Threads running now (tests). */
  get threadCount(): number {
    return this.threads.length;
  }

  /** Starts the threads (each loads react-pdf and the fonts once); the first renders are then no slower. */
  start(): void {
    while (this.threads.length < this.size) {
      this.threads.push(new RenderThread(this.spawn, this.timeoutMs, (dead) => (this.threads = this.threads.filter((t) => t !== dead))));
    }
  }

  render(data: AttestationPdfData): Promise<Buffer> {
    this.start(); // replaces a thread that died
    // The least busy thread; among equals the first: when downloads come one at a time they all go to the
    // same thread, whose compiled code is then the hottest.
    let best = this.threads[0]!;
    for (const t of this.threads) if (t.pending.size < best.pending.size) best = t;
    return best.render(this.nextId++, data);
  }

  /** Stops every thread (tests; the server's threads end with the process). */
  async stop(): Promise<void> {
    const threads = this.threads;
    this.threads = [];
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }
}

let pool: RenderPool | null | undefined;

function getPool(): RenderPool | null {
  if (pool === undefined) {
    const configured = getEnv().pdfRenderThreads;
    const size = configured ?? Math.min(4, os.availableParallelism());
    pool = process.env.NEXT_RUNTIME === 'nodejs' && size > 0 ? new RenderPool(size) : null;
  }
  return pool;
}

/** The attestation's PDF: on a render thread under the server, here otherwise. */
export function renderAttestationPdf(data: AttestationPdfData): Promise<Buffer> {
  const p = getPool();
  return p ? p.render(data) : renderAttestationPdfHere(data);
}

/** At server start: the render threads are started and warmed before the first download asks. */
export function startPdfRenderThreads(): void {
  getPool()?.start();
}
