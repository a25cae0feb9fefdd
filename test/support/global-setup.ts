/**
 * With CI=true nothing may be skipped for want of a server: CI must run every test against a real PostgreSQL and a
 * real Redis, so a missing URL stops the run here rather than silently shrinking it.
 */
export default function globalSetup(): void {
  const missing = ['DATABASE_URL', 'REDIS_URL'].filter((name) => !process.env[name]);
  if (process.env.CI === 'true' && missing.length > 0) {
    throw new Error(`CI=true but ${missing.join(' and ')} not set: CI runs every test against real servers`);
  }
  const using = [
    process.env.DATABASE_URL ? 'PostgreSQL at DATABASE_URL' : 'embedded PGlite (DATABASE_URL unset)',
    process.env.REDIS_URL ? 'Bull on REDIS_URL' : 'the in-process queue (REDIS_URL unset)',
  ];
  console.log(`Tests use ${using.join(' and ')}.`);
}
