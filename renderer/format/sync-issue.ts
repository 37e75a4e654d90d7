import { z } from 'zod';
import { formatRpwNumber, ItemStatus, type IncomingItem } from '../../shared/registry.ts';
import type { SyncIssue } from '../../shared/sync/status.ts';

/**
 * Turns a sync issue's two versions (what this workstation did, what the server has) into the
 * few facts a clerk compares: RPW number, sender, subject, status, cancel reason. Both versions
 * arrive as `unknown` (whatever the command carried), so every shape is parsed, never trusted.
 */

export type FactLabel =
  | 'rpwNumber' | 'sender' | 'subject' | 'status' | 'cancelReason' | 'registeredBy' | 'numbers' | 'unit' | 'jrwa' | 'title'
  | 'addressee' | 'body' | 'replyState' | 'remarks' | 'editedAt' | 'data';

export interface Fact {
  readonly label: FactLabel;
  /** Shown as it is, or (when `translate`) an i18n key such as `registry.statuses.cancelled`. */
  readonly value: string;
  readonly translate: boolean;
}

export interface IssueSide {
  readonly facts: readonly Fact[];
  /** The register entry on this workstation, to open it; null when there is none to open. */
  readonly itemId: string | null;
}

const ItemLike = z.object({
  id: z.string().optional(),
  rpwNumber: z.string().optional(),
  senderName: z.string().nullable().optional(),
  subject: z.string().nullable().optional(),
  status: ItemStatus.optional(),
  cancelReason: z.string().nullable().optional(),
  registeredBy: z.string().optional(),
});
type ItemLike = z.infer<typeof ItemLike>;

const RegisterArgs = z.object({ item: ItemLike });
const CancelArgs = z.object({ id: z.string(), reason: z.string() });
const ClashArgs = z.object({ id: z.string(), rpwNumber: z.string() });
const VoidArgs = z.object({ deskCode: z.string(), year: z.number().int(), sequences: z.array(z.number().int()) });
/** A reply as a command carried it (draft, edit, a decision) or as the server has it (a conflict's other side). */
const ReplyLike = z.object({
  addressee: z.string().optional(),
  body: z.string().optional(),
  state: z.enum(['draft', 'submitted', 'returned', 'accepted']).optional(),
  remarks: z.string().nullable().optional(),
  updatedAt: z.string().optional(),
  at: z.string().optional(),
});
type ReplyLike = z.infer<typeof ReplyLike>;
const DraftReplyArgs = z.object({ reply: ReplyLike });
const OpenCaseArgs = z.object({ case: z.object({ unitCode: z.string(), jrwaSymbol: z.string(), title: z.string().nullable().optional() }) });

const COMMAND_KEYS: Readonly<Record<string, string>> = {
  'registry.register': 'registryRegister',
  'registry.cancel': 'registryCancel',
  'rpw.void': 'rpwVoid',
  'cases.open': 'casesOpen',
  'cases.pause': 'casesPause',
  'cases.resume': 'casesResume',
  'cases.extend': 'casesExtend',
  'cases.close': 'casesClose',
  'cases.note': 'casesNote',
  'cases.attachItem': 'casesAttachItem',
  'pull.incoming_item': 'pullIncomingItem',
  'pull.item_route': 'pullItemRoute',
  'routing.route': 'routingRoute',
  'routing.assign': 'routingAssign',
  'routing.accept': 'routingAccept',
  'routing.return': 'routingReturn',
  'documents.attach': 'documentsAttach',
  'replies.draft': 'repliesDraft',
  'replies.update': 'repliesUpdate',
  'replies.submit': 'repliesSubmit',
  'replies.return': 'repliesReturn',
  'replies.acceptStep': 'repliesAcceptStep',
  'replies.accept': 'repliesAccept',
  'pull.reply': 'pullReply',
};

/** The i18n key (under `sync.commands.`) naming the command; null for one this UI does not know. */
export function commandKey(command: string): string | null {
  return COMMAND_KEYS[command] ?? null;
}

// The server words some refusals with generic error keys, written for forms ("correct the
// marked fields"); in the conflicts view they get a wording about the change instead.
const MESSAGE_ALIASES: Readonly<Record<string, string>> = {
  'errors.not_found': 'sync.rejections.notFound',
  'errors.invalid_input': 'sync.rejections.invalidInput',
  'errors.forbidden': 'sync.rejections.forbidden',
};

/** The i18n key explaining the issue (the caller falls back to a generic text if it has none). */
export function messageKey(issue: Pick<SyncIssue, 'messageKey'>): string {
  return MESSAGE_ALIASES[issue.messageKey] ?? issue.messageKey;
}

/** Which local register entry the issue is about: to open it, and to show it where the command's own data does not. */
export function localEntryId(issue: Pick<SyncIssue, 'command' | 'local'>): string | null {
  if (issue.command === 'registry.register') return RegisterArgs.safeParse(issue.local).data?.item.id ?? null;
  if (issue.command === 'registry.cancel') return CancelArgs.safeParse(issue.local).data?.id ?? null;
  if (issue.command === 'pull.incoming_item') return ClashArgs.safeParse(issue.local).data?.id ?? null;
  return null;
}

