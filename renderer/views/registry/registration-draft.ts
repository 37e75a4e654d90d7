import type { CorrespondentInput } from '../../../shared/correspondents.ts';
import { Channel, paperChannels, RegisterItemInput } from '../../../shared/registry.ts';
import { toIssues, type Issue } from '../../../shared/result.ts';
import { dateTimeInputToIso, nowForDateTimeInput } from '../../format/dates.ts';

/** What the registration form holds while the clerk types: strings, as the inputs give them. */
export interface RegistrationDraft {
  channel: Channel;
  receivedAt: string;
  postedOn: string;
  senderName: string;
  senderUnknown: boolean;
  senderAddress: string;
  correspondentId: string | null;
  saveCorrespondent: boolean;
  correspondent: { kind: 'person' | 'institution'; pesel: string; nip: string; regon: string; street: string; postalCode: string; city: string; email: string; ade: string };
  senderReference: string;
  referenceUnknown: boolean;
  letterDate: string;
  letterDateUnknown: boolean;
  subject: string;
  subjectUnknown: boolean;
  /** Vue's v-model gives a number input's value as a number once edited. */
  attachmentsCount: string | number;
  personalDelivery: boolean;
  accessLevel: 'public' | 'restricted';
  originalLocation: string;
  postalTrackingNumber: string;
  notes: string;
}

export function emptyDraft(channel: Channel = 'post'): RegistrationDraft {
  return {
    channel,
    receivedAt: nowForDateTimeInput(),
    postedOn: '',
    senderName: '',
    senderUnknown: false,
    senderAddress: '',
    correspondentId: null,
    saveCorrespondent: false,
    correspondent: { kind: 'person', pesel: '', nip: '', regon: '', street: '', postalCode: '', city: '', email: '', ade: '' },
    senderReference: '',
    referenceUnknown: false,
    letterDate: '',
    letterDateUnknown: false,
    subject: '',
    subjectUnknown: false,
    attachmentsCount: '0',
    personalDelivery: false,
    accessLevel: 'public',
    originalLocation: '',
    postalTrackingNumber: '',
    notes: '',
  };
}

export const isPaper = (channel: Channel): boolean => paperChannels.includes(channel);

/**
 * Turns the draft into the contract's input, or field issues (keyed like the contract's paths:
 * `sender.name`, `subject`, …) that stop it before it leaves the form.
 */
export function toRegisterInput(d: RegistrationDraft): { input: RegisterItemInput } | { issues: Issue[] } {
  const issues: Issue[] = [];
  const fact = (path: string, value: string, unknown: boolean): string | null => {
    if (unknown) return null;
    if (value.trim() === '') issues.push({ path, message: 'registry.form.factRequired' });
    return value;
  };
  const input: RegisterItemInput = {
    receivedAt: dateTimeInputToIso(d.receivedAt) ?? '',
    channel: d.channel,
    postedOn: d.channel === 'post' && d.postedOn !== '' ? d.postedOn : null,
    sender: { correspondentId: d.correspondentId, name: fact('sender.name', d.senderName, d.senderUnknown), address: d.senderAddress },
    senderReference: fact('senderReference', d.senderReference, d.referenceUnknown),
    letterDate: d.letterDateUnknown ? null : d.letterDate,
    subject: fact('subject', d.subject, d.subjectUnknown),
    attachmentsCount: String(d.attachmentsCount).trim() === '' ? Number.NaN : Number(d.attachmentsCount),
    personalDelivery: d.personalDelivery,
    accessLevel: d.accessLevel,
    originalLocation: isPaper(d.channel) ? d.originalLocation : '',
    postalTrackingNumber: d.channel === 'post' ? d.postalTrackingNumber : '',
    notes: d.notes,
  };
  if (!d.letterDateUnknown && d.letterDate === '') issues.push({ path: 'letterDate', message: 'registry.form.factRequired' });
  const parsed = RegisterItemInput.safeParse(input);
  if (!parsed.success) {
    for (const issue of toIssues(parsed.error)) if (!issues.some((i) => i.path === issue.path)) issues.push(issue);
  }
  return issues.length > 0 ? { issues } : { input };
}

/** The address-book entry to save with this letter, when the clerk asked for it. */
export function toCorrespondentInput(d: RegistrationDraft): CorrespondentInput | null {
  if (!d.saveCorrespondent || d.correspondentId !== null || d.senderUnknown || d.senderName.trim() === '') return null;
  return { ...d.correspondent, name: d.senderName };
}
