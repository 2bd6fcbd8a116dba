// The package as a user installs it: a fresh TypeScript project adds it by path, type-checks against its
// declarations and calls a live AIBridge from Node with the runtime's own fetch.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, test } from "node:test";
import { startAIBridge, type Harness } from "./harness.ts";

const packageDir = resolve(import.meta.dirname, "..");
let harness: Harness;
let project: string;

before(async () => {
  harness = await startAIBridge();
  project = mkdtempSync(join(tmpdir(), "aibridge-consumer-"));
});

after(async () => {
  await harness?.stop();
  rmSync(project, { recursive: true, force: true });
});

test("a fresh project installs the package, type-checks, and calls AIBridge without a fetch of its own", () => {
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  writeFileSync(join(project, "tsconfig.json"), JSON.stringify({
    compilerOptions: { target: "es2022", module: "nodenext", moduleResolution: "nodenext", strict: true, outDir: "out", lib: ["es2022", "dom"], types: [] },
    include: ["main.ts"],
  }));
  writeFileSync(join(project, "main.ts"), `
import { CreateUserRequest, LoginRequest, UsersClient } from "@aibridge/client";

const base = ${JSON.stringify(harness.baseUrl)};
const users = new UsersClient(base);
await users.createFirst(new CreateUserRequest({ email: "consumer@example.com", username: "consumer", password: "correct-horse-battery" }));
const session = await users.login(new LoginRequest({ email: "consumer@example.com", password: "correct-horse-battery" }));
const signedIn = { fetch: (url: RequestInfo, init?: RequestInit) =>
  fetch(url, { ...init, headers: { ...(init?.headers as Record<string, string>), "Coder-Session-Token": session.session_token } }) };
const me = await new UsersClient(base, signedIn).me();
const joined: Date = me.created_at;
console.log(\`signed in as \${me.username} (\${joined instanceof Date})\`);
`);

  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", packageDir], { cwd: project, stdio: "pipe" });
  execFileSync(process.execPath, [join(packageDir, "node_modules/typescript/bin/tsc"), "-p", project], { stdio: "pipe" });
  const output = execFileSync(process.execPath, [join(project, "out/main.js")], { encoding: "utf8" });

  assert.equal(output.trim(), "signed in as consumer (true)");
});
