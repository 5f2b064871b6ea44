import type { DevtoolsTarget } from '../../../../shared/ipc/contract';
import type { Session } from '../../../../shared/model';
import { copyText } from '../../lib/copy';
import { Dialog } from '../../components/Dialog';
import type { DevtoolsStep } from './use-devtools-attach';
import { errorBanner } from '../../components/styles';
import { Button } from '../../components/Button';
import { useTranslation } from '../../i18n';
import { sessionName } from './session-name';

const BLANK_PAGE = 'about:blank';

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
  const { t } = useTranslation();
  const name = sessionName(step.session);
  if (step.kind === 'choose') {
    return (
      <Dialog title={t('sessions.devtoolsDialog.chooseTitle', { name })} onClose={onClose} wide>
        <p className="mb-3 text-xs text-zinc-500">
          {t('sessions.devtoolsDialog.chooseText', {
            count: step.targets.length,
            address: step.address,
          })}
        </p>
        <ul className="space-y-1" aria-label={t('sessions.devtoolsDialog.pages')}>
          {step.targets.map((target) => (
            <li key={target.id}>
              <button
                type="button"
                disabled={busy}
                onClick={() => onChoose(step.session, step.address, target)}
                className="w-full rounded border border-zinc-200 px-3 py-2 text-left hover:border-blue-400 hover:bg-blue-50 focus-visible:outline-2 focus-visible:outline-blue-500 disabled:opacity-50 dark:border-zinc-700 dark:hover:border-blue-500 dark:hover:bg-blue-950/40"
              >
                <span className="block truncate text-sm font-medium">
                  {target.title || t('sessions.devtoolsDialog.untitled')}
                </span>
                <span className="block truncate font-mono text-[11px] text-zinc-500">
                  {target.url || BLANK_PAGE}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </Dialog>
    );
  }
  return (
    <Dialog title={t('sessions.devtoolsDialog.failedTitle', { name })} onClose={onClose} wide>
      <p role="alert" className={errorBanner}>
        {step.message}
      </p>
      {step.fallbackUrl ? (
        <div className="mt-4 space-y-1.5">
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            {t('sessions.devtoolsDialog.paste')}
          </p>
          <div className="flex items-start gap-2">
            <code
              data-testid="devtools-fallback-url"
              className="min-w-0 flex-1 rounded bg-zinc-100 px-2 py-1.5 font-mono text-[11px] break-all select-all dark:bg-zinc-800"
            >
              {step.fallbackUrl}
            </code>
            <Button
              onClick={() =>
                void copyText(step.fallbackUrl!, t('sessions.devtoolsDialog.urlCopied'))
              }
            >
              {t('sessions.devtoolsDialog.copyUrl')}
            </Button>
          </div>
        </div>
      ) : (
        <p className="mt-4 text-xs text-zinc-500">{t('sessions.devtoolsDialog.noWs')}</p>
      )}
      <div className="mt-4 flex justify-end gap-2">
        <Button onClick={() => onRetry(step.session)}>
          {t('sessions.devtoolsDialog.tryAgain')}
        </Button>
        <Button onClick={onClose}>{t('sessions.devtoolsDialog.close')}</Button>
      </div>
    </Dialog>
  );
}
