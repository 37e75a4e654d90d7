import { findMatterType, type MatterType } from './matter-types.ts';

/** A matter type the tests rely on; fails the test (not a silent undefined) if the key is gone. */
export function matterTypeForTest(key: string): MatterType {
  const found = findMatterType(key);
  if (found === undefined) throw new Error(`no matter type ${key}`);
  return found;
}
