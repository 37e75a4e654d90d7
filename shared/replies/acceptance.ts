import { z } from 'zod';
import { UnitCode } from '../organisation/organisation.ts';

/**
 * The akceptacja chain of a unit (domain.md §3.6: one or more approval levels): the steps a reply
 * drafted in the unit's cases passes, in order, before it becomes the czystopis. Each step names
 * who decides it, relative to the case's unit (its head, its parent unit's head) or a named person
 * (a legal adviser, the city secretary). A unit with no chain of its own has the default: one step,
 * its head. Messages are i18n keys.
 */
export const ApproverKind = z.enum(['unit_head', 'parent_head', 'person']);
export type ApproverKind = z.infer<typeof ApproverKind>;

export const AcceptanceStep = z.discriminatedUnion('approver', [
  z.object({ approver: z.literal('unit_head') }),
  z.object({ approver: z.literal('parent_head') }),
  z.object({ approver: z.literal('person'), login: z.string().trim().toLowerCase().min(1, { error: 'acceptance.errors.personRequired' }).max(64) }),
]);
export type AcceptanceStep = z.infer<typeof AcceptanceStep>;

/** Four levels cover referat → wydział → radca prawny → sekretarz with room to spare. */
export const MAX_STEPS = 6;

export const DEFAULT_CHAIN: readonly AcceptanceStep[] = [{ approver: 'unit_head' }];

/** An empty list of steps puts the unit back on the default chain. */
export const AcceptanceChainInput = z.object({
  unitCode: UnitCode,
  steps: z.array(AcceptanceStep).max(MAX_STEPS, { error: 'acceptance.errors.tooMany' }),
});
export type AcceptanceChainInput = z.infer<typeof AcceptanceChainInput>;

export const AcceptanceChain = z.object({
  unitCode: z.string(),
  steps: z.array(AcceptanceStep),
  /** False when the unit has no chain of its own and `steps` is the default. */
  configured: z.boolean(),
  savedAt: z.string().nullable(),
  savedBy: z.string().nullable(),
});
export type AcceptanceChain = z.infer<typeof AcceptanceChain>;

/** Someone who may decide a step, with the post they hold (the UI and the metryka show it). */
/** Who may decide a step; `substituteFor` names the absent approver someone stands in for (zastępstwo). */
export const Approver = z.object({ login: z.string(), name: z.string(), post: z.string(), substituteFor: z.string().optional() });
export type Approver = z.infer<typeof Approver>;

/** Where a submitted reply stands in its chain: step `step` of `of`, and who may decide it now. */
export const AcceptanceProgress = z.object({
  step: z.number().int().min(1),
  of: z.number().int().min(1),
  approver: AcceptanceStep,
  approvers: z.array(Approver),
});
export type AcceptanceProgress = z.infer<typeof AcceptanceProgress>;

export interface ChainProblem {
  /** Index of the step at fault, or null for the chain as a whole. */
  readonly index: number | null;
  readonly key: string;
}

/**
 * What is wrong with a chain whatever the organisation says: the same step twice makes someone
 * accept twice, and a unit at the top has no parent unit whose head could decide. Shared by the
 * admin screen (shown while editing) and the core (refused when saving).
 */
export function chainProblems(steps: readonly AcceptanceStep[], unit: { hasParent: boolean }): ChainProblem[] {
  const problems: ChainProblem[] = [];
  if (steps.length > MAX_STEPS) problems.push({ index: null, key: 'acceptance.errors.tooMany' });
  const seen = new Set<string>();
  steps.forEach((step, index) => {
    if (step.approver === 'person' && step.login.trim() === '') {
      problems.push({ index, key: 'acceptance.errors.personRequired' });
      return;
    }
    if (step.approver === 'parent_head' && !unit.hasParent) problems.push({ index, key: 'acceptance.errors.noParent' });
    const id = stepId(step);
    if (seen.has(id)) problems.push({ index, key: 'acceptance.errors.duplicate' });
    seen.add(id);
  });
  return problems;
}

function stepId(step: AcceptanceStep): string {
  switch (step.approver) {
    case 'unit_head':
    case 'parent_head':
      return step.approver;
    case 'person':
      return `person:${step.login.trim().toLowerCase()}`;
  }
}
