import { describe, expect, it } from 'vitest';
import { createAppI18n } from '../../i18n/index.ts';
import { stepText } from './acceptance-text.ts';

const naczelnik = { login: 'mdabrowska', name: 'Małgorzata Dąbrowska', post: 'Naczelnik Wydziału' };

describe('the step a reply waits at, in words', () => {
  it('names the step, the length of the chain and who decides it, in Polish and in English', () => {
    const pl = createAppI18n('pl').global.t;
    expect(stepText(pl, { step: 2, of: 2, approver: { approver: 'parent_head' }, approvers: [naczelnik] })).toBe('akceptacja 2 z 2: Naczelnik Wydziału Małgorzata Dąbrowska');
    expect(stepText(pl, { step: 1, of: 3, approver: { approver: 'unit_head' }, approvers: [naczelnik, { login: 'x', name: 'Jan Nowak', post: 'Zastępca Naczelnika' }] }))
      .toBe('akceptacja 1 z 3: Naczelnik Wydziału Małgorzata Dąbrowska lub Zastępca Naczelnika Jan Nowak');
    // Someone standing in for the head today may decide too.
    expect(stepText(pl, { step: 1, of: 1, approver: { approver: 'unit_head' }, approvers: [naczelnik, { login: 'y', name: 'Ewa Lis', post: 'Inspektor', substituteFor: 'Małgorzata Dąbrowska' }] }))
      .toBe('akceptacja 1 z 1: Naczelnik Wydziału Małgorzata Dąbrowska lub Inspektor Ewa Lis (w zastępstwie: Małgorzata Dąbrowska)');
    expect(stepText(pl, { step: 1, of: 1, approver: { approver: 'unit_head' }, approvers: [] })).toBe('akceptacja 1 z 1: nikt — ścieżka akceptacji wymaga poprawienia');
    const en = createAppI18n('en').global.t;
    expect(stepText(en, { step: 1, of: 2, approver: { approver: 'unit_head' }, approvers: [naczelnik] })).toBe('approval 1 of 2: Naczelnik Wydziału Małgorzata Dąbrowska');
  });
});
