// A private embedded PostgreSQL for tests that need to stop and restart the database itself.
// It runs in a child process (the package is ESM-only) and keeps its data across restarts.
import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { ROOT } from './paths';

export class EmbeddedServer {
  private child: ChildProcess | undefined;

  constructor(
    private readonly dataDir: string,
    readonly port: number,
  ) {}

  /** Starts the server; resolves with its superuser URL once it accepts connections. */
  async start(): Promise<string> {
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'tools/embedded-postgres.mjs'), '--data-dir', this.dataDir, '--port', String(this.port)],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    this.child = child;
    const line = await new Promise<string>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited with ${code}`)));
      createInterface({ input: child.stdout! }).once('line', resolve);
    });
    return (JSON.parse(line) as { superuserUrl: string }).superuserUrl;
  }

  /** Stops PostgreSQL (a fast shutdown, as an outage would look to clients). */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
    this.child = undefined;
  }
}
