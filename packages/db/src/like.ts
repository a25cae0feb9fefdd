// User text that reaches SQL inside a LIKE pattern is escaped here, in one place, so every subgraph matches it
// literally (a search for `50%` finds "50%", not everything starting with 50).

/** LIKE's wildcards (`%`, `_`) and its escape character (`\`) taken literally, for use inside a LIKE pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** A LIKE pattern matching any text that contains `text` literally (a search box). */
export function likeContaining(text: string): string {
  return `%${escapeLike(text)}%`;
}
