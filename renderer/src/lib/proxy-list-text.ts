/**
 * A pasted proxy line's problem (or the reading taken of it) in the chosen language: the
 * parser (shared/proxy/proxy-list.ts) says it as a key and its values (issue #24).
 */
import i18next from 'i18next';
import { fail } from '../../../shared/ipc/result';
import type { ProxyListProblem } from '../../../shared/proxy/proxy-list';
import { wordError } from './error-text';

export function listProblemText(problem: ProxyListProblem): string {
  if (problem.invalid) {
    // A value the proxy schema refuses reads as a form's field error does ("Proxy port: …");
    // `password.value` is the password field.
    const { field, reason, params } = problem.invalid;
    const path = `proxy.${field.split('.')[0]!}`;
    return wordError(
      fail('invalid-input', path, { details: { field: path }, reason, params }).error,
    );
  }
  return i18next.t(`proxy.listProblems.${problem.key}`, problem.params ?? {});
}
