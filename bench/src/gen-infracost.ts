/**
 * Generates Infracost JSON (format 0.2) in the shapes of the shared real
 * samples: projects with resources that carry cost components and
 * subresources, decimal-string costs, and the odd null-priced resource.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

function resource(p: number, r: number) {
  const hourly = ((p * 7 + r * 13) % 97) / 100 + 0.01;
  const usage = r % 50 === 0; // a usage-based resource with no usage data: cost unknown
  const fmt = (n: number) => n.toFixed(17);
  return {
    name: `module.p${p}.aws_instance.node_${r}`,
    resourceType: 'aws_instance',
    tags: { team: 'platform', env: 'dr' },
    metadata: { calls: [{ blockName: `aws_instance.node_${r}`, endLine: 20, filename: 'main.tf', startLine: 1 }] },
    hourlyCost: usage ? null : fmt(hourly),
    monthlyCost: usage ? null : fmt(hourly * 730),
    costComponents: [
      {
        name: 'Instance usage (Linux/UNIX, on-demand, m5.xlarge)',
        unit: 'hours',
        hourlyQuantity: '1',
        monthlyQuantity: '730',
        price: fmt(hourly * 0.8),
        hourlyCost: fmt(hourly * 0.8),
        monthlyCost: fmt(hourly * 584),
      },
      { name: 'CPU credits', unit: 'vCPU-hours', hourlyQuantity: '0', monthlyQuantity: '0', price: '0.05', hourlyCost: '0', monthlyCost: '0' },
    ],
    subresources: [
      {
        name: 'root_block_device',
        metadata: {},
        hourlyCost: fmt(hourly * 0.2),
        monthlyCost: fmt(hourly * 146),
        costComponents: [
          {
            name: 'Storage (general purpose SSD, gp2)',
            unit: 'GB',
            hourlyQuantity: '0.0684931506849315',
            monthlyQuantity: '50',
            price: '0.1',
            hourlyCost: fmt(hourly * 0.2),
            monthlyCost: fmt(hourly * 146),
          },
        ],
      },
    ],
  };
}

/** Writes `files` Infracost outputs holding `projects` projects and `resources` resources in all. */
export async function generateInfracost(dir: string, opts: { files: number; projects: number; resources: number }): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const perProject = Math.ceil(opts.resources / opts.projects);
  const projectsPerFile = Math.ceil(opts.projects / opts.files);
  const paths: string[] = [];
  let p = 0;
  for (let f = 0; f < opts.files; f++) {
    const projects = [];
    for (let i = 0; i < projectsPerFile && p < opts.projects; i++, p++) {
      const resources = Array.from({ length: perProject }, (_, r) => resource(p, r));
      const total = resources.reduce((s, r) => s + (r.hourlyCost === null ? 0 : Number(r.hourlyCost)), 0);
      projects.push({
        name: `infra/dr/project-${p}`,
        metadata: { path: `infra/dr/project-${p}`, type: 'terraform_dir', vcsSubPath: `infra/dr/project-${p}` },
        pastBreakdown: null,
        breakdown: { resources, totalHourlyCost: total.toFixed(17), totalMonthlyCost: (total * 730).toFixed(4) },
        diff: null,
        summary: {
          totalDetectedResources: perProject,
          totalSupportedResources: perProject,
          totalUnsupportedResources: 0,
          totalUsageBasedResources: perProject / 50,
          totalNoPriceResources: 0,
          unsupportedResourceCounts: {},
          noPriceResourceCounts: {},
        },
      });
    }
    const doc = {
      version: '0.2',
      metadata: { infracostCommand: 'breakdown', vcsBranch: 'main' },
      currency: 'USD',
      projects,
      totalHourlyCost: '0',
      totalMonthlyCost: '0',
      timeGenerated: new Date().toISOString(),
      summary: {
        totalDetectedResources: 0,
        totalSupportedResources: 0,
        totalUnsupportedResources: 0,
        totalUsageBasedResources: 0,
        totalNoPriceResources: 0,
        unsupportedResourceCounts: {},
        noPriceResourceCounts: {},
      },
    };
    const path = join(dir, `infracost-${f}.json`);
    await writeFile(path, JSON.stringify(doc, null, 2));
    paths.push(path);
  }
  return paths;
}
