/**
 * An in-memory VendorProvider for the job engine's tests: profiles in a Map, failures per
 * id that can be switched off, gates that hold calls open, and counters of what was called.
 */
import type { Capabilities, Group, Profile, Session, Tag, Vendor } from '../../../shared/model';
import { capabilities, profile } from '../../fixtures/profile';
import { profileKey } from '../../../shared/model';
import type { CreateItem } from '../../../shared/model/job';
import type { ProxyInput } from '../../../shared/model/proxy-input';
import { DeckError } from '../../../shared/ipc/result';
import type {
  CallOptions,
  ItemResults,
  OpenResult,
  VendorProvider,
} from '../../../electron/main/providers/provider';
import type { StoredProxies } from '../../../electron/main/providers/common/stored-proxy';

export const CAPS: Capabilities = capabilities('ixbrowser', { batchClose: false });

export const vendorError = (vendorCode: number, vendorMessage: string) =>
  DeckError.of('vendor-error', `The vendor refused: ${vendorMessage}`, {
    details: { vendorCode, vendorMessage },
  });

/** A promise the test resolves by hand: how a fake call is held "in flight". */
export function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { opened, open };
}

const tick = () => new Promise<void>((r) => setImmediate(r));

function abortable(wait: Promise<void>, signal?: AbortSignal): Promise<void> {
  if (!signal) return wait;
  return new Promise<void>((resolve, reject) => {
    const abort = () => reject(DeckError.of('cancelled', 'Cancelled'));
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    wait.then(resolve, reject);
  });
}

export class FakeProvider implements VendorProvider {
  readonly profiles = new Map<string, Profile>();
  /** Per-id failures; delete an entry to let the next attempt through. */
  readonly failures = new Map<string, DeckError>();
  /** Calls per method, each with the ids it carried. */
  readonly calls: Array<{ method: string; ids: string[] }> = [];
  /** Opens in flight; two fakes may share one counter to see a machine-wide limit. */
  open_ = { inFlight: 0, maxInFlight: 0 };
  /** Ids already open in the vendor client (open attaches), or whose process is gone (close). */
  readonly alreadyOpen = new Set<string>();
  readonly processGone = new Set<string>();
  /** Stored proxy passwords by id (main reads them; the model only says hasPassword). */
  readonly passwords = new Map<string, string>();
  /** Ids whose stored password the "vendor" does not report. */
  readonly passwordUnknown = new Set<string>();
  /** Batch close, when a test gives the fake one (ixBrowser has it, CosLogin not). */
  closeMany?: (vendorIds: string[]) => Promise<ItemResults>;
  /** When set, open/close and batch calls wait for it. */
  hold?: Promise<void>;
  /** Real time each recorded call takes, so answers arrive spread out. */
  delayMs = 0;
  /** Recorded calls (edits, copies, creates, opens, closes) not yet answered, and the most at once. */
  active = 0;
  maxActive = 0;
  /** Resolves each time the number of opens in flight reaches `inFlightTarget`. */
  private onInFlight?: { target: number; resolve: () => void };
  private nextId = 1000;

  constructor(
    readonly connectionId: string,
    count: number,
    readonly vendor: Vendor = 'ixbrowser',
    readonly capabilities: Capabilities = CAPS,
  ) {
    for (let i = 1; i <= count; i++) this.add(String(i), `Profile ${i}`);
  }

  key = (id: string) => profileKey(this.connectionId, id);

  add(id: string, name: string): Profile {
    const p = profile(id, { connectionId: this.connectionId, vendor: this.vendor, name });
    this.profiles.set(id, p);
    return p;
  }

  /** How many calls of `method` carried `id`: the "never applied twice" count. */
  callsFor(method: string, id: string): number {
    return this.calls.filter((c) => c.method === method && c.ids.includes(id)).length;
  }

  whenOpening(target: number): Promise<void> {
    return new Promise((resolve) => (this.onInFlight = { target, resolve }));
  }

  /** Resolves at the next call of `method` (before it is held). */
  whenCalled(method: string): Promise<void> {
    return new Promise((resolve) => this.waiters.push({ method, resolve }));
  }
  private waiters: Array<{ method: string; resolve: () => void }> = [];