/** This workstation's version; `entry` is the local register entry named by `localEntryId`, if loaded. */
export function localSide(issue: Pick<SyncIssue, 'command' | 'local'>, entry: IncomingItem | null): IssueSide | null {
  switch (issue.command) {
    case 'registry.register': {
      const args = RegisterArgs.safeParse(issue.local);
      return args.success ? { facts: itemFacts(args.data.item), itemId: args.data.item.id ?? null } : rawSide(issue.local);
    }
    case 'registry.cancel': {
      const args = CancelArgs.safeParse(issue.local);
      if (!args.success) return rawSide(issue.local);
      // What the clerk did here: this entry, cancelled for this reason.
      return { facts: itemFacts({ ...(entry ?? {}), status: 'cancelled', cancelReason: args.data.reason }), itemId: args.data.id };
    }
    case 'pull.incoming_item': {
      const args = ClashArgs.safeParse(issue.local);
      if (!args.success) return rawSide(issue.local);
      return { facts: itemFacts(entry ?? { rpwNumber: args.data.rpwNumber }), itemId: args.data.id };
    }
    case 'rpw.void': {
      const args = VoidArgs.safeParse(issue.local);
      if (!args.success) return rawSide(issue.local);
      return {
        facts: [
          { label: 'numbers', value: numberRanges(args.data.deskCode, args.data.year, args.data.sequences), translate: false },
          { label: 'status', value: 'sync.conflicts.voided', translate: true },
        ],
        itemId: null,
      };
    }
    case 'cases.open': {
      const args = OpenCaseArgs.safeParse(issue.local);
      if (!args.success) return rawSide(issue.local);
      const c = args.data.case;
      return {
        facts: [
          { label: 'unit', value: c.unitCode, translate: false },
          { label: 'jrwa', value: c.jrwaSymbol, translate: false },
          ...(c.title ? [{ label: 'title' as const, value: c.title, translate: false }] : []),
        ],
        itemId: null,
      };
    }
    case 'replies.draft': {
      const args = DraftReplyArgs.safeParse(issue.local);
      return args.success ? { facts: replyFacts(args.data.reply), itemId: null } : rawSide(issue.local);
    }
    case 'replies.update':
    case 'replies.submit':
    case 'replies.return':
    case 'replies.acceptStep':
    case 'replies.accept': {
      const args = ReplyLike.safeParse(issue.local);
      return args.success ? { facts: replyFacts(args.data), itemId: null } : rawSide(issue.local);
    }
    default:
      return rawSide(issue.local);
  }
}

/** The server's version, or null when the server simply refused and has none of its own. */
export function serverSide(issue: Pick<SyncIssue, 'command' | 'server'>): IssueSide | null {
  if (issue.server === null || issue.server === undefined) return null;
  const item = ItemLike.safeParse(issue.server);
  const isItem = issue.command === 'registry.register' || issue.command === 'registry.cancel' || issue.command === 'pull.incoming_item';
  if (isItem && item.success) return { facts: itemFacts(item.data), itemId: null };
  const reply = ReplyLike.safeParse(issue.server);
  if ((issue.command.startsWith('replies.') || issue.command === 'pull.reply') && reply.success) return { facts: replyFacts(reply.data), itemId: null };
  return rawSide(issue.server);
}

function itemFacts(item: ItemLike): Fact[] {
  const facts: Fact[] = [];
  if (item.rpwNumber !== undefined) facts.push({ label: 'rpwNumber', value: item.rpwNumber, translate: false });
  // null is "brak danych" (the law lets the clerk record it so); undefined: the version lacks it.
  if (item.senderName !== undefined) facts.push(item.senderName === null ? noData('sender') : { label: 'sender', value: item.senderName, translate: false });
  if (item.subject !== undefined) facts.push(item.subject === null ? noData('subject') : { label: 'subject', value: item.subject, translate: false });
  if (item.status !== undefined) facts.push({ label: 'status', value: `registry.statuses.${item.status}`, translate: true });
  if (item.cancelReason) facts.push({ label: 'cancelReason', value: item.cancelReason, translate: false });
  if (item.registeredBy) facts.push({ label: 'registeredBy', value: item.registeredBy, translate: false });
  return facts;
}

/** A reply's text side by side: who it is to, what it says, where it stands, and which version. */
function replyFacts(reply: ReplyLike): Fact[] {
  const facts: Fact[] = [];
  if (reply.state !== undefined) facts.push({ label: 'replyState', value: `replies.states.${reply.state}`, translate: true });
  if (reply.addressee !== undefined) facts.push({ label: 'addressee', value: reply.addressee, translate: false });
  if (reply.body !== undefined) facts.push({ label: 'body', value: reply.body, translate: false });
  if (reply.remarks) facts.push({ label: 'remarks', value: reply.remarks, translate: false });
  const version = reply.updatedAt ?? reply.at;
  if (version !== undefined) facts.push({ label: 'editedAt', value: version, translate: false });
  return facts;
}

function noData(label: FactLabel): Fact {
  return { label, value: 'registry.form.noData', translate: true };
}

/** A shape this UI does not know: shown as data (for IT), shortened, rather than hidden. */
function rawSide(value: unknown): IssueSide | null {
  if (value === null || value === undefined) return null;
  const text = JSON.stringify(value);
  return { facts: [{ label: 'data', value: text.length > 300 ? `${text.slice(0, 299)}…` : text, translate: false }], itemId: null };
}

/** `RPW/KO/5/2026 – RPW/KO/9/2026, RPW/KO/12/2026`: runs of numbers, not hundreds of them. */
export function numberRanges(deskCode: string, year: number, sequences: readonly number[]): string {
  const sorted = [...new Set(sequences)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const n of sorted) {
    const last = runs.at(-1);
    if (last && n === last[1] + 1) last[1] = n;
    else runs.push([n, n]);
  }
  return runs
    .map(([from, to]) => (from === to ? formatRpwNumber(deskCode, from, year) : `${formatRpwNumber(deskCode, from, year)} – ${formatRpwNumber(deskCode, to, year)}`))
    .join(', ');
}
