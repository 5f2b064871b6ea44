/** Which connections a (possibly spanning) selection involves, and what each can do. */
import {
  VENDOR_LABEL,
  type Capabilities,
  type Connection,
  type Profile,
} from '../../../shared/model';

export interface InvolvedConnection {
  connectionId: string;
  label: string;
  count: number;
  connection: Connection | undefined;
}

export function involvedConnections(
  profiles: readonly Profile[],
  connectionsById: ReadonlyMap<string, Connection>,
): InvolvedConnection[] {
  const counts = new Map<string, { count: number; vendor: Profile['vendor'] }>();
  for (const p of profiles) {
    const c = counts.get(p.connectionId);
    if (c) c.count++;
    else counts.set(p.connectionId, { count: 1, vendor: p.vendor });
  }
  return [...counts].map(([connectionId, { count, vendor }]) => {
    const connection = connectionsById.get(connectionId);
    return {
      connectionId,
      count,
      connection,
      label: `${connection?.label ?? connectionId} (${VENDOR_LABEL[vendor]})`,
    };
  });
}

/**
 * Splits a selection by a capability: the profiles whose connection has it, and the
 * connections skipped (said out loud in the dialog rather than failing item by item).
 */
export function splitByCapability(
  profiles: readonly Profile[],
  connectionsById: ReadonlyMap<string, Connection>,
  capability: keyof Capabilities,
): { supported: Profile[]; skipped: InvolvedConnection[] } {
  const can = (id: string) => connectionsById.get(id)?.capabilities[capability] === true;
  return {
    supported: profiles.filter((p) => can(p.connectionId)),
    skipped: involvedConnections(profiles, connectionsById).filter((c) => !can(c.connectionId)),
  };
}
