import { createServer, type Server } from 'node:http';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { runAction, tempWorkspace, type ActionRun } from '../support/run-action.js';

export async function put(ws: string, rel: string, content: string): Promise<void> {
  await mkdir(dirname(join(ws, rel)), { recursive: true });
  await writeFile(join(ws, rel), content);
}

/** A temp workspace holding `plan.yml` (and any other files). */
export async function planWorkspace(plan: string, files: Record<string, string> = {}): Promise<string> {
  const ws = await tempWorkspace('drloop-plan-');
  await put(ws, 'plan.yml', plan);
  for (const [rel, content] of Object.entries(files)) await put(ws, rel, content);
  return ws;
}

export function runDr(ws: string, inputs: Record<string, string>, extra: { env?: Record<string, string>; signal?: { name: NodeJS.Signals; when: string | RegExp } } = {}): Promise<ActionRun> {
  return runAction('dr-execute', { workspace: ws, inputs: { plan: 'plan.yml', ...inputs }, ...extra });
}

export function runDirOf(ws: string, runId: string): string {
  return join(ws, 'drloop-evidence', 'runs', runId);
}

export async function receipt(ws: string, runId: string, name: string): Promise<any> {
  return JSON.parse(await readFile(join(runDirOf(ws, runId), 'phases', `${name}.json`), 'utf8'));
}

export async function summary(ws: string, runId: string): Promise<any> {
  return JSON.parse(await readFile(join(runDirOf(ws, runId), 'drill.summary.json'), 'utf8'));
}

export async function exists(path: string): Promise<boolean> {
  return readFile(path).then(
    () => true,
    () => false,
  );
}

/** Copies only the receipts of a run into another workspace, as an artifact download would. */
export async function copyReceipts(from: string, to: string, runId: string): Promise<void> {
  await cp(runDirOf(from, runId), runDirOf(to, runId), { recursive: true });
}

/**
 * Whether a process is gone (polled briefly). A dead process whose parent
 * died too may stay a zombie until init reaps it, so a zombie counts as gone.
 */
export async function processGone(pid: number): Promise<boolean> {
  for (let i = 0; i < 40; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return true;
    }
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    if (stat === '' || /^\d+ \(.*\) [ZX] /.test(stat)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

/** A real HTTP server on 127.0.0.1 answering every request with `status`. */
export async function healthServer(status: () => number): Promise<{ url: string; hits: () => number; close: () => Promise<void> }> {
  let hits = 0;
  const server: Server = createServer((_req, res) => {
    hits++;
    res.writeHead(status(), { 'content-type': 'text/plain' });
    res.end('ok\n');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/healthz`,
    hits: () => hits,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

export const PHASE_NAMES = ['bringup', 'restore', 'validate', 'promote', 'teardown'];
