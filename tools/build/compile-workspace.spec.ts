import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@jobcast/testing';
import { compiledEntry, compileWorkspace } from './compile-workspace';
import { dockerfileStage, stageCommand } from './dockerfile';

const REPO = join(__dirname, '..', '..');

describe('compileWorkspace', () => {
  let outDir: string;
  beforeAll(() => {
    outDir = mkdtempSync(join(tmpdir(), 'compile-workspace-spec-'));
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('writes a predictor that starts as the Dockerfile runs it (no models: alive, not ready)', async () => {
    const { nodePath } = compileWorkspace(outDir);
    const [httpPort, grpcPort] = [await freePort(), await freePort()];
    const models = mkdtempSync(join(tmpdir(), 'compile-workspace-models-'));
    const child = spawn(process.execPath, [compiledEntry(outDir, 'predictor')], {
      cwd: REPO,
      env: { PATH: process.env['PATH'], NODE_PATH: nodePath, HOST: '127.0.0.1', PORT: String(httpPort), GRPC_PORT: String(grpcPort), PREDICTOR_MODELS_DIR: models },
      stdio: 'ignore',
    });
    try {
      const health = async (probe: string) => (await fetch(`http://127.0.0.1:${httpPort}/health/${probe}`)).status;
      let live = 0;
      for (let attempt = 0; attempt < 120 && live !== 200; attempt++) {
        live = await health('live').catch(() => 0);
        if (live !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect({ live, ready: await health('ready') }).toEqual({ live: 200, ready: 503 });
    } finally {
      child.kill();
      rmSync(models, { recursive: true, force: true });
    }
  }, 60_000);

  it('is what the Dockerfile builds the predictor image from', () => {
    const dockerfile = readFileSync(join(REPO, 'Dockerfile'), 'utf8');
    const outFolder = /^RUN node -r @swc-node\/register tools\/build\/compile-workspace\.ts (\S+)$/m.exec(dockerfile)?.[1];
    expect(outFolder).toBeDefined();
    expect(stageCommand(dockerfile, 'predictor')).toContain(compiledEntry(outFolder!, 'predictor'));
    expect(dockerfileStage(dockerfile, 'predictor')).toContain(`COPY --from=compiled /app/${outFolder} ${outFolder}`);
  });

  it('refuses a folder that already holds files', () => {
    expect(() => compileWorkspace(REPO)).toThrow(/is not empty/);
  });
});
