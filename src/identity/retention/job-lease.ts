import type { HubDatabase } from '../../store/database';

/**
 * A named lease in the database: whoever holds an unexpired one runs the job, so one process
 * among many workers does (no Redis needed, and a crashed holder's lease simply runs out).
 * Answers whether `holder` has it until `now + ttlMs`.
 */
export async function acquireLease(database: HubDatabase, name: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
  const result = await database.db
    .insertInto('job_leases')
    .values({ name, holder, expires_at: expiresAt })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet({ holder, expires_at: expiresAt })
        .where((eb) => eb.or([eb('job_leases.expires_at', '<', now.toISOString()), eb('job_leases.holder', '=', holder)])),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}
