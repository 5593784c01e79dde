/**
 * Figure 5: `drloop relay` exactly as the CLI runs it (its command module,
 * bundled from source), so the figure measures the relay in this tree.
 *   relay.js --listen 127.0.0.1:0 --repo OWNER/NAME --github-api-url URL
 * Environment: DRLOOP_RELAY_TOKEN, GITHUB_TOKEN. Stops on SIGTERM.
 */
import { relayCommand } from '../../cli/src/commands/relay.js';

process.exitCode = await relayCommand.run({ argv: process.argv.slice(2), env: process.env, cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr });
