import { Channel } from '../../../shared/registry.ts';
import type { FlowPeriod, IntakeReport, IntakeRow, OutgoingFlowReport, OutgoingFlowRow } from '../../../shared/reports/flow.ts';
import type { OutgoingChannel } from '../../../shared/outgoing/outgoing.ts';
import type { DrillRow, OpenReport, OpenRow, ReportGrouping, TimelinessReport, TimelinessRow } from '../../../shared/reports/reports.ts';

/**
 * A report as one table for every export format: the filters it was run with (stated at the top
 * of the file, so a printed page says what it counts), the columns, the group lines with the total
 * last, and the cases behind the total on a second sheet (XLSX only).
 */
/** `zloty`: an amount in grosze. */
export type CellKind = 'text' | 'count' | 'share' | 'days' | 'date' | 'zloty';
export type Cell = string | number | null;

export interface ReportColumn {
  readonly title: string;
  /** Millimetres on the printed page. */
  readonly width: number;
  readonly kind: CellKind;
}

export interface ReportTable {
  readonly title: string;
  readonly fileStem: string;
  readonly filters: readonly string[];
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly (readonly Cell[])[];
  readonly detail: { readonly title: string; readonly columns: readonly ReportColumn[]; readonly rows: readonly (readonly Cell[])[] } | null;
}

const GROUPING_NAMES: Readonly<Record<ReportGrouping, string>> = {
  unit: 'komórka organizacyjna',
  handler: 'prowadzący sprawę',
  jrwa: 'klasa JRWA',
  matterType: 'rodzaj sprawy',
};

const NO_KEY: Readonly<Record<ReportGrouping, string>> = {
  unit: '(bez komórki)',
  handler: '(bez prowadzącego)',
  jrwa: '(bez klasy)',
  matterType: '(bez rodzaju)',
};

export const TOTAL_LABEL = 'Razem';

export const dmy = (iso: string): string => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

export function scopeLine(scope: readonly string[] | null): string {
  return scope === null ? 'Zakres: wszystkie komórki organizacyjne' : `Zakres: ${scope.join(', ')}`;
}

function groupLabel(grouping: ReportGrouping, row: { key: string | null; label: string }): string {
  if (row.key === null) return NO_KEY[grouping];
  return grouping === 'unit' ? `${row.label} (${row.key})` : row.label;
}

export const TIMELINESS_COLUMNS: readonly ReportColumn[] = [
  { title: 'Grupa', width: 62, kind: 'text' },
  { title: 'Zakończone', width: 19, kind: 'count' },
  { title: 'W terminie', width: 18, kind: 'count' },
  { title: 'Po terminie', width: 18, kind: 'count' },
  { title: '% w terminie', width: 19, kind: 'share' },
  { title: 'Mediana dni (netto)', width: 20, kind: 'days' },
  { title: 'P90 dni (netto)', width: 19, kind: 'days' },
  { title: 'Mediana dni do podjęcia', width: 21, kind: 'days' },
  { title: 'Mediana dni do załatwienia', width: 22, kind: 'days' },
  { title: 'Zawiadomienia art. 36', width: 21, kind: 'count' },
  { title: 'Niepodjęte pisma', width: 19, kind: 'count' },
  { title: 'Poniżej minimum', width: 19, kind: 'text' },
];

function timelinessCells(label: string, r: TimelinessRow): Cell[] {
  return [label, r.closed, r.onTime, r.late, r.onTimeShare, r.medianDays, r.p90Days, r.medianFirstActionDays, r.medianResolutionDays, r.notices, r.notActedOn, r.belowMinimum ? 'tak' : ''];
}

export const DETAIL_COLUMNS: readonly ReportColumn[] = [
  { title: 'Znak sprawy / nr RPW', width: 36, kind: 'text' },
  { title: 'Tytuł', width: 60, kind: 'text' },
  { title: 'Komórka', width: 16, kind: 'text' },
  { title: 'Prowadzący', width: 30, kind: 'text' },
  { title: 'Wszczęcie', width: 18, kind: 'date' },
  { title: 'Termin', width: 18, kind: 'date' },
  { title: 'Zakończenie', width: 18, kind: 'date' },
  { title: 'Dni netto', width: 14, kind: 'days' },
  { title: 'W terminie', width: 14, kind: 'text' },
  { title: 'Zawiadomienia art. 36', width: 16, kind: 'count' },
];

