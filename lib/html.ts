// For the few places that write HTML by hand (the verifier's verdict page, the 503 pages of route
// handlers, the leave team table's rows): text and attribute values escaped.

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => escapes[c]!);
}
