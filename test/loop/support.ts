/** In-memory fakes of GitHub's refs and artifacts behind src/loop's interfaces. */
import { cp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { tempDir } from '../support/temp.js';
import { CLAIM_SCHEMA, type ClaimOwner, type ClaimStore } from '../../src/loop/claims.js';
import type { StateArtifacts } from '../../src/loop/state.js';

export function owner(githubRunId: string, kind: ClaimOwner['kind'], plan = 'dr/plan.yml'): ClaimOwner {
  return { schema: CLAIM_SCHEMA, kind, githubRunId, runUrl: `https://github.com/acme/app/actions/runs/${githubRunId}`, runId: `gh-${githubRunId}`, plan, claimedAt: '2026-03-01T10:00:00.000Z' };
}

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Fake refs: creating an existing ref fails, as GitHub's 422 does, and runs complete when a test says so. */
export class FakeClaims implements ClaimStore {
  private readonly map = new Map<string, ClaimOwner>();
  private readonly completed = new Set<string>();
  private readonly countdown = new Map<string, number>();
  constructor(private readonly o: { latencyMs?: number } = {}) {}
  private async wait() {
    if (this.o.latencyMs) await tick(this.o.latencyMs);
  }
  async create(ref: string, me: ClaimOwner) {
    await this.wait();
    const existing = this.map.get(ref);
    if (existing) return { created: false as const, owner: existing };
    this.map.set(ref, me);
    return { created: true as const };
  }
  async list(prefix: string) {
    await this.wait();
    return [...this.map].filter(([r]) => r.startsWith(prefix)).map(([ref, owner]) => ({ ref, owner }));
  }
  async remove(ref: string) {
    await this.wait();
    this.map.delete(ref);
  }
  async runCompleted(id: string) {
    const left = this.countdown.get(id);
    if (left !== undefined) {
      if (left <= 1) this.completed.add(id);
      this.countdown.set(id, left - 1);
    }
    return this.completed.has(id);
  }
  complete(id: string) {
    this.completed.add(id);
  }
  completeAfterChecks(id: string, n: number) {
    this.countdown.set(id, n);
  }
  refs() {
    return [...this.map.keys()].sort();
  }
}

/** Fake artifacts of one workflow run, kept as folders; `reverseListing` lists newest first to show order does not matter. */
export class FakeStateArtifacts implements StateArtifacts {
  private root = '';
  private readonly items: { id: number; name: string }[] = [];
  private next = 1;
  reverseListing = false;
  plantLink: string | null = null;
  async list() {
    const l = [...this.items];
    return this.reverseListing ? l.reverse() : l;
  }
  private async dir(): Promise<string> {
    if (!this.root) this.root = await tempDir('drloop-fake-artifacts-');
    return this.root;
  }
  async download(id: number, dir: string) {
    await this.dir();
    await cp(join(this.root, String(id)), dir, { recursive: true });
    if (this.plantLink) await symlink(this.plantLink, join(dir, 'planted-link'));
  }
  async remove(name: string) {
    const i = this.items.findIndex((a) => a.name === name);
    if (i >= 0) {
      await rm(join(this.root, String(this.items[i]!.id)), { recursive: true, force: true });
      this.items.splice(i, 1);
    }
  }
  async upload(name: string, rootDir: string, files: string[]) {
    await this.dir();
    if (this.items.some((a) => a.name === name)) throw new Error(`Conflict: an artifact with this name already exists on the workflow run (${name})`);
    const id = this.next++;
    for (const f of files) {
      const to = join(this.root, String(id), f);
      await mkdir(dirname(to), { recursive: true });
      await writeFile(to, await readFile(join(rootDir, f)));
    }
    this.items.push({ id, name });
  }
  names() {
    return this.items.map((a) => a.name);
  }
}
