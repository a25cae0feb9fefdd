import type { z } from 'zod';

export type EnvSource = Record<string, string | undefined>;

/** A configuration problem, naming each variable at fault, so start-up stops with a message an operator can act on. */
export class ConfigError extends Error {
  constructor(readonly problems: Array<{ variable: string; message: string }>) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads the environment once through a zod object schema whose keys are the variable names. Empty strings count as
 * unset, so `FOO=` in a shell means the default, not an invalid value.
 */
export function loadConfig<S extends z.ZodType>(schema: S, env: EnvSource = process.env): z.infer<S> {
  const cleaned: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined && value !== '') cleaned[key] = value;
  const parsed = schema.safeParse(cleaned);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    parsed.error.issues.map((issue) => ({
      variable: issue.path.map(String).join('.') || '(environment)',
      message: issue.message,
    })),
  );
}
