import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { mnistAsset } from './vite-plugins/mnistAsset.ts';

export default defineConfig({
  plugins: [react(), mnistAsset()],
  server: { port: 5173, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1' },
});
