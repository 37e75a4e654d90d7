export type { IdCheck, IdProblem } from './result.ts';
export { checkPesel, peselBirthDate, peselSex } from './pesel.ts';
export type { PeselCheck, PeselSex } from './pesel.ts';
export { checkNip } from './nip.ts';
export { checkRegon } from './regon.ts';
export { checkKrs } from './krs.ts';
export { checkPostalCode } from './postal-code.ts';
export { checkAde } from './ade.ts';
export { checkIdCard } from './id-card.ts';
