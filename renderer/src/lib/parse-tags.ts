/** Splits "a, b ,c" into trimmed, de-duplicated tag names (the tag inputs' format). */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}
