/**
 * Builds the client portal (liff/) into dist/liff/. The server serves dist/liff/index.html
 * as a template (data injected before </head>) and the hashed files under /assets-portal/.
 */
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./liff', import.meta.url)),
  base: '/assets-portal/',
  plugins: [preact()],
  build: {
    outDir: fileURLToPath(new URL('./dist/liff', import.meta.url)),
    emptyOutDir: true,
    target: 'es2020',
    // No inline scripts or data: fonts; everything is a hashed file under /assets-portal/assets/.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
  },
});
