export type TfBackendName = 'tensorflow' | 'wasm' | 'cpu';
let ready: Promise<TfBackendName> | undefined;

/**
 * Picks the fastest TensorFlow.js backend available, once per process: tfjs-node's native `tensorflow` backend when
 * that optional package happens to be installed, else WebAssembly (bundled, works offline), else the plain JS cpu one.
 * `preferred` forces one (e.g. `cpu` for bit-exact repeatability across machines).
 */
export function initTfBackend(preferred?: TfBackendName): Promise<TfBackendName> {
  ready ??= selectBackend(preferred);
  return ready;
}

async function selectBackend(preferred?: TfBackendName): Promise<TfBackendName> {
  const candidates: TfBackendName[] = preferred ? [preferred] : ['tensorflow', 'wasm', 'cpu'];
  for (const name of candidates) {
    if (await tryBackend(name)) return name;
  }
  throw new Error(`no TensorFlow.js backend could start (tried ${candidates.join(', ')})`);
}

async function tryBackend(name: TfBackendName): Promise<boolean> {
  try {
    if (name === 'tensorflow') {
      // optional: present only where someone installed it; a computed name keeps it out of the type graph
      const moduleName = '@tensorflow/tfjs-node';
      await import(moduleName);
    }
    if (name === 'wasm') await import('@tensorflow/tfjs-backend-wasm');
    // imported here, not at the top: importing the library must not load TensorFlow.js (see ../calcloud/network-estimator.ts)
    const tf = await import('@tensorflow/tfjs');
    if (!(await tf.setBackend(name))) return false;
    await tf.ready();
    return true;
  } catch {
    return false;
  }
}
