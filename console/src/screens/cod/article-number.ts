/**
 * UPU S10 article numbers as a clerk types them (EE 123 456 785 IN): spaces and dashes dropped, upper-cased, and
 * checked by the same rule the server applies (cod-settlement articles/s10.ts), so a mistyped digit is caught at the
 * counter before anything is sent. The server still decides.
 */
const WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;
const SHAPE = /^([A-Z]{2})([0-9]{8})([0-9])([A-Z]{2})$/;

export function normaliseArticleNumber(text: string): string {
  return text.replace(/[\s-]+/g, '').toUpperCase();
}

/** 11 minus the weighted sum mod 11, where 10 reads 0 and 11 reads 5. */
export function s10CheckDigit(serial: string): number {
  const sum = WEIGHTS.reduce((total, weight, at) => total + weight * Number(serial[at]), 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 0 : check === 11 ? 5 : check;
}

/** Why the text is not an article number, in words, or undefined when it is one. */
export function articleNumberProblem(text: string): string | undefined {
  const value = normaliseArticleNumber(text);
  if (value === '') return 'Type the article number, e.g. EE123456785IN.';
  const match = SHAPE.exec(value);
  if (!match) return 'An article number is 2 letters, 9 digits and 2 letters, e.g. EE123456785IN.';
  if (Number(match[3]) !== s10CheckDigit(match[2]!)) return 'The check digit does not match: a digit is mistyped.';
  return undefined;
}

/** "EE 123 456 785 IN": the way it is printed on the label, for reading aloud. */
export function groupArticleNumber(value: string): string {
  const match = SHAPE.exec(value);
  return match ? `${match[1]} ${match[2]!.slice(0, 3)} ${match[2]!.slice(3, 6)} ${match[2]!.slice(6)}${match[3]} ${match[4]}` : value;
}

/**
 * Article numbers pasted as a list (one a line, or separated by commas or spaces; grouped numbers such as
 * "EE 123 456 785 IN" are one number only when on a line of their own): each normalised, each once, with the first
 * problem found. At most `max` (the API's 1,000 a clearing).
 */
export function articleNumberList(text: string, max = 1_000): { numbers: string[]; problem?: string } {
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
  const pieces = lines.flatMap((line) => (articleNumberProblem(line) === undefined ? [line] : line.split(/[\s,;]+/).filter((piece) => piece !== '')));
  const numbers: string[] = [];
  for (const piece of pieces) {
    const problem = articleNumberProblem(piece);
    if (problem) return { numbers, problem: `${piece}: ${problem}` };
    const number = normaliseArticleNumber(piece);
    if (!numbers.includes(number)) numbers.push(number);
  }
  if (numbers.length === 0) return { numbers, problem: 'List the article numbers to clear, one a line.' };
  if (numbers.length > max) return { numbers, problem: `At most ${max.toLocaleString('en-IN')} articles at a time: ${numbers.length.toLocaleString('en-IN')} are listed.` };
  return { numbers };
}
