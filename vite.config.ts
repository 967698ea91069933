/**
 * Builds the client portal (liff/index.html) and the staff app (liff/staff.html) into dist/liff/.
 * The server serves each HTML file as a template (data injected before </head>) and the hashed
 * files, shared chunks included (the LIFF SDK), under /assets-portal/.
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
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL('./liff/index.html', import.meta.url)),
        staff: fileURLToPath(new URL('./liff/staff.html', import.meta.url)),
      },
    },
  },
});
