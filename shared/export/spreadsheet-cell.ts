/**
 * Text for a cell of a CSV or TSV that a spreadsheet will open, or a user will paste into
 * one. A cell that starts with = + - @ runs as a formula there (CSV injection: a profile
 * name or a vendor message such as `=HYPERLINK(...)`). Spreadsheets also look past what
 * leads it: spaces, line breaks, no-break and zero-width spaces, and some read the
 * full-width ＝＋－＠ as the ASCII signs. So the first visible character decides, folded
 * to its plain form, and such a cell gets a leading ' that keeps the whole cell text.
 */

/** Whitespace (NBSP, U+3000 and the BOM included), control and format (zero-width) characters. */
const INVISIBLE_LEAD = /^[\s\p{Cc}\p{Cf}]*/u;
const FORMULA_SIGNS = new Set(['=', '+', '-', '@']);
/** A plain number such as a vendor code of -1 stays a number. */
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

export function neutralizeFormula(text: string): string {
  if (PLAIN_NUMBER.test(text)) return text;
  const lead = INVISIBLE_LEAD.exec(text)![0].length;
  const first = text.codePointAt(lead);
  if (first === undefined) return text;
  // NFKC folds full-width (＝), small (﹦) and super/subscript (⁼) signs to ASCII.
  const folded = String.fromCodePoint(first).normalize('NFKC');
  return FORMULA_SIGNS.has(folded[0] ?? '') ? `'${text}` : text;
}
