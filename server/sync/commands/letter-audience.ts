import type { IncomingItem } from '../../../shared/registry.ts';
import type { CommandContext } from '../command-context.ts';
import { itemScope } from '../item-scope.ts';
import { documentChange, type DocumentRow } from './documents.ts';

/**
 * Logs a restricted letter and its documents again for everyone who may now see them: its desk's
 * unit and every unit it was routed to (item-scope.ts). Called when a routing adds a unit, so the
 * unit's desks get the letter the route points at; the compacted log keeps this latest change, so
 * a desk joining later gets it too. A public letter already reaches everyone: nothing to do.
 */
export async function logLetterForItsAudience(ctx: CommandContext, itemId: string): Promise<void> {
  const scope = await itemScope(ctx.tx, itemId);
  if (scope === null || scope.scopeUnit === null) return;
  const [letter] = await ctx.tx.query<{ item: Omit<IncomingItem, 'trackingPin'> }>('SELECT item FROM incoming_items WHERE id = $1', [itemId]);
  if (!letter) return;
  const audience = { scopeUnit: scope.scopeUnit, alsoUnits: scope.alsoUnits };
  ctx.change({ entity: 'incoming_item', id: itemId, op: 'upsert', ...audience, data: letter.item });
  const documents = await ctx.tx.query<DocumentRow>('SELECT * FROM item_documents WHERE item_id = $1 ORDER BY added_at, id', [itemId]);
  for (const row of documents) ctx.change({ entity: 'item_document', id: row.id, op: 'upsert', ...audience, data: documentChange(row) });
}
