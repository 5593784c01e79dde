#!/usr/bin/env node
import { jobWorkers, serveWorkerJob } from '../../src/worker-job.js';
import { EXIT, reportError, type Command, type CommandContext } from './cli-kit.js';

/** Commands load on demand, so `drloop decide` never pays for the S3 SDK or PostgreSQL. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  decide: { summary: 'decide allow / warn / block from cost artefacts and a budget policy', load: async () => (await import('./commands/decide.js')).decideCommand },
  evidence: { summary: "bundle a run's alert, decision, receipts and logs into a redacted, checksummed tar.gz", load: async () => (await import('./commands/evidence.js')).evidenceCommand },
  'verify-evidence': { summary: 'check an evidence bundle or S3 pointer against its manifest and checksums', load: async () => (await import('./commands/verify-evidence.js')).verifyEvidenceCommand },
  history: { summary: 'the drill history of every plan under an S3 prefix or directory; --check fails on stale evidence', load: async () => (await import('./commands/history.js')).historyCommand },
  execute: { summary: 'run a DR plan phase by phase, with receipts and measured RTO/RPO', load: async () => (await import('./commands/execute.js')).executeCommand },
  relay: { summary: 'receive Alertmanager webhooks and turn them into repository_dispatch events', load: async () => (await import('./commands/relay.js')).relayCommand },
  drill: { summary: 'run the whole DR loop locally against a real PostgreSQL failover, with RTO/RPO and verified evidence', load: async () => (await import('./commands/drill.js')).drillCommand },
};

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  return [
    'drloop: a cost-aware disaster-recovery loop (decide, execute, prove)',
    '',
    'usage: drloop <command> [options]   (drloop <command> --help for its options)',
    '',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${help()}\n`);
    return name ? EXIT.ok : EXIT.usage;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    process.stderr.write(`drloop: unknown command '${name}'\n\n${help()}\n`);
    return EXIT.usage;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.summary}\n\n${command.usage}\n`);
    return EXIT.ok;
  }
  const ctx: CommandContext = { argv: rest, env: process.env, cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, jobs: jobWorkers(process.argv[1]!) };
  try {
    return await command.run(ctx);
  } catch (err) {
    return reportError(err, name, ctx);
  }
}

// A worker thread started for a memory-heavy job (src/worker-job.ts) serves that job instead.
const served = await serveWorkerJob({
  bundle: async () => (await import('../../src/evidence/bundle-job.js')).serveBundleJob,
  history: async () => (await import('../../src/history/history-job.js')).serveHistoryJob,
});
if (!served) process.exitCode = await main(process.argv.slice(2));
