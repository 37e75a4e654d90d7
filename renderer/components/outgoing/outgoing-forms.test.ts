import { describe, expect, it } from 'vitest';
import type { Reply } from '../../../shared/replies/replies.ts';
import { deliveryFields, deliveryInput, dispatchFields, dispatchInitial, dispatchInput } from './outgoing-forms.ts';

const t = (key: string, values?: Record<string, unknown>): string => (values ? `${key} ${JSON.stringify(values)}` : key);
const reply = { id: '019a0000-0000-7000-8000-000000000001', templateName: 'Odpowiedź na pismo', addressee: ' Zdzisław Źdźbło \nul. Ściegiennego 3/7\n\n45-001 Opole\n' } as Reply;

describe('the dispatch and delivery forms', () => {
  it('splits the reply\'s addressee block into the dispatch book\'s name and address, and offers closing the case', () => {
    const initial = dispatchInitial(reply, '2026-12-02', true, t);
    expect(initial).toMatchObject({ channel: 'registered_zpo', addresseeName: 'Zdzisław Źdźbło', addressLines: 'ul. Ściegiennego 3/7\n45-001 Opole', sentOn: '2026-12-02', closeCase: 'true' });
    expect(dispatchInput(reply.id, { ...initial, postage: '8,60', closeCase: 'false' })).toMatchObject({ replyId: reply.id, postage: '8,60', closeCase: false });
    expect(dispatchInitial(reply, '2026-12-02', false, t).closeCase).toBe('false');
  });

  it('asks for postage, mass and tracking only for post, and for the settlement only when the case is to close', () => {
    const fields = dispatchFields(t, true);
    const shown = (values: Record<string, string>) => fields.filter((f) => f.visible?.(values) ?? true).map((f) => f.name);
    expect(shown({ channel: 'registered_zpo', closeCase: 'true' })).toEqual(['channel', 'addresseeName', 'addressLines', 'sentOn', 'postage', 'mass', 'trackingNumber', 'closeCase', 'settlement']);
    expect(shown({ channel: 'epuap', closeCase: 'false' })).toEqual(['channel', 'addresseeName', 'addressLines', 'sentOn', 'closeCase']);
    expect(dispatchFields(t, false).map((f) => f.name)).not.toContain('closeCase');
  });

  it('records the art. 44 fiction from the first awizo and shows the deemed day while the clerk types', () => {
    const [, deliveredOn, firstNotice] = deliveryFields(t, (d) => d.split('-').reverse().join('.'));
    expect(deliveredOn?.visible?.({ kind: 'awizo_fiction' })).toBe(false);
    expect(firstNotice?.visible?.({ kind: 'awizo_fiction' })).toBe(true);
    expect(firstNotice?.liveHint?.({ kind: 'awizo_fiction', firstNoticeOn: '2026-12-20' })).toBe('outgoing.hints.fictionOn {"date":"03.01.2027"}');
    expect(deliveryInput('x', { kind: 'awizo_fiction', firstNoticeOn: '2026-12-20', deliveredOn: '2026-12-21' })).toEqual({ id: 'x', kind: 'awizo_fiction', firstNoticeOn: '2026-12-20' });
    expect(deliveryInput('x', { kind: 'signed', deliveredOn: '2026-12-21' })).toEqual({ id: 'x', kind: 'signed', deliveredOn: '2026-12-21' });
  });
});
