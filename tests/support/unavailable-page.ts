import { expect } from 'vitest';

/** The French 503 page of lib/http/failure.ts: it says `sentence`, and nothing matching `leaks`. */
export async function expectUnavailablePage(res: Response, sentence: string, leaks: RegExp): Promise<void> {
  expect(res.status).toBe(503);
  expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(res.headers.get('retry-after')).toBe('30');
  const page = await res.text();
  expect(page).toContain('<html lang="fr">');
  expect(page).toContain('Service momentanément indisponible');
  expect(page).toContain(sentence);
  expect(page).not.toMatch(leaks);
}
