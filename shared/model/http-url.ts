import { z } from 'zod';
import { schemaMessage } from '../ipc/error-reasons';

const isHttpUrl = (v: string): boolean => {
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
};

/** An http(s) URL of at most `max` characters; a refusal shows `example` as one that works. */
export const httpUrlSchema = (max: number, example: string) =>
  z
    .string()
    .max(max)
    .refine(
      isHttpUrl,
      schemaMessage('invalid.http-url-example', `must be an http(s) URL such as ${example}`, {
        example,
      }),
    );
