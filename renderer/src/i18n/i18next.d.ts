import 'i18next';
import type { en } from './catalogs/en';

// Keys are checked against the English catalog: t('nav.profile') is a compile error.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
