/**
 * The Polish sentence written into `failed/NAME.txt` beside a file the hot folder could not
 * take. Core has no vue-i18n, and the reader is whoever opens the share in Explorer, so the
 * sentences live here (the same meaning as the renderer's documentImport.* messages).
 */
const REASONS: Readonly<Record<string, string>> = {
  'documentImport.empty': 'Plik jest pusty (0 bajtów).',
  'documentImport.tooLarge': 'Plik jest za duży, by go przyjąć. Podziel skan na części albo zeskanuj go w niższej rozdzielczości.',
  'documentImport.unsupportedFormat': 'To nie jest plik PDF, TIFF, JPEG ani PNG (sprawdzono zawartość pliku, nie jego nazwę).',
  'documentImport.unsupportedVariant': 'Ten wariant pliku (nietypowa kompresja lub zapis obrazu) nie jest obsługiwany. Zapisz go ponownie jako PDF albo zeskanuj jeszcze raz.',
  'documentImport.encrypted': 'Plik PDF jest chroniony hasłem do otwarcia. Dołącz go do pisma w Kancelarii (Dodaj pliki…) i wpisz hasło podane przez nadawcę.',
  'documentImport.encryptedSplit': 'Plik PDF jest zaszyfrowany, więc nie da się go podzielić na pisma według kodów kreskowych. Zaimportuj go w Kancelarii jako dokument jednego pisma.',
  'documentImport.corrupt': 'Plik jest uszkodzony lub niekompletny i nie da się go wiarygodnie odczytać. Zeskanuj dokument ponownie.',
  'documentImport.tooManyPages': 'Dokument ma zbyt wiele stron, by przyjąć go jako jeden plik. Podziel go na części.',
  'documentImport.tooManyPixels': 'Obraz w pliku ma zbyt duże wymiary jak na zwykły skan.',
  'documentImport.bomb': 'Plik zawiera dane, które po rozpakowaniu zajęłyby wielokrotnie więcej miejsca niż sam plik.',
  'documentImport.tooComplex': 'Sprawdzanie pliku trwało zbyt długo lub wymagało zbyt dużo pamięci, więc zostało przerwane.',
  'hotFolder.storeFailed': 'Nie udało się zapisać pliku w Kancelarii (błąd po stronie stanowiska). Plik jest nienaruszony: przenieś go z powrotem do folderu skanów, aby spróbować ponownie.',
};

export function hotFolderReasonText(reasonKey: string): string {
  return REASONS[reasonKey] ?? `Plik nie został przyjęty (przyczyna: ${reasonKey}).`;
}
