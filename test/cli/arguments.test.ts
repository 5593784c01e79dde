/**
 * Arguments that are not flags are usage errors in every drloop command: an
 * unquoted glob that the shell expanded, a value with spaces, or a stray word
 * never changes what a command does. Run through the bundled CLI.
 */
import { describe, expect, test } from '@jest/globals';
import { cp, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT, runCli, tempWorkspace } from '../support/run-action.js';

async function exampleWorkspace(): Promise<string> {
  const ws = await tempWorkspace();
  await cp(join(REPO_ROOT, 'examples', 'cost'), join(ws, 'examples', 'cost'), { recursive: true });
  return ws;
}

const AZURE = 'examples/cost/artefacts/azure/cost-run-1042.json';
const GCP = 'examples/cost/artefacts/gcp/infracost-breakdown.json';
const POLICY = ['--policy', 'examples/cost/policy.yml'];

/** Exit 2, nothing on stdout, one line on stderr. */
function expectUsageLine(r: { code: number | null; stdout: string; stderr: string }, line: string) {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toBe(`${line}\n`);
}

describe('drloop decide with an unquoted glob', () => {
  test('the second file of an expanded glob is refused, naming the quoted glob; nothing is decided or recorded', async () => {
    const ws = await exampleWorkspace();
    const r = await runCli(['decide', ...POLICY, '--artefacts', AZURE, GCP], { cwd: ws });
    expectUsageLine(r, `drloop decide: unexpected argument '${GCP}': quote the glob (--artefacts 'examples/cost/artefacts/**/*.json') or repeat --artefacts for each pattern`);
    expect(await readdir(ws)).toEqual(['examples']);
  });

  test('both fixes the message names read both files; the refused form would have decided on the first alone', async () => {
    const ws = await exampleWorkspace();
    const quoted = await runCli(['decide', ...POLICY, '--artefacts', 'examples/cost/artefacts/**/*.json', '--json'], { cwd: ws });
    const repeated = await runCli(['decide', ...POLICY, '--artefacts', AZURE, '--artefacts', GCP, '--json'], { cwd: ws });
    for (const r of [quoted, repeated]) {
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('Read 2 cost artefact(s)');
      expect(JSON.parse(r.stdout)).toMatchObject({ decision: 'allow', target: 'azure', reasons: [expect.any(String), 'chose azure over gcp (warn, net 273.60 USD)'] });
    }
    const first = await runCli(['decide', ...POLICY, '--artefacts', AZURE, '--json'], { cwd: ws });
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ reasons: [expect.any(String), 'chose azure over gcp (block, net unknown)'] });
  });

  test('a quoted glob followed by a stray word', async () => {
    const ws = await exampleWorkspace();
    const r = await runCli(['decide', ...POLICY, '--artefacts', 'examples/cost/artefacts/**/*.json', 'banana'], { cwd: ws });
    expectUsageLine(r, "drloop decide: unexpected argument 'banana': --artefacts takes one pattern; repeat --artefacts for each pattern");
    expect(await readdir(ws)).toEqual(['examples']);
  });
});

describe('every drloop command refuses arguments it does not take', () => {
  test.each([
    [['decide', 'banana', ...POLICY], "drloop decide: unexpected argument 'banana': drloop decide takes no arguments, only --flags (drloop decide --help)"],
    [['decide', ...POLICY, '--json', 'banana'], "drloop decide: unexpected argument 'banana': --json is a switch and takes no value"],
    [['decide', ...POLICY, '--targets', 'azure', 'gcp'], "drloop decide: unexpected argument 'gcp': --targets takes one value; repeat --targets for each (--targets azure --targets gcp)"],
    [['decide', ...POLICY, '--', 'banana'], "drloop decide: unexpected argument 'banana': drloop decide takes no arguments, only --flags (drloop decide --help)"],
    [['execute', '--plan', 'plan.yml', '--approver', 'Jane', 'Doe'], "drloop execute: unexpected argument 'Doe': --approver takes one WHO; quote a value that holds spaces (--approver 'Jane Doe')"],
    [['execute', '--plan', 'plan.yml', 'banana'], "drloop execute: unexpected argument 'banana': --plan takes one FILE; quote a value that holds spaces (--plan 'plan.yml banana')"],
    [['evidence', '--paths', 'a.log', 'b.log'], "drloop evidence: unexpected argument 'b.log': quote the glob (--paths '**/*.log') or repeat --paths for each pattern"],
    [['evidence', 'banana'], "drloop evidence: unexpected argument 'banana': drloop evidence takes no arguments, only --flags (drloop evidence --help)"],
    [['verify-evidence', 'a.tar.gz', 'b.tar.gz'], "drloop verify-evidence: unexpected argument 'b.tar.gz': drloop verify-evidence takes at most one argument (drloop verify-evidence --help)"],
    [['relay', '--listen', '127.0.0.1:0', '--repo', 'o/r', 'banana'], "drloop relay: unexpected argument 'banana': --repo takes one OWNER; quote a value that holds spaces (--repo 'o/r banana')"],
    [['drill', 'banana'], "drloop drill: unexpected argument 'banana': drloop drill takes no arguments, only --flags (drloop drill --help)"],
  ])('%j exits 2 with one line and does nothing', async (args, line) => {
    const ws = await tempWorkspace();
    const r = await runCli(args, { cwd: ws, env: { DRLOOP_RELAY_TOKEN: 'relay-token-0123456789abcdef', GITHUB_TOKEN: 'x' } });
    expectUsageLine(r, line);
    expect(await readdir(ws)).toEqual([]);
  });
});
