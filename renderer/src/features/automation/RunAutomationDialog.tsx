/**
 * "Run automation…": one task (built-in or a saved script) in every selected profile. Once
 * main accepted the job the dialog stays and shows its progress; each profile's result
 * (state, duration, returned JSON, log lines, thumbnail) is in Activity.
 */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  AUTOMATION_DEFAULTS,
  AUTOMATION_TASK_LABEL,
  AutomationTaskSchema,
  type AutomationTask,
  type AutomationTaskType,
} from '../../../../shared/model/automation';
import { VENDORS } from '../../../../shared/model';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import type { BulkDialogProps } from '../../components/bulk-dialog';
import { Field, inputClass } from '../../components/Field';
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

export function RunAutomationDialog({ profiles, connectionsById, onClose }: BulkDialogProps) {
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
  const n = `${profiles.length.toLocaleString()} profile${profiles.length === 1 ? '' : 's'}`;

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
      const issue = parsed.error.issues[0]!;
      const field = type === 'script' ? 'Script' : String(issue.path[0] ?? 'task');
      setProblem(
        type === 'script' && !scriptId ? 'Script: choose one' : `${field}: ${issue.message}`,
      );
      return;
    }
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY) {
      setProblem(`At once: a whole number from 1 to ${MAX_CONCURRENCY}`);
      return;
    }
    if (!Number.isInteger(timeoutS) || timeoutS < 1 || timeoutS > 3600) {
      setProblem('Timeout: a whole number of seconds from 1 to 3600');
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
      setProblem(`Could not start: ${errorText(e)}`);
    }
  };

  return (
    <Dialog
      title={`Run automation on ${n}`}
      onClose={onClose}
      wide
      footer={
        jobId ? (
          <Button variant="primary" onClick={onClose}>
            Done
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>Cancel</Button>
            <Button
              variant="primary"
              type="submit"
              form="run-automation"
              disabled={start.isPending}
            >
              Run on {n}
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
            <p>Started…</p>
          )}
          <p className="text-xs text-zinc-500">
            Closing this leaves the run going. Each profile&apos;s result, log and screenshot are in
            Activity.
          </p>
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
          <Field label="Task">
            <select
              aria-label="Task"
              data-autofocus
              value={type}
              onChange={(e) => setType(e.target.value as AutomationTaskType)}
              className={inputClass}
            >
              {TASK_TYPES.map((t) => (
                <option key={t} value={t}>
                  {AUTOMATION_TASK_LABEL[t]}
                </option>
              ))}
            </select>
          </Field>
          {type === 'open-urls' && (
            <Field label="URLs" hint="One a line (up to 20), each opened in a new tab.">
              <textarea
                rows={3}
                value={urls}
                onChange={(e) => setUrls(e.target.value)}
                className={inputClass}
              />
            </Field>
          )}
          {type === 'export-cookies' && (
            <Field label="Domain" hint="Leave empty to export every cookie.">
              <input
                value={domain}
                onChange={(e) => setDomain(e.target.value)}
                placeholder="example.com"
                className={inputClass}
              />
            </Field>
          )}
          {type === 'import-cookies' && (
            <Field label="Cookies" hint="JSON as cookie extensions export it, or cookies.txt.">
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
              label="Script"
              hint={
                scripts.data?.length === 0 ? 'No saved scripts yet: write one in Scripts.' : null
              }
            >
              <select
                aria-label="Script"
                value={scriptId}
                onChange={(e) => setScriptId(e.target.value)}
                className={inputClass}
              >
                <option value="">Choose a script…</option>
                {scripts.data?.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </Field>
          )}
          <div className="grid grid-cols-2 gap-3">
            <Field label="At once" hint="Also bounded by each vendor's own limit.">
              <input
                type="number"
                min={1}
                max={MAX_CONCURRENCY}
                value={concurrency}
                onChange={(e) => setConcurrency(e.target.valueAsNumber)}
                className={inputClass}
              />
            </Field>
            <Field label="Timeout per profile (s)">
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
            Open closed profiles, and close them again afterwards
          </label>
          {firefox > 0 && (
            <p className="text-xs text-amber-700 dark:text-amber-400">
              {firefox.toLocaleString()} selected profile{firefox === 1 ? ' is' : 's are'} Firefox
              and will be refused: automation needs a Chromium profile.
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
