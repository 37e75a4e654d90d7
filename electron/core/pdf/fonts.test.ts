import { describe, expect, it } from 'vitest';
import { pdfText } from '../test-support/pdf-probe.ts';
import { createPdf } from './document.ts';

const words = (pdf: Buffer): string => pdfText(pdf).split(/\s+/u).filter(Boolean).join(' ');

async function pdfWith(line: string): Promise<Buffer> {
  const { doc, finish } = createPdf({ size: 'A5' });
  doc.font('bold').text(line);
  return finish();
}

describe('embedded fonts across the documents of one process', () => {
  // Runs first in its own process on purpose: no "o" or "z" has been laid out yet.
  it('keeps the text layer right for letters first embedded as parts of ó, ż, ź', async () => {
    expect(words(await pdfWith('Żółć'))).toBe('Żółć');
    expect(words(await pdfWith('zoo Zoo'))).toBe('zoo Zoo');
    expect(words(await pdfWith('Przedsiębiorstwo Gospodarki Komunalnej'))).toBe('Przedsiębiorstwo Gospodarki Komunalnej');
  });
});
