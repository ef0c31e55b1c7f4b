import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'electron-vite'
import { resolve } from 'node:path'
import { primevueThemePlugin } from './scripts/build/primevueThemePlugin'

export default defineConfig({
  main: {
    build: {
      lib: {
        entry: {
          // The Electron shell, and the same backend behind a loopback HTTP transport.
          index: resolve(__dirname, 'src/main/index.ts'),
          preview: resolve(__dirname, 'src/main/preview/previewCli.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      lib: { entry: { index: resolve(__dirname, 'src/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    resolve: {
      alias: { '@renderer': resolve(__dirname, 'src/renderer/src'), '@shared': resolve(__dirname, 'src/shared') },
    },
    // PrimeVue's theme is computed here, once, instead of in the browser at every start.
    plugins: [vue(), primevueThemePlugin()],
    build: {
      // Minified: the renderer is parsed at every start, and its size is most of the cold start.
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
})
