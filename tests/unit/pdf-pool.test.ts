import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { AttestationPdfData } from '@/lib/attestations/pdf';
import { RenderPool } from '@/lib/attestations/pdf-pool';

const fakeWorker = new URL('../support/fake-pdf-worker.mjs', import.meta.url);
const job = (number: string) => ({ number }) as AttestationPdfData;
const pools: RenderPool[] = [];
const newPool = (size: number, timeoutMs = 30_000) => {
  const pool = new RenderPool(size, () => new Worker(fakeWorker), timeoutMs);
  pools.push(pool);
  return pool;
};
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.stop()));
});

describe('the PDF render threads', () => {
  it('returns each job its own bytes, spreading simultaneous jobs over the threads', async () => {
    const pool = newPool(2);
    const out = (await Promise.all(['slow-a', 'slow-b', 'slow-c', 'slow-d'].map((n) => pool.render(job(n))))).map((b) => b.toString());
    expect(out.map((s) => s.split('@')[0])).toEqual(['%PDF-slow-a', '%PDF-slow-b', '%PDF-slow-c', '%PDF-slow-d']);
    expect(new Set(out.map((s) => s.split('@')[1])).size).toBe(2);
    expect(Buffer.isBuffer(await pool.render(job('x')))).toBe(true);
  });

  it('one at a time, they all go to the same (warmest) thread', async () => {
    const pool = newPool(2);
    const threads = new Set<string>();
    for (const n of ['a', 'b', 'c']) threads.add((await pool.render(job(n))).toString().split('@')[1]!);
    expect(threads.size).toBe(1);
  });

  it('a render error fails that job only, with its message', async () => {
    const pool = newPool(1);
    await expect(pool.render(job('fail'))).rejects.toThrow(/police introuvable/);
    expect((await pool.render(job('ok'))).toString()).toMatch(/^%PDF-ok@/);
  });

  it('a thread that dies fails its jobs at once and is replaced for the next ones', async () => {
    const pool = newPool(1);
    const waiting = pool.render(job('slow-w'));
    await expect(pool.render(job('crash'))).rejects.toThrow(/interrompu/);
    await expect(waiting).rejects.toThrow(/interrompu/);
    expect(pool.threadCount).toBe(0);
    expect((await pool.render(job('after'))).toString()).toMatch(/^%PDF-after@/);
    expect(pool.threadCount).toBe(1);
  });

  it('a render that never ends fails after the time limit, and its thread is replaced', async () => {
    const pool = newPool(1, 200);
    await expect(pool.render(job('hang'))).rejects.toThrow(/trop long/);
    expect((await pool.render(job('next'))).toString()).toMatch(/^%PDF-next@/);
  });
});
