import { parseRelayInputs, resolveRelaySecrets } from '../../../src/relay/config.js';
import { GitHubDispatcher } from '../../../src/relay/github.js';
import { describeMatchers } from '../../../src/relay/matcher.js';
import { RelayMetrics } from '../../../src/relay/metrics.js';
import { startRelay } from '../../../src/relay/server.js';
import { EXIT, parseFlags, stderrLogger, type Command } from '../cli-kit.js';

const USAGE = `usage: drloop relay --listen HOST:PORT --repo OWNER/NAME [--event-type dr-alert]
                    [--github-api-url URL] [--match LABEL=VALUE ...] [--dedupe-window 1h]
                    [--resolved dispatch|drop] [--deadline 8s] [--verbose]
Environment: DRLOOP_RELAY_TOKEN (the bearer token Alertmanager must present, required);
  GITHUB_TOKEN, or a GitHub App: DRLOOP_GITHUB_APP_ID, DRLOOP_GITHUB_APP_PRIVATE_KEY_FILE,
  DRLOOP_GITHUB_APP_INSTALLATION_ID.
Runs until SIGTERM or SIGINT, then finishes the notifications in flight. Exit status 2 on bad options.`;

export const relayCommand: Command = {
  name: 'relay',
  summary: 'receive Alertmanager webhooks and turn them into repository_dispatch events',
  usage: USAGE,
  async run(ctx) {
    const { raw } = parseFlags(
      ctx.argv,
      {
        listen: { type: 'string' },
        repo: { type: 'string' },
        'event-type': { type: 'string' },
        'github-api-url': { type: 'string' },
        match: { type: 'string', multiple: true },
        'dedupe-window': { type: 'string' },
        resolved: { type: 'string' },
        deadline: { type: 'string' },
        verbose: { type: 'boolean' },
      },
      USAGE,
    );
    const verbose = raw.verbose === 'true' || ctx.env.DRLOOP_DEBUG === 'true';
    delete raw.verbose;
    const inputs = parseRelayInputs(raw);
    const secrets = await resolveRelaySecrets(ctx.env, ctx.cwd);
    const logger = stderrLogger(ctx.stderr, verbose);
    const metrics = new RelayMetrics();
    const dispatcher = new GitHubDispatcher({ apiUrl: inputs['github-api-url'], repo: inputs.repo, credentials: secrets.github }, { logger, metrics });
    const relay = await startRelay(inputs, { relayToken: secrets.relayToken, dispatcher, logger, metrics });

    const auth = secrets.github.kind === 'app' ? `GitHub App ${secrets.github.appId} (installation ${secrets.github.installationId})` : 'GITHUB_TOKEN';
    // One line on stdout, stable: scripts and tests read the address from it (useful with port 0).
    ctx.stdout.write(`drloop relay listening on ${relay.url}\n`);
    logger.info(
      `relay: POST ${relay.url}/alertmanager -> ${inputs['github-api-url']}/repos/${inputs.repo}/dispatches (event ${inputs['event-type']}, ${auth}); ` +
        `forwarding ${describeMatchers(inputs.match)}; resolved groups: ${inputs.resolved}; dedupe window ${inputs['dedupe-window']} s; GitHub deadline ${inputs.deadline} s`,
    );

    await new Promise<void>((resolve) => {
      const stop = (signal: NodeJS.Signals) => {
        logger.info(`relay: ${signal} received, finishing the notifications in flight`);
        process.off('SIGTERM', stop);
        process.off('SIGINT', stop);
        void relay.close().then(resolve);
      };
      process.on('SIGTERM', stop);
      process.on('SIGINT', stop);
    });
    logger.info('relay: stopped');
    return EXIT.ok;
  },
};