function detailCells(r: DrillRow): Cell[] {
  return [r.reference, r.title, r.unitCode, r.handlerName, r.startedOn, r.dueOn, r.closedOn, r.netDays, r.onTime === null ? '' : r.onTime ? 'tak' : 'nie', r.notices];
}

export function timelinessTable(report: TimelinessReport, generatedOn: string, detail: readonly DrillRow[]): ReportTable {
  const { query } = report;
  return {
    title: 'Terminowość załatwiania spraw',
    fileStem: `terminowosc-${query.from}-${query.to}-${query.groupBy}`,
    filters: [
      `Okres (data zakończenia sprawy): ${dmy(query.from)} – ${dmy(query.to)}`,
      `Grupowanie: ${GROUPING_NAMES[query.groupBy]}`,
      `Minimalna liczebność grupy: ${String(query.minCount)} (mniejsze grupy bez odsetka i median, nieuwzględniane w porównaniach)`,
      scopeLine(report.scope),
      'Czas trwania: dni kalendarzowe od wszczęcia do zakończenia, bez okresów zawieszenia (art. 35 § 5 KPA); termin z uwzględnieniem zawiadomień z art. 36 KPA',
      `Data sporządzenia: ${dmy(generatedOn)}`,
    ],
    columns: TIMELINESS_COLUMNS,
    rows: [...report.rows.map((r) => timelinessCells(groupLabel(query.groupBy, r), r)), timelinessCells(TOTAL_LABEL, report.total)],
    detail: { title: 'Sprawy zakończone', columns: DETAIL_COLUMNS, rows: detail.map(detailCells) },
  };
}

export const OPEN_COLUMNS: readonly ReportColumn[] = [
  { title: 'Grupa', width: 80, kind: 'text' },
  { title: 'Otwarte', width: 25, kind: 'count' },
  { title: 'Przeterminowane', width: 28, kind: 'count' },
  { title: 'Termin w ciągu 3 dni', width: 30, kind: 'count' },
  { title: 'Termin w ciągu 7 dni', width: 30, kind: 'count' },
  { title: 'Najstarsza otwarta od', width: 32, kind: 'date' },
  { title: 'Dni od wszczęcia najstarszej', width: 32, kind: 'days' },
];

function openCells(label: string, r: OpenRow): Cell[] {
  return [label, r.open, r.overdue, r.dueIn3, r.dueIn7, r.oldestStartedOn, r.oldestDays];
}

export function openTable(report: OpenReport, generatedOn: string, detail: readonly DrillRow[]): ReportTable {
  const { query } = report;
  return {
    title: 'Sprawy w toku i przeterminowane',
    fileStem: `sprawy-w-toku-${query.asOf}-${query.groupBy}`,
    filters: [
      `Stan na dzień: ${dmy(query.asOf)}`,
      `Grupowanie: ${GROUPING_NAMES[query.groupBy]}`,
      scopeLine(report.scope),
      '„Termin w ciągu 7 dni” obejmuje sprawy z terminem w ciągu 3 dni',
      `Data sporządzenia: ${dmy(generatedOn)}`,
    ],
    columns: OPEN_COLUMNS,
    rows: [...report.rows.map((r) => openCells(groupLabel(query.groupBy, r), r)), openCells(TOTAL_LABEL, report.total)],
    detail: { title: 'Sprawy w toku', columns: DETAIL_COLUMNS, rows: detail.map(detailCells) },
  };
}

const INTAKE_CHANNEL_NAMES: Readonly<Record<Channel, string>> = {
  post: 'Poczta', in_person: 'Osobiście', courier: 'Kurier', email: 'E-mail', epuap: 'ePUAP', e_delivery: 'e-Doręczenia', fax: 'Faks',
};

const OUTGOING_CHANNEL_NAMES: Readonly<Record<OutgoingChannel, string>> = {
  registered_zpo: 'Polecony ZPO', registered: 'Polecony', ordinary: 'Zwykły', e_doreczenia: 'e-Doręczenia', epuap: 'ePUAP', in_person: 'Odbiór osobisty', email: 'E-mail',
};

const PERIOD_NAMES: Readonly<Record<FlowPeriod, string>> = { day: 'dzień', week: 'tydzień ISO', month: 'miesiąc' };

