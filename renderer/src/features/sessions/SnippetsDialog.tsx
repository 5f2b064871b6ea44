import { useMemo } from 'react';
import type { Session } from '../../../../shared/model';
import { copyText } from '../../lib/copy';
import { Dialog } from '../../components/Dialog';
import { buildSnippets } from './snippets';
import { sessionName } from './session-name';
import { Button } from '../../components/Button';
import { useTranslation } from '../../i18n';

/** Ready code for one open profile, each piece with its own copy button. */
export function SnippetsDialog({ session, onClose }: { session: Session; onClose(): void }) {
  const { t, i18n } = useTranslation();
  // Built again in another language: the snippets' comments are worded too.
  const snippets = useMemo(() => buildSnippets(session), [session, i18n.language]); // eslint-disable-line react-hooks/exhaustive-deps
  const name = sessionName(session);
  return (
    <Dialog title={t('sessions.snippetsDialog.title', { name })} onClose={onClose} wide>
      {snippets.length === 0 ? (
        <p className="text-xs text-zinc-500">{t('sessions.snippetsDialog.none')}</p>
      ) : (
        <div className="space-y-4">
          {snippets.map((s) => (
            <section key={s.id} aria-labelledby={`snippet-${s.id}`}>
              <div className="mb-1 flex items-center justify-between">
                <h3 id={`snippet-${s.id}`} className="text-xs font-semibold">
                  {s.label}
                </h3>
                <Button
                  onClick={() =>
                    void copyText(s.code, t('sessions.snippetsDialog.copied', { label: s.label }))
                  }
                  aria-label={t('sessions.snippetsDialog.copyLabel', { label: s.label })}
                >
                  {t('sessions.snippetsDialog.copy')}
                </Button>
              </div>
              <pre
                data-testid={`snippet-${s.id}`}
                className="overflow-x-auto rounded bg-zinc-100 p-2.5 font-mono text-[11px] leading-relaxed dark:bg-zinc-800/80"
              >
                <code>{s.code}</code>
              </pre>
            </section>
          ))}
        </div>
      )}
    </Dialog>
  );
}
