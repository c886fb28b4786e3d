// next/headers for code called outside a Next request (route handlers, lib/auth/current.ts in tests):
//   vi.mock('next/headers', async () => (await import('../support/next-headers')).nextHeadersMock);
// then put the request's cookies in `cookieJar`.

/** The request's cookies, by name. */
export const cookieJar = new Map<string, string>();

export const nextHeadersMock = {
  cookies: async () => ({
    get: (name: string) => (cookieJar.has(name) ? { name, value: cookieJar.get(name)! } : undefined),
    getAll: () => [...cookieJar].map(([name, value]) => ({ name, value })),
  }),
  headers: async () => new Headers(),
};
