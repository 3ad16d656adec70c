import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'electron/main/index.ts') } },
    },
  },
  preload: {
    // The sandboxed preload cannot require() anything but electron: bundle everything into one file.
    build: {
      externalizeDeps: false,
      isolatedEntries: true,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    // Relative asset URLs: the same build is served from app:// in Electron and from http:// in UI tests.
    base: './',
    plugins: [react()],
    build: {
      // electron-vite leaves bundles unminified; ag-grid alone is megabytes, and a smaller bundle starts faster.
      minify: true,
      // Loaded from the local disk, not a network: one bundle is fine.
      chunkSizeWarningLimit: 2000,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
