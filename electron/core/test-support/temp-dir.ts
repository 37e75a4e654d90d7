// Shared by every layer's tests; lives in tests/support so the server may use it too.
export { useTempDirs } from '../../../tests/support/temp-dirs.ts';
