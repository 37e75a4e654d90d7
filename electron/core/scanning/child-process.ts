import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Runs a program with an argument list (never through a shell: device names and paths reach it
 * untouched), collecting stdout and handing stderr over as it arrives. An aborted signal ends the
 * program: SIGTERM first (scanimage then stops the scanner cleanly), SIGKILL if it lingers.
 */
export interface RunResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly signal?: AbortSignal;
  readonly onStderr?: (chunk: string) => void;
  readonly onStdout?: (chunk: string) => void;
  /** Ends the program after this long (listing devices must not hang the screen). */
  readonly timeoutMs?: number;
  readonly killGraceMs?: number;
}

export class ProgramMissing extends Error {
  override readonly name = 'ProgramMissing';
}

export function runProgram(program: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    let child: ChildProcess;
    try {
      child = spawn(program, args, { env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    let stdout = '';
    let stderr = '';
    let killTimer: NodeJS.Timeout | null = null;
    const stop = (): void => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      killTimer ??= setTimeout(() => child.kill('SIGKILL'), options.killGraceMs ?? 2000);
    };
    const timeout = options.timeoutMs === undefined ? null : setTimeout(stop, options.timeoutMs);
    options.signal?.addEventListener('abort', stop, { once: true });
    if (options.signal?.aborted === true) stop();
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      options.onStdout?.(chunk);
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      // Keep the tail only: --progress writes a line per buffer for as long as the scan lasts.
      stderr = (stderr + chunk).slice(-20_000);
      options.onStderr?.(chunk);
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      cleanup();
      reject(error.code === 'ENOENT' ? new ProgramMissing(`${program} is not installed`) : error);
    });
    child.on('close', (code, signal) => {
      cleanup();
      resolve({ code, signal, stdout, stderr });
    });
    function cleanup(): void {
      if (timeout) clearTimeout(timeout);
      if (killTimer) clearTimeout(killTimer);
      options.signal?.removeEventListener('abort', stop);
    }
  });
}
