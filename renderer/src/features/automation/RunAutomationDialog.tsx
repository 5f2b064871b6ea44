/**
 * "Run automation…": one task (built-in or a saved script) in every selected profile. Once
 * main accepted the job the dialog stays and shows its progress; each profile's result
 * (state, duration, returned JSON, log lines, thumbnail) is in Activity.
 */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import i18next from 'i18next';
import type { z } from 'zod';
import {
  AUTOMATION_DEFAULTS,
  AutomationTaskSchema,
  type AutomationTask,
  type AutomationTaskType,
} from '../../../../shared/model/automation';
import { VENDORS } from '../../../../shared/model';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import type { BulkDialogProps } from '../../components/bulk-dialog';
import { Field, inputClass } from '../../components/Field';
import { useTranslation } from '../../i18n';
import { errorText } from '../../lib/deck';
import { scriptsQuery } from './scripts-query';
import { JobProgressBar, endText, jobsQuery, progressText, useStartJob } from '../jobs';

const TASK_TYPES: readonly AutomationTaskType[] = [
  'screenshot',
  'open-urls',
  'tabs',
  'exit-ip',
  'export-cookies',
  'import-cookies',
  'script',
];

const MAX_CONCURRENCY = 16;
/** A domain is data, the same in every language. */
const EXAMPLE_DOMAIN = 'example.com';

