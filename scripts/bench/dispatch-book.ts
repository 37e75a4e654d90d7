import { performance } from 'node:perf_hooks';
import { sampleOutgoingLetter } from '../../electron/core/test-support/sample-outgoing-letter.ts';
import { startDocumentsWorker } from '../../electron/core/pdf/documents-client.ts';
import type { DispatchBook } from '../../electron/core/pdf/dispatch-book.ts';
import { SOURCE_WORKER_URLS } from '../../electron/core/workers/worker-urls.ts';
import { percentile, round, sample, type Figure } from './figures.ts';

/**
 * A busy day's pocztowa książka nadawcza (500 registered letters, Elektroniczny Nadawca's limit per
 * call) laid out in the documents worker and sent back, as the outgoing register will ask for it.
 * No database: the register's query is not part of the book. Target: 2 s for the PDF.
 */
export async function benchDispatchBook(): Promise<Figure[]> {
  const letters = Array.from({ length: 500 }, (_, i) => sampleOutgoingLetter(i + 1, {
    addresseeName: i % 4 === 0 ? `Przedsiębiorstwo Gospodarki Komunalnej i Mieszkaniowej, oddział ${String(i + 1)}` : `Zofia Żółkiewska-Łęcka ${String(i + 1)}`,
    addressLines: `ul. Świętego Wojciecha ${String(i + 1)} m. 4\n45-011 Opole`,
    channel: i % 3 === 0 ? 'registered' : 'registered_zpo',
    postageGrosze: 1250 + (i % 7) * 100,
  }));
  const book: DispatchBook = { sender: { name: 'Urząd Miasta Opola', addressLines: ['ul. Koraszewskiego 8', '45-011 Opole'] }, date: '2026-12-02', deskCode: 'KO', letters };
  const documents = startDocumentsWorker(SOURCE_WORKER_URLS.documents);
  try {
    // The worker starts with the workstation, long before the evening's book: its start-up (modules,
    // fonts) is reported on its own, not charged to the book.
    const start = performance.now();
    await documents.render({ kind: 'dispatch-book-csv', book: { ...book, letters: [] } });
    const started = performance.now() - start;
    const first = performance.now();
    await documents.render({ kind: 'dispatch-book-pdf', book });
    const figures: Figure[] = [
      { name: 'dispatch_book.worker_start', unit: 'ms', value: round(started), runs: 1 },
      // The first book after start-up: pdfkit's code still cold. The target holds for it too.
      { name: 'dispatch_book.pdf_500_lines_first', unit: 'ms', value: round(performance.now() - first), runs: 1, target: 2000 },
    ];
    const runs = 5;
    const pdf = await sample(runs, () => documents.render({ kind: 'dispatch-book-pdf', book }));
    figures.push({ name: 'dispatch_book.pdf_500_lines_median', unit: 'ms', value: round(percentile(pdf, 50)), runs, target: 2000 });
    const csv = await sample(runs, () => documents.render({ kind: 'dispatch-book-csv', book }));
    figures.push({ name: 'dispatch_book.csv_500_lines_median', unit: 'ms', value: round(percentile(csv, 50)), runs });
    return figures;
  } finally {
    await documents.close();
  }
}