  /** Resolves once `count` calls of `method` are in flight or done. */
  whenCalls(method: string, count: number): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (this.calls.filter((c) => c.method === method).length >= count) resolve();
        else this.whenCalled(method).then(check, () => {});
      };
      check();
    });
  }

  /** Records a call and holds it as the test says; an abort (a quit) cuts it off unanswered. */
  private async record(method: string, ids: string[], signal?: AbortSignal): Promise<void> {
    this.calls.push({ method, ids });
    this.maxActive = Math.max(this.maxActive, ++this.active);
    try {
      for (const w of this.waiters.filter((w) => w.method === method)) w.resolve();
      this.waiters = this.waiters.filter((w) => w.method !== method);
      await tick();
      if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
      if (this.hold) await abortable(this.hold, signal);
    } finally {
      this.active--;
    }
  }

  private batch(ids: string[], apply: (p: Profile) => void): ItemResults {
    const out: ItemResults = new Map();
    for (const id of ids) {
      const p = this.profiles.get(id);
      const failure = this.failures.get(id);
      if (failure) out.set(id, failure);
      else if (!p) out.set(id, DeckError.of('not-found', `Profile ${id} not found`));
      else {
        apply(p);
        out.set(id, null);
      }
    }
    return out;
  }

  private one(id: string): Profile {
    const failure = this.failures.get(id);
    if (failure) throw failure;
    const p = this.profiles.get(id);
    if (!p) throw DeckError.of('not-found', `Profile ${id} not found`);
    return p;
  }

  async test() {
    return { profileCount: this.profiles.size };
  }
  async listProfiles() {
    this.calls.push({ method: 'listProfiles', ids: [] });
    return [...this.profiles.values()].map((p) => ({ ...p }));
  }
  async getProfile(id: string) {
    this.calls.push({ method: 'getProfile', ids: [id] });
    const p = this.profiles.get(id);
    if (!p) throw DeckError.of('not-found', `Profile ${id} not found`);
    return { ...p };
  }
  async listGroups(): Promise<Group[]> {
    return [];
  }
  async createGroup(name: string): Promise<Group> {
    return { connectionId: this.connectionId, id: name, name };
  }
  async listTags(): Promise<Tag[]> {
    return [];
  }

  async moveToGroup(ids: string[], groupId: string, opts?: CallOptions) {
    await this.record('moveToGroup', ids, opts?.signal);
    return this.batch(ids, (p) => {
      p.groupId = groupId;
    });
  }
  async setRemark(ids: string[], remark: string, opts?: CallOptions) {
    await this.record('setRemark', ids, opts?.signal);
    return this.batch(ids, (p) => {
      p.remark = remark;
    });
  }
  async setName(ids: string[], name: string, opts?: CallOptions) {
    await this.record('setName', ids, opts?.signal);
    return this.batch(ids, (p) => {
      p.name = name;
    });
  }
  async setTags(ids: string[], tags: string[], opts?: CallOptions) {
    await this.record('setTags', ids, opts?.signal);
    return this.batch(ids, (p) => {
      p.tags = tags.map((t) => ({ id: t, name: t }));
    });
  }
  async setProxy(ids: string[], proxy: ProxyInput, opts?: CallOptions) {
    await this.record('setProxy', ids, opts?.signal);
    return this.batch(ids, (p) => {
      p.proxy = { ...p.proxy, type: proxy.type, host: proxy.host, port: proxy.port };
      if (proxy.password.action === 'set') this.passwords.set(p.vendorId, proxy.password.value);
      if (proxy.password.action === 'clear') this.passwords.delete(p.vendorId);
    });
  }
  async storedProxies(ids: readonly string[]): Promise<StoredProxies> {
    const out: StoredProxies = new Map();
    for (const id of ids) {
      const p = this.profiles.get(id);
      if (!p) continue;
      if (this.passwordUnknown.has(id)) {
        out.set(id, DeckError.of('unsupported', 'This vendor does not report stored passwords'));
        continue;
      }
      const { method, type, host, port, username } = p.proxy;
      out.set(id, { method, type, host, port, username, password: this.passwords.get(id) ?? '' });
    }
    return out;
  }
  async deleteProfiles(ids: string[], opts?: CallOptions) {
    await this.record('deleteProfiles', ids, opts?.signal);
    return this.batch(ids, (p) => this.profiles.delete(p.vendorId));
  }
  async copyProfile(id: string, options: { name?: string; groupId?: string }, opts?: CallOptions) {
    await this.record('copyProfile', [id], opts?.signal);
    const source = this.one(id);
    const copy = this.add(String(this.nextId++), options.name ?? `${source.name} copy`);
    copy.groupId = options.groupId ?? source.groupId;
    return copy.vendorId;
  }
  async createProfile(item: CreateItem, opts?: CallOptions) {
    await this.record('createProfile', [], opts?.signal);
    const failure = this.failures.get(item.name);
    if (failure) throw failure;
    return this.add(String(this.nextId++), item.name).vendorId;
  }

  async open(id: string, opts?: CallOptions): Promise<OpenResult> {
    this.open_.inFlight++;
    this.open_.maxInFlight = Math.max(this.open_.maxInFlight, this.open_.inFlight);
    if (this.onInFlight && this.open_.inFlight === this.onInFlight.target)
      this.onInFlight.resolve();
    try {
      await this.record('open', [id], opts?.signal);
      const p = this.one(id);
      const attached = this.alreadyOpen.has(id);
      p.status = 'open';
      p.debugPort = 9000 + Number(id);
      const session: Session = {
        profileKey: p.key,
        connectionId: this.connectionId,
        vendor: this.vendor,
        vendorId: id,
        debugPort: p.debugPort,
        engine: 'chromium',
      };
      return { session, attached };
    } finally {
      this.open_.inFlight--;
    }
  }
  async close(id: string, opts?: CallOptions) {
    await this.record('close', [id], opts?.signal);
    const p = this.one(id);
    p.status = 'closed';
    return { alreadyClosed: this.processGone.has(id) };
  }
  async listSessions(): Promise<Session[]> {
    return [];
  }
}

/** getProvider over some fakes; an unknown connection is 'not-found', as the real one. */
export function providersOf(...fakes: FakeProvider[]) {
  const byId = new Map(fakes.map((f) => [f.connectionId, f]));
  return (connectionId: string): VendorProvider => {
    const p = byId.get(connectionId);
    if (!p) throw DeckError.of('not-found', `Connection ${connectionId} not found`);
    return p;
  };
}
