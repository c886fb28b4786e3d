/** URL of another database on the same server as `base`. */
export function databaseUrlFor(base: string, database: string): string {
  const u = new URL(base);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A database to connect to for CREATE/DROP DATABASE (never the one being created). */
export function adminUrl(base: string): string {
  return databaseUrlFor(base, 'postgres');
}
