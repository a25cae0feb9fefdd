/** A fault's description for the upload's failure column: the class and message, bounded; never a stack. */
export function describeErrorForJob(error: unknown, maxLength = 500): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}
