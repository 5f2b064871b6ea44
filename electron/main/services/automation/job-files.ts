/**
 * The files automation jobs write: `<dataDir>/automation/jobs/<job id>/`, one screenshot,
 * thumbnail or cookie export per profile, named after the profile key. A job's folder
 * goes when the job leaves the Activity history (prune), so the folder never outgrows it.
 */
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DeckError } from '../../../../shared/ipc/result';
import { THUMBNAIL_MAX_BYTES } from '../../../../shared/model/automation';

export type JobFileKind = 'screenshot.png' | 'thumbnail.jpg' | 'cookies.json';

/** Job ids as the engine makes them: base-36 time and sequence. Anything else is refused. */
const JOB_ID = /^[0-9a-z-]{1,100}$/;

export interface JobFiles {
  /** Where this profile's file of that kind goes (the job's folder is made). */
  path(jobId: string, profileKey: string, kind: JobFileKind): Promise<string>;
  write(
    jobId: string,
    profileKey: string,
    kind: JobFileKind,
    data: Buffer | string,
  ): Promise<string>;
  /** The thumbnail a task kept, as a data URL. */
  thumbnail(jobId: string, profileKey: string): Promise<string>;
  /** Removes one job's folder (the job left the history). */
  remove(jobId: string): Promise<void>;
  /** Removes the folders of jobs no longer kept (left behind by a crash). */
  prune(keptJobIds: ReadonlySet<string>): Promise<void>;
}

/** A profile key as a file name: connection and vendor id, anything unusual replaced. */
export const fileStem = (profileKey: string): string =>
  profileKey.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 150);

export function createJobFiles(dataDir: string): JobFiles {
  const root = join(dataDir, 'automation', 'jobs');
  const dirOf = (jobId: string) => {
    if (!JOB_ID.test(jobId))
      throw DeckError.of('invalid-input', `"${jobId}" is not a job id`, {
        details: { field: 'jobId' },
        reason: 'automation.bad-job-id',
        params: { id: jobId },
      });
    return join(root, jobId);
  };
  const fileOf = (jobId: string, profileKey: string, kind: JobFileKind) =>
    join(dirOf(jobId), `${fileStem(profileKey)}.${kind}`);

  return {
    async path(jobId, profileKey, kind) {
      await mkdir(dirOf(jobId), { recursive: true, mode: 0o700 });
      return fileOf(jobId, profileKey, kind);
    },

    async write(jobId, profileKey, kind, data) {
      const file = await this.path(jobId, profileKey, kind);
      // Screenshots and cookies are the user's own data: readable by them alone.
      await writeFile(file, data, { mode: 0o600 });
      return file;
    },

    async thumbnail(jobId, profileKey) {
      const file = fileOf(jobId, profileKey, 'thumbnail.jpg');
      try {
        if ((await stat(file)).size > THUMBNAIL_MAX_BYTES) throw new Error('too large');
        return `data:image/jpeg;base64,${(await readFile(file)).toString('base64')}`;
      } catch {
        throw DeckError.of('not-found', 'No thumbnail is kept for this profile in this job', {
          reason: 'automation.no-thumbnail',
        });
      }
    },

    async remove(jobId) {
      await rm(dirOf(jobId), { recursive: true, force: true });
    },

    async prune(kept) {
      let names: string[];
      try {
        names = await readdir(root);
      } catch {
        return;
      }
      await Promise.all(
        names
          .filter((n) => JOB_ID.test(n) && !kept.has(n))
          .map((n) => rm(join(root, n), { recursive: true, force: true })),
      );
    },
  };
}