export function RunAutomationDialog({ profiles, connectionsById, onClose }: BulkDialogProps) {
  const { t } = useTranslation();
  const [type, setType] = useState<AutomationTaskType>('screenshot');
  const [urls, setUrls] = useState('');
  const [domain, setDomain] = useState('');
  const [cookies, setCookies] = useState('');
  const [scriptId, setScriptId] = useState('');
  const [concurrency, setConcurrency] = useState<number>(AUTOMATION_DEFAULTS.concurrency);
  const [timeoutS, setTimeoutS] = useState<number>(AUTOMATION_DEFAULTS.timeoutMs / 1000);
  const [openClosed, setOpenClosed] = useState(true);
  const [problem, setProblem] = useState('');
  const [jobId, setJobId] = useState<string>();
  const start = useStartJob();
  const scripts = useQuery({ ...scriptsQuery, enabled: type === 'script' });
  const jobs = useQuery({ ...jobsQuery, enabled: jobId !== undefined });
  const job = jobs.data?.find((j) => j.id === jobId);

  // Firefox profiles are refused one by one by main; say so before the run.
  const firefox = profiles.filter((p) => {
    const vendor = connectionsById.get(p.connectionId)?.vendor;
    return vendor !== undefined && VENDORS[vendor].engine !== 'chromium';
  }).length;
  const count = profiles.length;

  const taskOf = (): unknown => {
    switch (type) {
      case 'open-urls':
        return { type, urls: urls.split(/\s+/).filter(Boolean) };
      case 'export-cookies':
        return domain.trim() ? { type, domain: domain.trim() } : { type };
      case 'import-cookies':
        return { type, cookies };
      case 'script': {
        const name = scripts.data?.find((s) => s.id === scriptId)?.name;
        return { type, scriptId, ...(name ? { name } : {}) };
      }
      default:
        return { type };
    }
  };

  const submit = async () => {
    const parsed = AutomationTaskSchema.safeParse(taskOf());
    if (!parsed.success) {
      setProblem(taskProblem(type, parsed.error.issues[0]!, urls));
      return;
    }
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY) {
      setProblem(t('scripts.run.errors.atOnce', { max: MAX_CONCURRENCY }));
      return;
    }
    if (!Number.isInteger(timeoutS) || timeoutS < 1 || timeoutS > 3600) {
      setProblem(t('scripts.run.errors.timeout'));
      return;
    }
    setProblem('');
    const task: AutomationTask = parsed.data;
    try {
      const summary = await start.mutateAsync({
        action: { kind: 'automate', task, timeoutMs: timeoutS * 1000, openClosed },
        keys: profiles.map((p) => p.key),
        concurrency,
      });
      setJobId(summary.id);
    } catch (e) {
      setProblem(t('scripts.run.startFailed', { error: errorText(e) }));
    }
  };

  return (
    <Dialog
      title={t('scripts.run.title', { count })}
      onClose={onClose}
      wide
      footer={
        jobId ? (
          <Button variant="primary" onClick={onClose}>
            {t('scripts.run.done')}
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              variant="primary"
              type="submit"
              form="run-automation"
              disabled={start.isPending}
            >
              {t('scripts.run.runOn', { count })}
            </Button>
          </>
        )
      }
    >
      {jobId ? (
        <div className="space-y-2" data-testid="automation-progress">
          {job ? (
            <>
              <p>
                {progressText(job)} · {endText(job)}
              </p>
              <JobProgressBar job={job} />
            </>
          ) : (
            <p>{t('scripts.run.started')}</p>
          )}
          <p className="text-xs text-zinc-500">{t('scripts.run.leaveGoing')}</p>
        </div>
      ) : (
        <form
          id="run-automation"
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Field label={t('scripts.run.task')}>
            <select
              aria-label={t('scripts.run.task')}
              data-autofocus
              value={type}
              onChange={(e) => setType(e.target.value as AutomationTaskType)}
              className={inputClass}
            >
              {TASK_TYPES.map((task) => (
                <option key={task} value={task}>
                  {t(`scripts.run.tasks.${task}`)}
                </option>
              ))}
            </select>
          </Field>
          {type === 'open-urls' && (
            <Field label={t('scripts.run.urls')} hint={t('scripts.run.urlsHint')}>
              <textarea
                rows={3}
                value={urls}
                onChange={(e) => setUrls(e.target.value)}
                className={inputClass}
              />
            </Field>
          )}
          {type === 'export-cookies' && (
            <Field label={t('scripts.run.domain')} hint={t('scripts.run.domainHint')}>
              <input
                value={domain}
                onChange={(e) => setDomain(e.target.value)}
                placeholder={EXAMPLE_DOMAIN}
                className={inputClass}
              />
            </Field>
          )}
          {type === 'import-cookies' && (
            <Field label={t('scripts.run.cookies')} hint={t('scripts.run.cookiesHint')}>
              <textarea
                rows={5}
                value={cookies}
                onChange={(e) => setCookies(e.target.value)}
                className={`${inputClass} font-mono`}
              />
            </Field>
          )}
          {type === 'script' && (
            <Field
              label={t('scripts.run.script')}
              hint={scripts.data?.length === 0 ? t('scripts.run.noScripts') : null}
            >
              <select
                aria-label={t('scripts.run.script')}
                value={scriptId}
                onChange={(e) => setScriptId(e.target.value)}
                className={inputClass}
              >
                <option value="">{t('scripts.run.chooseScript')}</option>
                {scripts.data?.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </Field>
          )}
          <div className="grid grid-cols-2 gap-3">
            <Field label={t('scripts.run.atOnce')} hint={t('scripts.run.atOnceHint')}>
              <input
                type="number"
                min={1}
                max={MAX_CONCURRENCY}
                value={concurrency}
                onChange={(e) => setConcurrency(e.target.valueAsNumber)}
                className={inputClass}
              />
            </Field>
            <Field label={t('scripts.run.timeout')}>
              <input
                type="number"
                min={1}
                max={3600}
                value={timeoutS}
                onChange={(e) => setTimeoutS(e.target.valueAsNumber)}
                className={inputClass}
              />
            </Field>
          </div>
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={openClosed}
              onChange={(e) => setOpenClosed(e.target.checked)}
              className="accent-blue-600"
            />
            {t('scripts.run.openClosed')}
          </label>
          {firefox > 0 && (
            <p className="text-xs text-amber-700 dark:text-amber-400">
              {t('scripts.run.firefox', { count: firefox })}
            </p>
          )}
          {problem && (
            <p role="alert" className="text-red-700 dark:text-red-400">
              {problem}
            </p>
          )}
        </form>
      )}
    </Dialog>
  );
}

/** What is wrong with the task's own fields, worded here from where zod found it. */
function taskProblem(type: AutomationTaskType, issue: z.core.$ZodIssue, urls: string): string {
  switch (type) {
    case 'script':
      return i18next.t('scripts.run.errors.chooseScript');
    case 'open-urls': {
      if (issue.code === 'too_small') return i18next.t('scripts.run.errors.urlsNone');
      if (issue.code === 'too_big')
        return i18next.t('scripts.run.errors.urlsTooMany', { max: Number(issue.maximum) });
      const at = issue.path[1];
      const url = typeof at === 'number' ? urls.split(/\s+/).filter(Boolean)[at] : undefined;
      return i18next.t('scripts.run.errors.url', { url: url ?? '' });
    }
    case 'export-cookies':
      return i18next.t('scripts.run.errors.domain');
    case 'import-cookies':
      // The parser's own reason (shared/automation/cookie-text.ts) names what it could not read.
      return issue.code === 'too_small'
        ? i18next.t('scripts.run.errors.cookiesNone')
        : i18next.t('scripts.run.errors.cookies', { reason: issue.message });
    default:
      return issue.message;
  }
}
