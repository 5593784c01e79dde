/**
 * The two kinds of failure drloop reports.
 *
 * A ConfigurationError is the user's to fix (a bad input, policy, plan or
 * artefact): it is reported as one clear line, never with a stack trace.
 * Anything else is drloop's own failure and keeps its stack for debug logs.
 */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
  /** Every problem found, when validation collected more than one. */
  readonly problems: string[];

  constructor(message: string, problems: string[] = []) {
    super(message);
    this.problems = problems;
  }
}

export function isConfigurationError(err: unknown): err is ConfigurationError {
  return err instanceof ConfigurationError;
}

/** A one-line description of any thrown value, for logs and `setFailed`. */
export function describeError(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
