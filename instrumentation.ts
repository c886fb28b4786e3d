// Runs once per server process at `next dev` / `next start` (not during `next build`).
// The Node-only work lives in lib/server-start.ts so the edge bundle never sees it.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startServer } = await import('./lib/server-start');
    await startServer();
  }
}
