import type { JrwaClassInput } from '../../../shared/organisation/jrwa.ts';

/**
 * A short JRWA for the demo city's urząd: the classes domain.md §3.7 quotes (with their
 * categories where the sources give them) and a few of the classes city halls use most. It is a
 * sample to work with, not the official list: a city imports the full one from the MSWiA
 * spreadsheet (CSV) in Ustawienia.
 */
/** Marks a heading or category that is illustrative here, not taken from the official list. */
const SAMPLE = 'Przykład do demonstracji — sprawdź w obowiązującym wykazie';

export const DEMO_JRWA: readonly JrwaClassInput[] = [
  { symbol: '0', heading: 'Zarządzanie' },
  { symbol: '00', heading: 'Organy gminy' },
  { symbol: '000', heading: 'Rada gminy' },
  { symbol: '0000', heading: 'Organizacja pracy rady gminy', category: 'A', categoryOther: 'Bc' },
  { symbol: '0002', heading: 'Sesje rady gminy', category: 'A', categoryOther: 'Bc' },
  { symbol: '0003', heading: 'Wnioski i interpelacje radnych', category: 'A', categoryOther: 'Bc' },
  { symbol: '0004', heading: 'Przewodniczący rady gminy', category: 'A', categoryOther: 'Bc' },
  { symbol: '0005', heading: 'Wnioski i postulaty mieszkańców do rady', category: 'A', categoryOther: 'Bc' },
  { symbol: '001', heading: 'Komisje rady' },
  { symbol: '0012', heading: 'Komisje stałe i doraźne rady', category: 'A', categoryOther: 'Bc', notes: SAMPLE },
  { symbol: '005', heading: 'Organ wykonawczy gminy' },
  { symbol: '0050', heading: 'Zarządzenia prezydenta miasta', category: 'A', categoryOther: 'Bc' },
  { symbol: '1', heading: 'Kadry' },
  { symbol: '14', heading: 'Informacja, propaganda, skargi i wnioski' },
  { symbol: '143', heading: 'Informacja publiczna' },
  { symbol: '1431', heading: 'Udostępnianie informacji publicznej', category: 'A', categoryOther: 'Bc', notes: SAMPLE },
  { symbol: '15', heading: 'Skargi, wnioski i petycje' },
  { symbol: '152', heading: 'Skargi i wnioski' },
  { symbol: '1520', heading: 'Skargi i wnioski załatwiane bezpośrednio', category: 'A', categoryOther: 'Bc', notes: SAMPLE },
  { symbol: '2', heading: 'Środki rzeczowe' },
  { symbol: '27', heading: 'Zamówienia publiczne' },
  { symbol: '271', heading: 'Zamówienia publiczne', category: 'B5', categoryOther: 'Bc', notes: SAMPLE },
  { symbol: '6', heading: 'Gospodarka komunalna i środowisko' },
  { symbol: '61', heading: 'Ochrona środowiska' },
  { symbol: '613', heading: 'Ochrona przyrody' },
  { symbol: '6131', heading: 'Usuwanie drzew i krzewów', category: 'B5', categoryOther: 'Bc', notes: SAMPLE },
  { symbol: '62', heading: 'Ochrona środowiska — oceny oddziaływania' },
  { symbol: '622', heading: 'Oceny oddziaływania na środowisko' },
  { symbol: '6220', heading: 'Decyzje o środowiskowych uwarunkowaniach', category: 'A', categoryOther: 'Bc', notes: SAMPLE },
  { symbol: '67', heading: 'Planowanie przestrzenne' },
  { symbol: '673', heading: 'Warunki zabudowy i zagospodarowania terenu' },
  { symbol: '6730', heading: 'Decyzje o warunkach zabudowy', category: 'A', categoryOther: 'Bc', notes: SAMPLE },
  { symbol: '6733', heading: 'Ustalenie lokalizacji inwestycji celu publicznego', category: 'A', categoryOther: 'Bc', notes: SAMPLE },
  { symbol: '68', heading: 'Gospodarka nieruchomościami' },
  { symbol: '683', heading: 'Podziały i scalenia nieruchomości' },
  { symbol: '6831', heading: 'Podziały nieruchomości', category: 'A', categoryOther: 'Bc', notes: SAMPLE },
  { symbol: '7', heading: 'Budownictwo i drogi' },
  { symbol: '72', heading: 'Drogi' },
  { symbol: '723', heading: 'Utrzymanie dróg' },
  { symbol: '7230', heading: 'Zajęcie pasa drogowego', category: 'B5', categoryOther: 'Bc', notes: SAMPLE },
];
