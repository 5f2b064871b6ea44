/**
 * The words every Sessions row repeats, worded once per language (see i18n/row-words.ts): a
 * refresh every 2 s re-renders up to every row, and i18next per cell took about 40% of it.
 */
import { SLOT, wordedPerLanguage } from '../../i18n/row-words';

type CopyWhat = 'debugAddress' | 'wsUrl' | 'webdriver';

export const sessionWords = wordedPerLanguage((t) => {
  const copy = (what: CopyWhat) => ({
    label: t(`sessions.copy.${what}`),
    /** With SLOT for the profile's name. */
    of: t(`sessions.copy.${what}Of`, { name: SLOT }),
  });
  return {
    notReported: t('sessions.notReported'),
    /** With SLOT for why. */
    missing: t('sessions.missing', { why: SLOT }),
    dir: t('sessions.dir', { dir: SLOT }),
    snippets: t('sessions.snippets'),
    snippetsFor: t('sessions.snippetsFor', { name: SLOT }),
    devtools: t('sessions.devtools'),
    devtoolsFor: t('sessions.devtoolsFor', { name: SLOT }),
    opening: t('sessions.opening'),
    noEngine: t('sessions.noEngine'),
    copy: {
      debugAddress: copy('debugAddress'),
      wsUrl: copy('wsUrl'),
      webdriver: copy('webdriver'),
    } satisfies Record<CopyWhat, unknown>,
    thumbnail: {
      firefox: t('sessions.thumbnail.firefox'),
      focus: t('sessions.thumbnail.focus'),
      focusLabel: t('sessions.thumbnail.focusLabel', { name: SLOT }),
      alt: t('sessions.thumbnail.alt', { name: SLOT }),
    },
  };
});
