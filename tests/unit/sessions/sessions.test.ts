import { describe, expect, it } from 'vitest';
import { createSessionsService } from '../../../electron/main/services/sessions';
import type { VendorProvider } from '../../../electron/main/providers/provider';
import { DeckError } from '../../../shared/ipc/result';
import type { Session } from '../../../shared/model';

const fakeProvider = (connectionId: string, sessions: Session[] | Error): VendorProvider =>
  ({
    connectionId,
    vendor: 'ixbrowser',
    listSessions: async () => {
      if (sessions instanceof Error) throw sessions;
      return sessions;
    },
  }) as unknown as VendorProvider;

const s = (
  connectionId: string,
  vendorId: string,
  openedAt: number,
  extra: Partial<Session> = {},
): Session => ({
  profileKey: `${connectionId}/${vendorId}`,
  connectionId,
  vendor: 'ixbrowser',
  vendorId,
  engine: 'chromium',
  openedAt,
  ...extra,
});

describe('sessions service', () => {
  it('lists sessions of every connection, newest first, labelled with known names', async () => {
    const service = createSessionsService({
      providers: () => [
        fakeProvider('a', [s('a', '1', 100)]),
        fakeProvider('b', [s('b', '7', 300), s('b', '8', 200, { profileName: 'Vendor name' })]),
      ],
      nameOf: (key) => (key === 'a/1' ? 'Shop 1' : key === 'b/8' ? 'Our name' : undefined),
    });
    const { sessions, errors } = await service.list();
    expect(errors).toEqual([]);
    expect(sessions.map((x) => x.profileKey)).toEqual(['b/7', 'b/8', 'a/1']);
    expect(sessions.find((x) => x.profileKey === 'a/1')?.profileName).toBe('Shop 1');
    expect(sessions.find((x) => x.profileKey === 'b/8')?.profileName).toBe('Vendor name');
  });

  it('a failing connection is reported with its code while the others still list', async () => {
    const service = createSessionsService({
      providers: () => [
        fakeProvider('a', DeckError.of('unreachable', 'No answer on 127.0.0.1:53200')),
        fakeProvider('b', [s('b', '7', 1)]),
      ],
    });
    const { sessions, errors } = await service.list();
    expect(sessions).toHaveLength(1);
    expect(errors).toEqual([
      {
        connectionId: 'a',
        error: expect.objectContaining({ code: 'unreachable', details: { connectionId: 'a' } }),
      },
    ]);
  });

  it('sessionFor finds one open profile, or says it is not open', async () => {
    const service = createSessionsService({
      providers: (ids) =>
        [fakeProvider('a', [s('a', '1', 1, { debugAddress: '127.0.0.1:9222' })])].filter(
          (p) => !ids || ids.includes(p.connectionId),
        ),
    });
    await expect(service.sessionFor('a/1')).resolves.toMatchObject({
      debugAddress: '127.0.0.1:9222',
    });
    await expect(service.sessionFor('a/2')).rejects.toMatchObject({ code: 'not-found' });
    await expect(service.sessionFor('zz/2')).rejects.toMatchObject({ code: 'not-found' });
  });
});
