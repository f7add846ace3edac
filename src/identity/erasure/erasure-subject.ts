import { createHash } from 'node:crypto';
import { agentKey } from '../../lrs/statements/agent-key';
import { actorOfIdentity, identityKey, normalMbox } from '../identity-key';
import type { Identity } from '../identity.types';
import type { ErasureSubject } from './erasure-source';
import { rawMatchersFor } from './raw-match';

/**
 * Everything an erasure looks for, from the person's identities (or the one identifier asked
 * about, when the directory does not know them): directory keys, the LRS's agent keys — each
 * e-mail also as its mbox_sha1sum — and what to look for in raw payloads.
 */
export function erasureSubject(identities: readonly Identity[], personId?: string): ErasureSubject {
  const agentKeys = new Set<string>();
  const mboxAgentKeys = new Set<string>();
  for (const identity of identities) {
    if ('mbox' in identity) {
      const mbox = normalMbox(identity.mbox);
      mboxAgentKeys.add(`mbox:${mbox}`);
      agentKeys.add(`mbox_sha1sum:${createHash('sha1').update(mbox).digest('hex')}`);
      continue;
    }
    const key = agentKey(actorOfIdentity(identity));
    if (key) agentKeys.add(key);
  }
  return {
    ...(personId ? { personId } : {}),
    identities: [...identities],
    identityKeys: [...new Set(identities.map(identityKey))],
    agentKeys: [...agentKeys],
    mboxAgentKeys: [...mboxAgentKeys],
    raw: rawMatchersFor(identities),
  };
}