export const INTAKE_COLUMNS: readonly ReportColumn[] = [
  { title: 'Okres / stanowisko', width: 40, kind: 'text' },
  { title: 'Zarejestrowane', width: 22, kind: 'count' },
  { title: 'Ze skanem', width: 18, kind: 'count' },
  { title: '% ze skanem', width: 18, kind: 'share' },
  ...Channel.options.map((c): ReportColumn => ({ title: INTAKE_CHANNEL_NAMES[c], width: 18, kind: 'count' })),
];

function intakeCells(label: string, r: IntakeRow): Cell[] {
  return [label, r.total, r.scanned, r.scannedShare, ...Channel.options.map((c) => r.channels[c])];
}

/** Period lines, then desk lines, then the total: the same figures the screen shows in its two tables. */
export function intakeTable(report: IntakeReport, generatedOn: string, detail: readonly DrillRow[]): ReportTable {
  const { query } = report;
  return {
    title: 'Wpływ korespondencji',
    fileStem: `wplyw-${query.from}-${query.to}-${query.period}`,
    filters: [
      `Okres (data wpływu): ${dmy(query.from)} – ${dmy(query.to)}`,
      `Grupowanie: ${PERIOD_NAMES[query.period]}; następnie stanowiska kancelaryjne`,
      scopeLine(report.scope),
      'Pisma anulowane nie są liczone; „ze skanem”: co najmniej jeden dołączony dokument',
      report.awaitingRouting === null
        ? 'Pisma oczekujące na dekretację: liczone tylko dla całego urzędu'
        : `Pisma oczekujące na dekretację dłużej niż ${String(query.waitingHours)} godz. (stan na ${report.asOf.slice(0, 16).replace('T', ' ')} UTC): ${String(report.awaitingRouting)}`,
      `Data sporządzenia: ${dmy(generatedOn)}`,
    ],
    columns: INTAKE_COLUMNS,
    rows: [
      ...report.periods.map((r) => intakeCells(r.key ?? '', r)),
      ...report.desks.map((r) => intakeCells(`Stanowisko ${r.key ?? ''}`, r)),
      intakeCells(TOTAL_LABEL, report.total),
    ],
    detail: { title: 'Pisma zarejestrowane', columns: DETAIL_COLUMNS, rows: detail.map(detailCells) },
  };
}

export const OUTGOING_FLOW_COLUMNS: readonly ReportColumn[] = [
  { title: 'Grupa', width: 70, kind: 'text' },
  { title: 'Wysłane', width: 22, kind: 'count' },
  { title: 'Opłata pocztowa', width: 28, kind: 'zloty' },
  { title: 'Brak potwierdzenia odbioru', width: 32, kind: 'count' },
  { title: 'Zwroty', width: 20, kind: 'count' },
  { title: 'Doręczenia zastępcze (art. 44 KPA)', width: 36, kind: 'count' },
];

function outgoingCells(label: string, r: OutgoingFlowRow): Cell[] {
  return [label, r.sent, r.postageGrosze, r.awaitingProof, r.returned, r.fiction];
}

export function outgoingTable(report: OutgoingFlowReport, generatedOn: string, detail: readonly DrillRow[]): ReportTable {
  const { query } = report;
  return {
    title: 'Korespondencja wysłana',
    fileStem: `wysylka-${query.from}-${query.to}`,
    filters: [
      `Okres (data nadania): ${dmy(query.from)} – ${dmy(query.to)}`,
      'Grupowanie: sposób wysyłki, komórka prowadząca sprawę, stanowisko (RKW)',
      scopeLine(report.scope),
      '„Brak potwierdzenia odbioru”: polecony ZPO, e-Doręczenia i ePUAP bez doręczenia i bez zwrotu, stan na dzień sporządzenia',
      `Data sporządzenia: ${dmy(generatedOn)}`,
    ],
    columns: OUTGOING_FLOW_COLUMNS,
    rows: [
      ...report.channels.map((r) => outgoingCells(OUTGOING_CHANNEL_NAMES[r.key as OutgoingChannel], r)),
      ...report.units.map((r) => outgoingCells(r.key === null ? 'Komórka: (bez sprawy)' : `Komórka: ${r.label} (${r.key})`, r)),
      ...report.desks.map((r) => outgoingCells(`Stanowisko: ${r.label === r.key ? r.label : `${r.label} (${r.key ?? ''})`}`, r)),
      outgoingCells(TOTAL_LABEL, report.total),
    ],
    detail: { title: 'Pisma wysłane (RKW)', columns: DETAIL_COLUMNS, rows: detail.map(detailCells) },
  };
}
