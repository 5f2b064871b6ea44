import { useMemo } from 'react';
import type { Session } from '../../../../shared/model';
import { copyText } from '../../lib/copy';
import { Dialog } from '../../components/Dialog';
import { buildSnippets } from './snippets';

import { Button } from '../../components/Button';

/** Ready code for one open profile, each piece with its own copy button. */
export function SnippetsDialog({ session, onClose }: { session: Session; onClose(): void }) {
  const snippets = useMemo(() => buildSnippets(session), [session]);
  const name = session.profileName || `Profile ${session.vendorId}`;
  return (
    <Dialog title={`Snippets for ${name}`} onClose={onClose} wide>
      {snippets.length === 0 ? (
        <p className="text-xs text-zinc-500">
          The vendor reported neither a debugging address nor a ws URL for this profile, so there is
          nothing to connect to.
        </p>
      ) : (
        <div className="space-y-4">
          {snippets.map((s) => (
            <section key={s.id} aria-labelledby={`snippet-${s.id}`}>
              <div className="mb-1 flex items-center justify-between">
                <h3 id={`snippet-${s.id}`} className="text-xs font-semibold">
                  {s.label}
                </h3>
                <Button
                  onClick={() => void copyText(s.code, `${s.label} snippet`)}
                  aria-label={`Copy ${s.label} snippet`}
                >
                  Copy
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
