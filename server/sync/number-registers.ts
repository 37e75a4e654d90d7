import type { NumberRegister } from '../../shared/sync/protocol.ts';
import type { Sql } from '../db/database.ts';
import { CommandRejection } from './command-context.ts';

/**
 * The registers numbered from leased blocks (DESIGN.md "Numbering"), side by side: the same
 * counters, leases and void numbers, each register in its own tables. Table names come from this
 * constant only, never from a request.
 */
export const NUMBER_REGISTERS = {
  rpw: {
    counters: 'rpw_counters',
    leases: 'rpw_leases',
    void: 'rpw_void',
    /** The register itself, with the number as desk_code, year, sequence. */
    entries: 'incoming_items',
    /** An RPW block is a registry desk's. */
    knownDesk: 'SELECT 1 FROM desks WHERE code = $1',
    notLeased: 'sync.rejections.numberNotLeased',
    taken: 'sync.rejections.numberTaken',
  },
  rkw: {
    counters: 'rkw_counters',
    leases: 'rkw_leases',
    void: 'rkw_void',
    entries: 'outgoing_letters',
    /** An RKW block is a desk's, or a unit's that sends its own letters without a desk. */
    knownDesk: 'SELECT 1 FROM desks WHERE code = $1 UNION ALL SELECT 1 FROM units WHERE code = $1',
    notLeased: 'sync.rejections.rkwNotLeased',
    taken: 'sync.rejections.rkwTaken',
  },
} as const satisfies Record<NumberRegister, unknown>;

export interface RegisterNumber {
  readonly deskCode: string;
  readonly year: number;
  readonly sequence: number;
}

/**
 * The number lies in a block leased to the pushing client: a number is accepted only from the
 * client that drew it, so two workstations can never both use it.
 */
export async function assertLeasedTo(tx: Sql, register: NumberRegister, clientId: string, number: RegisterNumber): Promise<void> {
  const tables = NUMBER_REGISTERS[register];
  const [lease] = await tx.query<{ client_id: string }>(
    `SELECT client_id FROM ${tables.leases} WHERE desk_code = $1 AND year = $2 AND first_no <= $3 AND last_no >= $3`,
    [number.deskCode, number.year, number.sequence],
  );
  if (!lease || lease.client_id !== clientId) throw new CommandRejection('number_not_leased', tables.notLeased);
}

/** The number was recorded as void (its block ended unused): it can never be used after all. */
export async function isVoid(tx: Sql, register: NumberRegister, number: RegisterNumber): Promise<boolean> {
  const rows = await tx.query(`SELECT 1 FROM ${NUMBER_REGISTERS[register].void} WHERE desk_code = $1 AND year = $2 AND sequence = $3`, [
    number.deskCode, number.year, number.sequence,
  ]);
  return rows.length > 0;
}
