import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * SANE's own virtual devices for tests: `test` (a frontend tester that really scans, flatbed or
 * a feeder that empties after ten sheets) and `pnm` (scans a given PNM file). They are enabled
 * by a dll.conf in a temporary SANE_CONFIG_DIR, so /etc/sane.d is never touched and no real
 * scanner on the machine is asked.
 */
export const SCANIMAGE_PRESENT = spawnSync('scanimage', ['--version'], { stdio: 'ignore' }).status === 0;
export const NO_SCANIMAGE_REASON = 'scanimage (Debian package sane-utils) is not installed; CI installs it';

export function saneTestEnv(configDir: string): NodeJS.ProcessEnv {
  writeFileSync(join(configDir, 'dll.conf'), 'test\npnm\n');
  // Only the test backends: net would wait for saned hosts, and real USB backends probe hardware.
  return { ...process.env, SANE_CONFIG_DIR: configDir };
}

/**
 * Options that slow SANE's test device to about a second per 150 dpi grey page (small reads,
 * each delayed), so a test can cancel in the middle of a batch.
 */
export const SLOW_TEST_DEVICE = ['--read-limit=yes', '--read-limit-size=20000', '--read-delay=yes', '--read-delay-duration=200000'];
