import { fileURLToPath } from 'node:url'
const d = fileURLToPath(new URL('.', import.meta.url))
export default { root: d, logLevel: 'info', build: { outDir: d + 'dist', minify: true, lib: { entry: d + 'entry.js', formats: ['es'], fileName: 'x' }, rollupOptions: { external: ['vue'] } } }
