import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open.ts';
import { pdfBarcodes, pdfFonts, pdfInfo, pdfText } from '../test-support/pdf-probe.ts';
import { registeredSample } from '../test-support/sample-item.ts';
import { useTempDirs } from '../test-support/temp-dir.ts';
import { renderReceipt } from './receipt.ts';

const tempDir = useTempDirs();

describe('receipt for the person who brought the letter (potwierdzenie wpływu)', () => {
  it('states the RPW number, date and time, subject, tracking code and PIN in Polish, with a QR to the tracking page', async () => {
    const db = openDatabase(join(tempDir(), 'k.sqlite'));
    const item = registeredSample(db, {
      subject: 'Skarga na hałas — źle ustawione światła przy ul. Żółkiewskiego',
      sender: { correspondentId: null, name: 'Łucja Ćwiklińska', address: 'ul. Źródlana 5, 90-001 Łódź' },
      attachmentsCount: 2,
    });
    db.close();
    const pdf = await renderReceipt(item, { trackingBaseUrl: 'https://kancelaria.urzad.example.pl' });
    expect(pdfInfo(pdf)).toMatchObject({ pages: 1, widthMm: 148, heightMm: 210, title: 'Potwierdzenie wpływu RPW/KO/1/2026' });
    // Line breaks depend on the layout; the words, their order and every Polish letter must not.
    const words = pdfText(pdf).split(/\s+/u).filter(Boolean).join(' ');
    expect(words).toBe([
      'Potwierdzenie wpływu pisma',
      'Numer w rejestrze: RPW/KO/1/2026',
      'Data i godzina wpływu: 20.11.2026, 09:15',
      'Nadawca: Łucja Ćwiklińska',
      'Dotyczy: Skarga na hałas — źle ustawione światła przy ul. Żółkiewskiego',
      'Data pisma: 17.11.2026',
      'Liczba załączników: 2',
      'Punkt kancelaryjny: KO',
      'Jak sprawdzić, co dzieje się z pismem',
      'Podaj kod i PIN na stronie śledzenia pism urzędu albo zeskanuj kod QR. Zobaczysz, gdzie jest pismo, termin załatwienia i czas, jaki już minął.',
      `Kod: ${item.trackingCode}`,
      `PIN: ${item.trackingPin}`,
      'Zachowaj to potwierdzenie: PIN nie jest podawany ponownie telefonicznie.',
    ].join(' '));
    expect(pdfFonts(pdf).every((font) => font.embedded)).toBe(true);
    const [qr] = await pdfBarcodes(pdf);
    expect(qr?.text).toBe(`https://kancelaria.urzad.example.pl/v1/track/${item.trackingCode}`);
  });
});
