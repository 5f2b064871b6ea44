import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { splitProfileKey, type Connection, type Profile } from '../../../../shared/model';
import { connectionsQuery, profileListQuery } from '../../lib/queries';
import type { CommonDraft, VendorNeeds } from './create-form';

const NO_CONNECTIONS: Connection[] = [];

/**
 * The connection a create dialog targets and the fields common to every create form,
 * seeded from what the dialog was opened with: a connection, or a profile to be "like"
 * (its group, tags and remark; for CosLogin also its configuration).
 */
export function useCreateTarget<D extends CommonDraft>(
  empty: D,
  opened: { connectionId?: string | undefined; likeProfileKey?: string | undefined },
) {
  const connections = useQuery(connectionsQuery);
  const list = useQuery(profileListQuery);
  const all = connections.data ?? NO_CONNECTIONS;
  const like = opened.likeProfileKey;
  const likeProfile: Profile | undefined = like
    ? list.data?.profiles.find((p) => p.key === like)
    : undefined;
  const [chosenId, setChosenId] = useState<string | null>(
    opened.connectionId ?? (like ? splitProfileKey(like).connectionId : null),
  );
  const [draft, setDraft] = useState<D>(() => ({
    ...empty,
    ...(like ? { configSource: 'like', likeProfileKey: like } : {}),
  }));
  // The "like" profile's fields arrive with the list, which may load after the dialog opens.
  const [seeded, setSeeded] = useState(false);
  if (likeProfile && !seeded) {
    setSeeded(true);
    setDraft((d) => ({
      ...d,
      groupId: likeProfile.groupId,
      tags: likeProfile.tags.map((t) => t.name).join(', '),
      remark: likeProfile.remark,
    }));
  }

  // Until the user picks one: the connection asked for, else the first that answers.
  const connection =
    all.find((c) => c.id === chosenId) ?? all.find((c) => c.health.state !== 'error') ?? all[0];
  const needs: VendorNeeds = {
    startUrl: connection?.capabilities.startUrl ?? false,
    createNeedsConfig: connection?.capabilities.createNeedsConfig ?? false,
  };
  const set = (patch: Partial<D>) => setDraft((d) => ({ ...d, ...patch }));
  const chooseConnection = (id: string) => {
    setChosenId(id);
    // Groups and profiles belong to one connection: the old choices mean nothing in another.
    set({ groupId: '', likeProfileKey: '' } as Partial<D>);
  };
  return { connections, all, connection, needs, draft, set, chooseConnection };
}
