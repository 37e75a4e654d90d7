import type { z } from 'zod';
import { SENDING_ROLES } from '../../shared/outgoing/outgoing.ts';
import type { NumberLease, NumberRegister, RkwLeaseRequest, RpwLeaseRequest, SessionUser } from '../../shared/sync/protocol.ts';
import type { ServerDb } from '../db/database.ts';
import { CommandRejection, requireRole } from './command-context.ts';
import { REGISTRY_ROLES } from './commands/registry.ts';
import { NUMBER_REGISTERS } from './number-registers.ts';

/** Who may draw numbers: whoever may write the register's entries (RPW: the registry; RKW: whoever sends). */
const LEASING_ROLES = { rpw: REGISTRY_ROLES, rkw: SENDING_ROLES } as const satisfies Record<NumberRegister, readonly string[]>;

type LeaseRequest = z.output<typeof RpwLeaseRequest> | z.output<typeof RkwLeaseRequest>;

/**
 * Hands a workstation the next block of a register's numbers for a desk and year. One UPDATE …
 * RETURNING on the desk's counter row: two workstations asking at once get disjoint blocks.
 */
export async function leaseBlock(db: ServerDb, register: NumberRegister, user: SessionUser, clientId: string, request: LeaseRequest): Promise<NumberLease> {
  requireRole(user, LEASING_ROLES[register]);
  const tables = NUMBER_REGISTERS[register];
  return db.transaction(async (tx) => {
    const desk = await tx.query(tables.knownDesk, [request.deskCode]);
    if (desk.length === 0) throw new CommandRejection('unknown_desk', 'sync.rejections.unknownDesk');
    await tx.query(`INSERT INTO ${tables.counters} (desk_code, year, next_no) VALUES ($1, $2, 1) ON CONFLICT DO NOTHING`, [request.deskCode, request.year]);
    const [row] = await tx.query<{ first_no: number }>(
      `UPDATE ${tables.counters} SET next_no = next_no + $3 WHERE desk_code = $1 AND year = $2 RETURNING next_no - $3 AS first_no`,
      [request.deskCode, request.year, request.size],
    );
    if (!row) throw new Error(`${register} counter row missing`);
    const lastNo = row.first_no + request.size - 1;
    await tx.query(`INSERT INTO ${tables.leases} (desk_code, year, first_no, last_no, client_id, user_id) VALUES ($1, $2, $3, $4, $5, $6)`, [
      request.deskCode, request.year, row.first_no, lastNo, clientId, user.id,
    ]);
    return { deskCode: request.deskCode, year: request.year, firstNo: row.first_no, lastNo };
  });
}

export function leaseRpwBlock(db: ServerDb, user: SessionUser, clientId: string, request: z.output<typeof RpwLeaseRequest>): Promise<NumberLease> {
  return leaseBlock(db, 'rpw', user, clientId, request);
}

export function leaseRkwBlock(db: ServerDb, user: SessionUser, clientId: string, request: z.output<typeof RkwLeaseRequest>): Promise<NumberLease> {
  return leaseBlock(db, 'rkw', user, clientId, request);
}
