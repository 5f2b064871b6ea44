/**
 * The pseudo-locale: each catalog string accented, lengthened by a third and wrapped in
 * ⟦ ⟧, its `{{placeholders}}` kept. A screen shown in it reveals at a glance (and to the
 * pseudo-locale E2E) any text that did not come from a catalog, and whether layouts hold
 * longer strings.
 */
import type { Catalog } from './catalogs/en';

const ACCENTS: Record<string, string> = {
  a: 'á',
  e: 'é',
  i: 'í',
  o: 'ó',
  u: 'ú',
  A: 'Á',
  E: 'É',
  I: 'Í',
  O: 'Ó',
  U: 'Ú',
  c: 'ç',
  n: 'ñ',
};

export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';

export function pseudoString(s: string): string {
  const parts = s.split(/(\{\{[^}]*\}\})/);
  const body = parts
    .map((p) => (p.startsWith('{{') ? p : p.replace(/[a-zA-Z]/g, (ch) => ACCENTS[ch] ?? ch)))
    .join('');
  const letters = s.replace(/\{\{[^}]*\}\}/g, '').length;
  return `${PSEUDO_OPEN}${body}${'~'.repeat(Math.ceil(letters / 3))}${PSEUDO_CLOSE}`;
}

export function pseudoCatalog<T extends Catalog | Catalog[keyof Catalog]>(catalog: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(catalog))
    out[k] = typeof v === 'string' ? pseudoString(v) : pseudoCatalog(v as Catalog);
  return out as T;
}
