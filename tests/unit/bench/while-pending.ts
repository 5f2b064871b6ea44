import { METRICS, pending, type MetricSpec } from '../../../tests/bench/metrics';

/**
 * Every metric has its feature today; the pending path is checked on one made pending for
 * the test (as a metric of the next issue would be).
 */
export function whilePending<T>(name: keyof typeof METRICS, issue: number, fn: () => T): T {
  const spec = METRICS[name] as MetricSpec;
  const saved = spec.scenario;
  spec.scenario = pending(issue, 'a feature of the next issue');
  try {
    return fn();
  } finally {
    spec.scenario = saved;
  }
}
