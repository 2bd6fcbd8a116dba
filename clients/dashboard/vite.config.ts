import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Built into AIBridge.Web's wwwroot, which is committed: a fresh clone serves the dashboard without npm,
// and CI rebuilds it and fails when the committed files differ from what the sources make.
export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      // The dashboard talks to AIBridge only through the generated client, compiled from its source.
      "@aibridge/client": fileURLToPath(new URL("../typescript/src/aibridge-client.ts", import.meta.url)),
    },
  },
  build: {
    outDir: fileURLToPath(new URL("../../src/AIBridge.Web/wwwroot", import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1024,
  },
  server: {
    proxy: { "/api": "http://127.0.0.1:8080" },
  },
});
