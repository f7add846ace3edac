import type { Actor } from '../xapi/statement';
import { actorOfIdentity, identityKey } from './identity-key';
import type { Identity, PersonHint } from './identity.types';

export type LearningPlan =
  | { kind: 'create'; actor: Actor; identities: Identity[]; attributes: Record<string, string> }
  | { kind: 'update'; personId: string; newIdentities: Identity[]; name?: string; attributes: Record<string, string> }
  | { kind: 'unchanged'; personId: string }
  /** The hint's identities belong to two or more people: nothing is merged silently. */
  | { kind: 'conflict'; personIds: string[] }
  /** No person known, and no e-mail or account to make a canonical actor of. */
  | { kind: 'skip'; reason: string };

/**
 * What a hint (an HR roster record, a Slack user, a CSV line) does to the directory, given
 * which person owns each of its identity keys today: a new person (canonical actor: its first
 * e-mail, else its first account); new identities, a name and attributes for the one person it
 * matches; or nothing, when it matches two people (an admin merges them, or not).
 */
export function planLearning(hint: PersonHint, owners: ReadonlyMap<string, string>, current?: { name: string | null; attributes: Record<string, string> }): LearningPlan {
  const unique = new Map(hint.identities.map((identity) => [identityKey(identity), identity]));
  const personIds = [...new Set([...unique.keys()].flatMap((key) => owners.get(key) ?? []))];
  const attributes = hint.attributes ?? {};
  if (personIds.length > 1) return { kind: 'conflict', personIds: personIds.sort() };
  if (personIds.length === 1) {
    const newIdentities = [...unique].filter(([key]) => !owners.has(key)).map(([, identity]) => identity);
    const name = hint.name && !current?.name ? hint.name : undefined;
    const changedAttributes = Object.entries(attributes).some(([k, v]) => current?.attributes[k] !== v);
    if (newIdentities.length === 0 && !name && !changedAttributes) return { kind: 'unchanged', personId: personIds[0] };
    return { kind: 'update', personId: personIds[0], newIdentities, ...(name ? { name } : {}), attributes };
  }
  const identities = [...unique.values()];
  const canonical = identities.find((i) => 'mbox' in i) ?? identities.find((i) => 'account' in i);
  if (!canonical) return { kind: 'skip', reason: 'no e-mail or account among its identities to make a canonical actor of' };
  return { kind: 'create', actor: actorOfIdentity(canonical, hint.name)!, identities, attributes };
}
