import { describe, expect, it } from 'vitest';
import { BatchSeparator, CentralServerUrl, DeskCode, EditableSettings, HotFolderPath, WorkstationName } from './settings.ts';

describe('settings rules', () => {
  it('trims the workstation name and requires something besides spaces', () => {
    expect(WorkstationName.parse('  Okienko 2 ')).toBe('Okienko 2');
    expect(WorkstationName.safeParse('   ').error?.issues[0]?.message).toBe('validation.required');
    expect(WorkstationName.safeParse('x'.repeat(65)).error?.issues[0]?.message).toBe('validation.tooLong64');
  });

  it('normalises the desk code to capitals and allows it empty', () => {
    expect(DeskCode.parse(' ko-2 ')).toBe('KO-2');
    expect(DeskCode.parse('')).toBe('');
    for (const bad of ['-KO', 'K O', 'KÓ', 'KO_2']) {
      expect(DeskCode.safeParse(bad).error?.issues[0]?.message, bad).toBe('validation.deskCode');
    }
  });

  it('accepts only http(s) server addresses, or none, without a trailing slash', () => {
    expect(CentralServerUrl.parse('')).toBe('');
    expect(CentralServerUrl.parse(' https://kancelaria.urzad.pl/ ')).toBe('https://kancelaria.urzad.pl');
    expect(CentralServerUrl.parse('http://10.0.0.5:8080/api/')).toBe('http://10.0.0.5:8080/api');
    for (const bad of ['ftp://serwer', 'kancelaria.urzad.pl', 'https://', 'javascript:alert(1)', 'file:///C:/x']) {
      expect(CentralServerUrl.safeParse(bad).error?.issues[0]?.message, bad).toBe('validation.httpUrl');
    }
  });

  it('takes a hot folder path (a share too), empty by default, and refuses control characters', () => {
    expect(HotFolderPath.parse(' \\\\serwer\\skany\\KO ')).toBe('\\\\serwer\\skany\\KO');
    expect(EditableSettings.parse({ workstationName: 'A', deskCode: '', centralServerUrl: '', uiLanguage: 'pl' }).hotFolderPath).toBe('');
    expect(HotFolderPath.safeParse('/srv/skany\nx').error?.issues[0]?.message).toBe('validation.hotFolderPath');
    expect(HotFolderPath.safeParse('x'.repeat(1025)).error?.issues[0]?.message).toBe('validation.tooLong1024');
  });

  it('takes a separator sheet text, empty (PATCH-T only) by default, and refuses one that looks like an RPW label or holds control characters', () => {
    expect(BatchSeparator.parse('  CUSTOM BARCODE ')).toBe('CUSTOM BARCODE');
    expect(EditableSettings.parse({ workstationName: 'A', deskCode: '', centralServerUrl: '', uiLanguage: 'pl' }).batchSeparator).toBe('');
    for (const label of ['RPW/KO/1/2026', 'rpw/ko/x']) expect(BatchSeparator.safeParse(label).error?.issues[0]?.message, label).toBe('validation.batchSeparatorLabel');
    expect(BatchSeparator.safeParse('KARTA\tROZDZIELAJĄCA').error?.issues[0]?.message).toBe('validation.batchSeparatorChars');
    expect(BatchSeparator.safeParse('x'.repeat(65)).error?.issues[0]?.message).toBe('validation.tooLong64');
  });

  it('reports every bad field of a form at once, keyed by field', () => {
    const result = EditableSettings.safeParse({ workstationName: '', deskCode: '-', centralServerUrl: 'x', uiLanguage: 'de' });
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(
      ['centralServerUrl', 'deskCode', 'uiLanguage', 'workstationName'],
    );
  });
});
