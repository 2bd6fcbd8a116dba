// How long a first visit takes: a fresh AIBridge (Debug build, empty SQLite database, as `dotnet run`
// starts it) and a fresh browser profile each round, timed to a usable sign-in form.
//   npm run bench:first-load [-- rounds]
import { chromium } from "playwright-core";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { launchAIBridge } from "../../typescript/test/harness.ts";

const rounds = Number(process.argv[2] ?? 5);
const provider = createServer((_, response) => response.writeHead(503).end());
await new Promise<void>((done) => provider.listen(0, "127.0.0.1", () => done()));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
const cold: number[] = [];
const warm: number[] = [];
for (let round = 0; round < rounds; round++) {
  const aibridge = await launchAIBridge(`http://127.0.0.1:${(provider.address() as AddressInfo).port}`, "first-load");
  for (const times of [cold, warm]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(`${aibridge.baseUrl}/`);
    await page.getByRole("button", { name: "Sign in" }).waitFor();
    times.push(performance.now() - started);
    await context.close();
  }
  await aibridge.stop();
}
await browser.close();
provider.close();
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const list = (values: number[]) => values.map((v) => Math.round(v)).join(", ");
console.log(`first visit to a usable sign-in form, ${rounds} rounds (ms)`);
console.log(`  just-started AIBridge: median ${Math.round(median(cold))} (${list(cold)})`);
console.log(`  second visitor:        median ${Math.round(median(warm))} (${list(warm)})`);
