import { awizoFictionDate, isPostal, OutgoingChannel, type DispatchReplyInput, type RecordDeliveryInput, type RecordReturnInput } from '../../../shared/outgoing/outgoing.ts';
import type { Reply } from '../../../shared/replies/replies.ts';
import type { ActionField, ActionValues } from '../cases/action-fields.ts';

type Translate = (key: string, values?: Record<string, unknown>) => string;
type FormatDate = (isoDate: string) => string;

const value = (values: ActionValues, name: string): string => values[name] ?? '';
const channelOf = (values: ActionValues): OutgoingChannel => OutgoingChannel.catch('registered_zpo').parse(value(values, 'channel'));
const postal = (values: ActionValues): boolean => isPostal(channelOf(values));

/**
 * The dispatch form of an accepted reply: the addressee block split into the name (the dispatch
 * book's "Adresat") and the address; postage, mass and tracking only for post; the case closed
 * with the letter unless the clerk unticks it.
 */
export function dispatchFields(t: Translate, caseOpen: boolean): ActionField[] {
  return [
    { name: 'channel', label: t('outgoing.fields.channel'), type: 'select', options: OutgoingChannel.options.map((c) => ({ value: c, label: t(`outgoing.channels.${c}`) })) },
    { name: 'addresseeName', label: t('outgoing.fields.addresseeName'), type: 'text', maxlength: 300 },
    { name: 'addressLines', label: t('outgoing.fields.addressLines'), type: 'textarea', maxlength: 1000, hint: t('outgoing.hints.addressLines') },
    { name: 'sentOn', label: t('outgoing.fields.sentOn'), type: 'date' },
    { name: 'postage', label: t('outgoing.fields.postage'), type: 'text', maxlength: 9, hint: t('outgoing.hints.postage'), visible: postal },
    { name: 'mass', label: t('outgoing.fields.mass'), type: 'text', maxlength: 6, visible: postal },
    { name: 'trackingNumber', label: t('outgoing.fields.trackingNumber'), type: 'text', maxlength: 40, hint: t('outgoing.hints.trackingNumber'), visible: postal },
    ...(caseOpen
      ? [
          { name: 'closeCase', label: t('outgoing.fields.closeCase'), type: 'checkbox' } as const,
          { name: 'settlement', label: t('outgoing.fields.settlement'), type: 'textarea', maxlength: 1000, visible: (v: ActionValues) => value(v, 'closeCase') === 'true' } as const,
        ]
      : []),
  ];
}

export function dispatchInitial(reply: Reply, today: string, caseOpen: boolean, t: Translate): ActionValues {
  const [name = '', ...address] = reply.addressee.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  return {
    channel: 'registered_zpo', addresseeName: name, addressLines: address.join('\n'), sentOn: today, postage: '', mass: '', trackingNumber: '',
    closeCase: String(caseOpen), settlement: t('outgoing.defaultSettlement', { template: reply.templateName }),
  };
}

export function dispatchInput(replyId: string, values: ActionValues): DispatchReplyInput {
  return {
    replyId, channel: channelOf(values), addresseeName: value(values, 'addresseeName'), addressLines: value(values, 'addressLines'),
    sentOn: value(values, 'sentOn'), postage: value(values, 'postage'), mass: value(values, 'mass'), trackingNumber: value(values, 'trackingNumber'),
    closeCase: value(values, 'closeCase') === 'true', settlement: value(values, 'settlement'),
  };
}

const DELIVERY_KINDS = ['signed', 'awizo_fiction', 'electronic_proof'] as const;
type DeliveryKindValue = (typeof DELIVERY_KINDS)[number];
const kindOf = (values: ActionValues): DeliveryKindValue => DELIVERY_KINDS.find((k) => k === value(values, 'kind')) ?? 'signed';

/** Delivery from the return receipt: for the art. 44 fiction the first awizo's day, and the deemed day shown live. */
export function deliveryFields(t: Translate, formatDate: FormatDate): ActionField[] {
  return [
    { name: 'kind', label: t('outgoing.fields.deliveryKind'), type: 'select', options: DELIVERY_KINDS.map((k) => ({ value: k, label: t(`outgoing.deliveryKinds.${k}`) })) },
    { name: 'deliveredOn', label: t('outgoing.fields.deliveredOn'), type: 'date', visible: (v) => kindOf(v) !== 'awizo_fiction' },
    {
      name: 'firstNoticeOn', label: t('outgoing.fields.firstNoticeOn'), type: 'date', visible: (v) => kindOf(v) === 'awizo_fiction',
      liveHint: (v) => (value(v, 'firstNoticeOn') === '' ? t('outgoing.hints.fiction') : t('outgoing.hints.fictionOn', { date: formatDate(awizoFictionDate(value(v, 'firstNoticeOn'))) })),
    },
  ];
}

export function deliveryInput(id: string, values: ActionValues): RecordDeliveryInput {
  const kind = kindOf(values);
  return kind === 'awizo_fiction' ? { id, kind, firstNoticeOn: value(values, 'firstNoticeOn') } : { id, kind, deliveredOn: value(values, 'deliveredOn') };
}

export function returnFields(t: Translate): ActionField[] {
  return [
    { name: 'returnedOn', label: t('outgoing.fields.returnedOn'), type: 'date' },
    { name: 'reason', label: t('outgoing.fields.returnReason'), type: 'text', maxlength: 500, hint: t('outgoing.hints.returnReason') },
  ];
}

export function returnInput(id: string, values: ActionValues): RecordReturnInput {
  return { id, returnedOn: value(values, 'returnedOn'), reason: value(values, 'reason') };
}
