import type { z } from 'zod';
import type { RpwLease, RpwLeaseRequest, SessionUser } from '../../shared/sync/protocol.ts';
import type { ServerDb } from '../db/database.ts';
import { CommandRejection, requireRole } from './command-context.ts';
import { REGISTRY_ROLES } from './commands/registry.ts';

/**
 * Hands a workstation the next block of RPW numbers for a desk and year. One UPDATE … RETURNING
 * on the desk's counter row: two workstations asking at once get disjoint blocks.
 */
export async function leaseRpwBlock(db: ServerDb, user: SessionUser, clientId: string, request: z.output<typeof RpwLeaseRequest>): Promise<RpwLease> {
  requireRole(user, REGISTRY_ROLES);
  return db.transaction(async (tx) => {
    const desk = await tx.query('SELECT 1 FROM desks WHERE code = $1', [request.deskCode]);
    if (desk.length === 0) throw new CommandRejection('unknown_desk', 'sync.rejections.unknownDesk');
    await tx.query('INSERT INTO rpw_counters (desk_code, year, next_no) VALUES ($1, $2, 1) ON CONFLICT DO NOTHING', [request.deskCode, request.year]);
    const [row] = await tx.query<{ first_no: number }>(
      'UPDATE rpw_counters SET next_no = next_no + $3 WHERE desk_code = $1 AND year = $2 RETURNING next_no - $3 AS first_no',
      [request.deskCode, request.year, request.size],
    );
    if (!row) throw new Error('rpw counter row missing');
    const lastNo = row.first_no + request.size - 1;
    await tx.query('INSERT INTO rpw_leases (desk_code, year, first_no, last_no, client_id, user_id) VALUES ($1, $2, $3, $4, $5, $6)', [
      request.deskCode, request.year, row.first_no, lastNo, clientId, user.id,
    ]);
    return { deskCode: request.deskCode, year: request.year, firstNo: row.first_no, lastNo };
  });
}
