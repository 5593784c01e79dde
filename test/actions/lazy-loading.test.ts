/**
 * What the bundles load only on the path that needs it: the entry chunk (the
 * file `node dist/index.js` reads first) holds @actions/core without its
 * HTTP client and yaml's ES build (scripts/stage-packages.mjs), no chunk holds
 * zod's classic API, and a chunk loaded on first use works when the bundle
 * runs as the runner runs it.
 */
import { describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT, runAction, tempWorkspace } from '../support/run-action.js';
import { plantRun } from '../evidence/support.js';

const ACTIONS = ['cost-decision', 'dr-execute', 'collect-evidence', 'check-freshness'];

describe('entry chunks', () => {
  test.each(ACTIONS)('%s: dist/index.js holds @actions/core without its OIDC client (@actions/http-client, undici)', async (action) => {
    const main = await readFile(join(REPO_ROOT, 'actions', action, 'dist', 'index.js'), 'utf8');
    expect(main).toContain('@actions/core/lib/core.js');
    expect(main).not.toContain('node_modules/@actions/http-client/');
    expect(main).not.toContain('llhttp');
  });

  test.each([...ACTIONS.map((a) => `actions/${a}/dist`), 'cli/dist'])("%s: no chunk holds zod's classic API (the schemas use zod/mini) or yaml's CommonJS build", async (dist) => {
    const chunks = (await readdir(join(REPO_ROOT, dist))).filter((f) => f.endsWith('.js'));
    const found = { classicZod: [] as string[], miniZod: [] as string[], yamlCommonJs: [] as string[] };
    for (const chunk of chunks) {
      const text = await readFile(join(REPO_ROOT, dist, chunk), 'utf8');
      if (text.includes('node_modules/zod/v4/classic/')) found.classicZod.push(chunk);
      if (text.includes('node_modules/zod/v4/mini/')) found.miniZod.push(chunk);
      if (text.includes('node_modules/yaml/dist/')) found.yamlCommonJs.push(chunk);
    }
    expect({ classicZod: found.classicZod, yamlCommonJs: found.yamlCommonJs }).toEqual({ classicZod: [], yamlCommonJs: [] });
    expect(found.miniZod.length).toBeGreaterThan(0);
  });

  test.each(['dr-execute', 'cost-decision'])('%s: yaml is bundled from its ES build (scripts/stage-packages.mjs)', async (action) => {
    const main = await readFile(join(REPO_ROOT, 'actions', action, 'dist', 'index.js'), 'utf8');
    expect(main).toContain('node_modules/yaml/browser/dist/');
  });
});

describe('chunks loaded on first use', () => {
  test('collect-evidence without GITHUB_SHA reads the commit with `git rev-parse HEAD` through @actions/exec (its own chunk)', async () => {
    const ws = await tempWorkspace();
    await plantRun(ws, 'drill-1');
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: ws,
        encoding: 'utf8',
        env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' },
      }).trim();
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'evidence');
    const head = git('rev-parse', 'HEAD');

    const r = await runAction('collect-evidence', { workspace: ws, env: { GITHUB_RUN_ID: '7', GITHUB_REPOSITORY: 'acme/netbox' } });

    expect({ code: r.code, errors: r.errors }).toEqual({ code: 0, errors: [] });
    const manifest = JSON.parse(await readFile(join(ws, r.outputs['manifest-path']!), 'utf8'));
    expect(manifest.run.commit).toBe(head);
  });
});
