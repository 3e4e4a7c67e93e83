import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCalcloudResults, renderCalcloudReportHtml, summariseCalcloudResults } from '@jobcast/models';
import type { Command } from 'commander';

/** `jobcast report <dir>`: loads a calcloud results folder, prints its summary and writes a self-contained HTML page. */
export function register(program: Command): void {
  program
    .command('report <dir>')
    .description('summarise a calcloud training run folder and write report.html with the plots')
    .option('--html <path>', 'where to write the HTML page (default <dir>/report.html)')
    .action((dir: string, flags: { html?: string }) => {
      const results = readCalcloudResults(dir);
      const htmlPath = flags.html ?? join(dir, 'report.html');
      writeFileSync(htmlPath, renderCalcloudReportHtml(results));
      process.stdout.write(`${summariseCalcloudResults(results)}\nHTML report: ${htmlPath}\n`);
    });
}
