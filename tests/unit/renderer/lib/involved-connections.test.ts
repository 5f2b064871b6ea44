import { describe, expect, it } from 'vitest';
import {
  involvedConnections,
  splitByCapability,
} from '../../../../renderer/src/lib/involved-connections';
import { connection, profile } from '../../../fixtures/profile';

describe('connections involved', () => {
  const ix = connection('ix', { label: 'Main' });
  const cos = connection('cos', {
    vendor: 'cos',
    label: 'Cos',
    capabilities: { ...connection('cos').capabilities, copy: false },
  });
  const byId = new Map([
    ['ix', ix],
    ['cos', cos],
  ]);
  const selected = [
    profile(1),
    profile(2, { connectionId: 'cos', vendor: 'cos' }),
    profile(3),
    profile(4, { connectionId: 'cos', vendor: 'cos' }),
  ];

  it('counts the selection per connection', () => {
    expect(involvedConnections(selected, byId).map((c) => [c.label, c.count])).toEqual([
      ['Main (ixBrowser)', 2],
      ['Cos (CosLogin)', 2],
    ]);
  });

  it('keeps only what every involved connection can do, naming what is skipped', () => {
    const { supported, skipped } = splitByCapability(selected, byId, 'copy');
    expect(supported.map((p) => p.key)).toEqual(['ix/1', 'ix/3']);
    expect(skipped.map((c) => [c.connectionId, c.count])).toEqual([['cos', 2]]);
  });
});
