/**
 * Figure 1's peer reference, built as configure-aws-credentials is:
 * @actions/core and @aws-sdk/client-sts bundled together. It reads the
 * inputs, builds the STS client and its request (resolving the client's
 * configuration), sets an output and exits without calling AWS.
 */
import * as core from '@actions/core';
import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts';

const region = core.getInput('aws-region', { required: true });
const roleArn = core.getInput('role-to-assume', { required: true });
const client = new STSClient({ region, maxAttempts: 1 });
const command = new AssumeRoleWithWebIdentityCommand({ RoleArn: roleArn, RoleSessionName: 'GitHubActions', WebIdentityToken: 'unused', DurationSeconds: 3600 });
core.setOutput('aws-region', await client.config.region());
core.info(`would assume ${command.input.RoleArn}`);
client.destroy();
