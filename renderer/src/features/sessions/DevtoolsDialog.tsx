import type { DevtoolsTarget } from '../../../../shared/ipc/contract';
import type { Session } from '../../../../shared/model';
import { copyText } from '../../lib/copy';
import { Dialog } from '../../components/Dialog';
import type { DevtoolsStep } from './use-devtools-attach';
import { errorBanner } from '../../components/styles';
import { Button } from '../../components/Button';

const profileName = (s: Session) => s.profileName || `Profile ${s.vendorId}`;

/** The two moments the DevTools flow needs the user: choosing a page, or a failure. */
export function DevtoolsDialog({
  step,
  busy,
  onChoose,
  onRetry,
  onClose,
}: {
  step: DevtoolsStep;
  busy: boolean;
  onChoose(session: Session, address: string, target: DevtoolsTarget): void;
  onRetry(session: Session): void;
  onClose(): void;
}) {
  const name = profileName(step.session);
  if (step.kind === 'choose') {
    return (
      <Dialog title={`Which page of ${name}?`} onClose={onClose} wide>
        <p className="mb-3 text-xs text-zinc-500">
          {step.targets.length} pages are open at {step.address}. DevTools attaches to one.
        </p>
        <ul className="space-y-1" aria-label="Pages">
          {step.targets.map((t) => (
            <li key={t.id}>
              <button
                type="button"
                disabled={busy}
                onClick={() => onChoose(step.session, step.address, t)}
                className="w-full rounded border border-zinc-200 px-3 py-2 text-left hover:border-blue-400 hover:bg-blue-50 focus-visible:outline-2 focus-visible:outline-blue-500 disabled:opacity-50 dark:border-zinc-700 dark:hover:border-blue-500 dark:hover:bg-blue-950/40"
              >
                <span className="block truncate text-sm font-medium">
                  {t.title || '(untitled)'}
                </span>
                <span className="block truncate font-mono text-[11px] text-zinc-500">
                  {t.url || 'about:blank'}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </Dialog>
    );
  }
  return (
    <Dialog title={`DevTools could not open for ${name}`} onClose={onClose} wide>
      <p role="alert" className={errorBanner}>
        {step.message}
      </p>
      {step.fallbackUrl ? (
        <div className="mt-4 space-y-1.5">
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            Paste this into the address bar of a Chromium-based browser to inspect it there:
          </p>
          <div className="flex items-start gap-2">
            <code
              data-testid="devtools-fallback-url"
              className="min-w-0 flex-1 rounded bg-zinc-100 px-2 py-1.5 font-mono text-[11px] break-all select-all dark:bg-zinc-800"
            >
              {step.fallbackUrl}
            </code>
            <Button onClick={() => void copyText(step.fallbackUrl!, 'DevTools URL')}>
              Copy URL
            </Button>
          </div>
        </div>
      ) : (
        <p className="mt-4 text-xs text-zinc-500">
          The vendor reported no ws URL for this profile, so there is no DevTools link to offer.
        </p>
      )}
      <div className="mt-4 flex justify-end gap-2">
        <Button onClick={() => onRetry(step.session)}>Try again</Button>
        <Button onClick={onClose}>Close</Button>
      </div>
    </Dialog>
  );
}
