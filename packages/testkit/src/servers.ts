/**
 * Which real servers this test run has. Tests of behaviour that only a real server can show (a process killed
 * between commit and publish against a shared PostgreSQL, Bull's stalled-job redelivery in Redis) are skipped when
 * the URL is unset, and their names say what they need, so the skip report reads as a list of what was not shown.
 * With CI=true the global setup refuses to run without both servers, so CI can skip nothing.
 */
export const serverAvailability = {
  postgres: Boolean(process.env.DATABASE_URL),
  redis: Boolean(process.env.REDIS_URL),
};

/** `describe.skipIf(!needs('redis'))` reads badly; `describe.runIf(needs('redis'))` reads well. */
export function needs(...servers: Array<keyof typeof serverAvailability>): boolean {
  return servers.every((server) => serverAvailability[server]);
}
