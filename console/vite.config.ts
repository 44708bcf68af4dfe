import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Built into target/classes/META-INF/resources: the Maven module packages it as a jar the gateway serves at /.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'target/classes/META-INF/resources',
    emptyOutDir: true,
    assetsDir: 'assets',
    // Screens load on demand; the first page needs only the shell.
    chunkSizeWarningLimit: 450,
  },
  server: {
    // `npm run dev` against a running platform: the gateway answers /api, /login, /logout and /session.
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/login': 'http://127.0.0.1:8080',
      '/logout': 'http://127.0.0.1:8080',
      '/session': 'http://127.0.0.1:8080',
    },
  },
});
