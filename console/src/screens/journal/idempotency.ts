/**
 * An idempotency key for one command the person means to give once: made when the form opens and kept until the
 * command has been answered, so a double click, a retry after a dropped connection or a re-submit after signing in
 * again is the same request to the server, never a second journal. crypto.getRandomValues works on plain-HTTP origins
 * too (randomUUID needs a secure context), and 128 random bits cannot collide in practice.
 */
export function newIdempotencyKey(purpose: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `console-${purpose}-${hex}`;
}
