import { describe, expect, it } from 'vitest';
import { AcceptanceChainInput, chainProblems, MAX_STEPS } from './acceptance.ts';

describe('akceptacja chains', () => {
  it('finds a repeated step, a parent step at the top, a person step without a person, and too many steps', () => {
    expect(chainProblems([{ approver: 'unit_head' }, { approver: 'parent_head' }, { approver: 'person', login: 'anowak' }], { hasParent: true })).toEqual([]);
    expect(chainProblems([], { hasParent: false })).toEqual([]);
    expect(chainProblems([{ approver: 'unit_head' }, { approver: 'parent_head' }], { hasParent: false })).toEqual([{ index: 1, key: 'acceptance.errors.noParent' }]);
    expect(chainProblems([{ approver: 'person', login: 'anowak' }, { approver: 'unit_head' }, { approver: 'person', login: 'ANowak' }], { hasParent: true }))
      .toEqual([{ index: 2, key: 'acceptance.errors.duplicate' }]);
    expect(chainProblems([{ approver: 'person', login: ' ' }], { hasParent: true })).toEqual([{ index: 0, key: 'acceptance.errors.personRequired' }]);
    const many = Array.from({ length: MAX_STEPS + 1 }, (_, i) => ({ approver: 'person' as const, login: `osoba${String(i)}` }));
    expect(chainProblems(many, { hasParent: true })).toEqual([{ index: null, key: 'acceptance.errors.tooMany' }]);
  });

  it('takes a chain from the screen only in its known shape', () => {
    expect(AcceptanceChainInput.parse({ unitCode: 'GN-I', steps: [{ approver: 'person', login: ' RWojcik3 ' }] })).toEqual({ unitCode: 'GN-I', steps: [{ approver: 'person', login: 'rwojcik3' }] });
    expect(AcceptanceChainInput.safeParse({ unitCode: 'GN-I', steps: [{ approver: 'secretary' }] }).success).toBe(false);
    expect(AcceptanceChainInput.safeParse({ unitCode: 'GN-I', steps: [{ approver: 'person' }] }).success).toBe(false);
    expect(AcceptanceChainInput.safeParse({ unitCode: 'gn i', steps: [] }).success).toBe(false);
    expect(AcceptanceChainInput.safeParse({ unitCode: 'GN-I', steps: Array.from({ length: MAX_STEPS + 1 }, () => ({ approver: 'unit_head' })) }).error?.issues[0]?.message).toBe('acceptance.errors.tooMany');
  });
});
