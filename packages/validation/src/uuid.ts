const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a string is a UUID in its canonical 8-4-4-4-12 hex form (any version, either case). Ids are UUIDs; anything
 * else names nothing and must not reach a uuid column, where PostgreSQL would refuse it with a cast error (a 500
 * instead of "not found"). Pure, so domain code may use it too.
 */
export function isUuid(text: string): boolean {
  return UUID.test(text);
}
