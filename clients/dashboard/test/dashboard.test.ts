// The dashboard in a real Chromium (Debian's, through playwright-core) against a live AIBridge filled by
// gateway traffic: what an owner, an auditor and a member see on every page.
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { resolve } from "node:path";
import { after, before, describe, test } from "node:test";
import { type Browser, chromium, type Page } from "playwright-core";
import { type Harness, type Person, startAIBridge } from "./harness.ts";

const screenshots = resolve(import.meta.dirname, "../test-results/screenshots");
let harness: Harness;
let browser: Browser;

before(async () => {
  mkdirSync(screenshots, { recursive: true });
  harness = await startAIBridge();
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
  console.log(`# screenshots: ${screenshots}`);
});

after(async () => {
  await browser?.close();
  await harness?.stop();
});

async function signIn(person: Person): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, timezoneId: "Europe/Berlin" });
  const page = await context.newPage();
  await page.goto(`${harness.baseUrl}/`);
  await page.waitForURL(/\/login/);
  await page.getByLabel("E-mail").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  return page;
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: resolve(screenshots, `${name}.png`), fullPage: true });
}

/** The figure a stat card shows, as a number. */
async function stat(page: Page, label: string): Promise<string> {
  return (await page.locator(`[data-stat="${label}"]`).textContent()) ?? "";
}

describe("dashboard", () => {
  test("a first load of the login page is fast and the assets are small", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const started = Date.now();
    await page.goto(`${harness.baseUrl}/`, { waitUntil: "load" });
    await page.getByRole("button", { name: "Sign in" }).waitFor();
    const elapsed = Date.now() - started;
    const timing = await page.evaluate(() => JSON.stringify(performance.getEntriesByType("navigation")[0]));
    console.log(`# first page load: ${elapsed} ms to a usable login form (navigation ${Math.round(JSON.parse(timing).duration)} ms)`);
    const assets = resolve(import.meta.dirname, "../../../src/AIBridge.Web/wwwroot/assets");
    const gzipped = readdirSync(assets).reduce((sum, file) => sum + gzipSync(readFileSync(resolve(assets, file))).length, 0);
    console.log(`# dashboard assets: ${Math.round(gzipped / 1024)} KiB gzipped`);
    assert.ok(gzipped < 1024 * 1024, "all of the dashboard's assets under 1 MB gzipped");
    await shot(page, "login");
    await context.close();
  });

  test("a wrong password is refused in the API's words", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${harness.baseUrl}/login`);
    await page.getByLabel("E-mail").fill(harness.owner.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? "", /password|credentials/i);
    await context.close();
  });

  test("the first-account form says so when the AIBridge already has its owner", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${harness.baseUrl}/login`);
    await page.getByRole("button", { name: "New AIBridge? Create the first account" }).click();
    await page.getByLabel("Username").fill("second");
    await page.getByLabel("E-mail").fill("second@example.com");
    await page.getByLabel("Password").fill("correct-horse-battery");
    await page.getByRole("button", { name: "Create and sign in" }).click();
    await page.getByRole("alert").waitFor();
    const answer = await fetch(`${harness.baseUrl}/api/v2/users/first`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "second", email: "second@example.com", password: "correct-horse-battery" }) });
    const expected = (await answer.json()).message as string;
    assert.ok(((await page.getByRole("alert").textContent()) ?? "").startsWith(expected), "the API's own words");
    await context.close();
  });

  test("the owner finds the Claude Code session with its prompt, tool call and thinking", async () => {
    const page = await signIn(harness.owner);
    await page.waitForURL(/\/sessions$/);
    const row = page.locator("table.sessions tbody tr", { hasText: harness.claudePrompt });
    await row.waitFor();
    assert.match((await row.textContent()) ?? "", /Claude Code/);
    await shot(page, "sessions-owner");

    await row.click();
    await page.waitForURL(new RegExp(`/sessions/${harness.claudeSession}`));
    await page.locator(".tool pre").first().waitFor();
    const toolInput = await page.locator(".tool pre").first().textContent();
    assert.deepEqual(JSON.parse(toolInput ?? "{}"), { file_path: "src/payments.ts", limit: 200 }, "the tool call's input, pretty-printed");
    await page.getByText("Thinking").first().click();
    await page.getByText("I should read it first").waitFor();
    await page.locator(".recharts-surface").first().waitFor();
    const cache = await harness.api(harness.owner, `/api/v2/aibridge/sessions/${harness.claudeSession}/cache`);
    const cost = page.locator("dt", { hasText: /^Cost$/ }).locator("xpath=following-sibling::dd[1]");
    assert.equal(await cost.textContent(), `$${(cache.cost_micros / 1_000_000).toFixed(cache.cost_micros >= 1_000_000 ? 2 : 4)}`, "the session's recorded cost");
    await shot(page, "session-detail");

    await page.getByPlaceholder("Search prompts, tools and inputs").fill("no such thing anywhere");
    await page.getByText("Nothing in this session matches the search.").waitFor();
    await page.getByPlaceholder("Search prompts, tools and inputs").fill("payments");
    assert.equal(await page.locator("li.thread").count(), 1);
    await page.context().close();
  });

  test("filters narrow the sessions and paging loads the next page", async () => {
    const page = await signIn(harness.owner);
    const rows = page.locator("table.sessions tbody tr");
    await page.getByText(/Showing 25 of/).waitFor();
    const total = harness.plainCalls + 2;
    assert.equal(await rows.count(), 25);
    await page.getByRole("button", { name: "Load more" }).click();
    await page.getByText(`Showing ${total} of ${total}`).waitFor();
    assert.equal(await rows.count(), total);

    await page.locator('select[name="client"]').selectOption("Codex");
    await page.getByText("Showing 1 of 1").waitFor();
    assert.match((await rows.first().textContent()) ?? "", /List the source files/);

    await page.locator('select[name="client"]').selectOption("");
    await page.getByLabel("My sessions").check();
    await page.getByText(/Showing \d+ of \d+/).waitFor();
    const mine = await harness.api(harness.owner, `/api/v2/aibridge/sessions?q=initiator:me&limit=1`);
    await page.getByText(new RegExp(`of ${mine.count}$`)).waitFor();
    await shot(page, "sessions-filtered");
    await page.context().close();
  });

  test("the usage page's totals and leaderboard equal the API's", async () => {
    const page = await signIn(harness.owner);
    await page.goto(`${harness.baseUrl}/usage`);
    await page.locator('[data-stat="Interceptions"]').waitFor();
    const since = new Date(Date.now() - 7 * 24 * 3_600_000).toISOString().replace(/\.\d+Z$/, "Z");
    const report = await harness.api(harness.owner, `/api/v2/aibridge/usage?interval=none&group_by=user&order_by=cost&q=${encodeURIComponent(`started_after:"${since}"`)}`);
    assert.equal(await stat(page, "Interceptions"), report.totals.interceptions.toLocaleString("en-US"));
    const tokens = report.totals.input_tokens + report.totals.output_tokens + report.totals.cache_read_input_tokens + report.totals.cache_write_input_tokens;
    assert.equal(await stat(page, "Tokens"), tokens.toLocaleString("en-US"));
    const leader = page.locator("table.leaderboard tbody tr").first();
    await leader.waitFor();
    assert.match((await leader.textContent()) ?? "", new RegExp(report.buckets[0].initiator.username));
    assert.equal(await page.locator("table.leaderboard tbody tr").count(), report.buckets.length);
    await page.locator(".recharts-surface").first().waitFor();
    await shot(page, "usage-owner");

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export CSV" }).click();
    assert.match((await download).suggestedFilename(), /\.csv$/);
    await page.context().close();
  });

  test("a budget set in the users page shows as spent and limit", async () => {
    const page = await signIn(harness.owner);
    await page.goto(`${harness.baseUrl}/settings/users`);
    const row = page.locator(`tr[data-user="${harness.member.username}"]`);
    await row.locator('input[name="limit"]').fill("5");
    await row.getByRole("button", { name: "Set" }).click();
    await row.getByText("/ $5.00").waitFor();
    const budget = await harness.api(harness.owner, `/api/v2/users/${harness.member.id}/budget`);
    assert.equal(budget.monthly_limit_micros, 5_000_000);
    const shown = (await row.locator(".spent").textContent()) ?? "";
    assert.ok(shown.startsWith(`$${(budget.spent_micros / 1_000_000).toFixed(budget.spent_micros >= 1_000_000 ? 2 : 4)}`), shown);
    await shot(page, "users");

    await page.goto(`${harness.baseUrl}/settings/prices`);
    await page.locator("table.prices tbody tr").first().waitFor();
    await page.getByRole("button", { name: "Set price" }).waitFor();
    await shot(page, "prices-owner");
    await page.goto(`${harness.baseUrl}/interceptions`);
    await page.locator("table.interceptions tbody tr").first().waitFor();
    await shot(page, "interceptions");
    await page.context().close();
  });

  test("the auditor reads the audit pages but not the users page", async () => {
    const page = await signIn(harness.auditor);
    await page.locator("table.sessions tbody tr").first().waitFor();
    await page.goto(`${harness.baseUrl}/settings/users`);
    await page.getByRole("heading", { name: "Not allowed" }).waitFor();
    await page.goto(`${harness.baseUrl}/settings/prices`);
    await page.locator("table.prices tbody tr").first().waitFor();
    assert.equal(await page.getByRole("button", { name: "Set price" }).count(), 0, "auditors read prices, owners change them");
    await shot(page, "prices-auditor");
    await page.context().close();
  });

  test("a member sees only their own usage, and not the audit pages", async () => {
    const page = await signIn(harness.member);
    await page.waitForURL(/\/usage$/);
    await page.locator('[data-stat="Interceptions"]').waitFor();
    const own = (harness.plainCalls / 2) + 2;
    assert.equal(await stat(page, "Interceptions"), String(own), "the member's Codex loop and chat calls");
    assert.equal(await page.locator("table.leaderboard").count(), 0);
    assert.equal(await page.getByRole("link", { name: "Sessions" }).count(), 0);
    await page.locator('select[name="model"] option[value="gpt-5-codex"]').waitFor({ state: "attached" });
    assert.deepEqual(await page.locator('select[name="model"] option').allTextContents(), ["All", "gpt-4.1", "gpt-5-codex"], "the models of the member's own usage");
    await page.locator('select[name="model"]').selectOption("gpt-5-codex");
    await page.locator('[data-stat="Interceptions"]', { hasText: "2" }).waitFor();
    await shot(page, "usage-member");
    await page.goto(`${harness.baseUrl}/sessions`);
    await page.getByRole("heading", { name: "Not allowed" }).waitFor();
    await shot(page, "not-allowed");
    await page.context().close();
  });

  const pages: [string, string][] = [
    ["/sessions", "Sessions"], [`/sessions/SESSION`, "Session"], ["/usage", "Usage"], ["/interceptions", "Interceptions"],
    ["/settings/tokens", "API tokens"], ["/settings/users", "Users"], ["/settings/prices", "Prices"],
    ["/settings/providers", "Providers"],
  ];
  const allowed: Record<string, string[]> = {
    owner: pages.map(([path]) => path),
    auditor: ["/sessions", "/sessions/SESSION", "/usage", "/interceptions", "/settings/tokens", "/settings/prices", "/settings/providers"],
    member: ["/usage", "/settings/tokens"],
  };

  for (const role of ["owner", "auditor", "member"] as const) {
    test(`every page as ${role}: its content where allowed, "Not allowed" elsewhere`, async () => {
      const page = await signIn(harness[role]);
      for (const [template, heading] of pages) {
        const path = template.replace("SESSION", harness.claudeSession);
        await page.goto(`${harness.baseUrl}${path}`);
        const expected = allowed[role].includes(template) ? heading : "Not allowed";
        await page.getByRole("heading", { name: expected, exact: true }).waitFor();
        await page.locator(".state.loading").first().waitFor({ state: "detached" });
        assert.equal(await page.locator(".state.error").count(), 0, `${role} on ${path}: no error`);
        await shot(page, `${role}${template.replaceAll("/", "-").replace("SESSION", "detail")}`);
      }
      await page.context().close();
    });
  }

  test("the owner adds a provider, rotates its keys, disables and deletes it; keys are only ever shown masked", async () => {
    const page = await signIn(harness.owner);
    await page.goto(`${harness.baseUrl}/settings/providers`);
    await page.locator('table.providers tr[data-provider="anthropic"]').waitFor();
    assert.equal(await page.locator('table.providers tr[data-provider="anthropic"] button').count(), 0, "configured providers are read-only");

    const form = page.locator("form.new-provider");
    await form.locator('input[name="name"]').fill("router");
    await form.locator('select[name="type"]').selectOption("openai-compat");
    await form.locator('input[name="display_name"]').fill("OpenRouter");
    await form.locator('input[name="base_url"]').fill("https://openrouter.example/api/v1");
    await form.locator('textarea[name="keys"]').fill("sk-or-browser-first-key-0001\nsk-or-browser-second-key-0002");
    await form.locator('input[name="settings"]').fill('{"headers": {"X-Title": "AIBridge"}}');
    await form.getByRole("button", { name: "Add provider" }).click();
    const row = page.locator('table.providers tr[data-provider="router"]');
    await row.locator('[data-key="sk-o...0001"]').waitFor();
    await row.locator('[data-key="sk-o...0002"]').waitFor();
    assert.equal(await row.locator(".status .badge").textContent(), "enabled");
    assert.ok(!(await page.content()).includes("sk-or-browser-first-key-0001"), "the key is not in the page once saved");
    await shot(page, "providers-owner");

    await row.getByRole("button", { name: "Edit" }).click();
    const edit = page.locator("form.edit-provider");
    await edit.locator('input[name="keep-sk-o...0001"]').uncheck();
    await edit.locator('textarea[name="add"]').fill("sk-or-browser-third-key-0003");
    await edit.getByRole("button", { name: "Save" }).click();
    await row.locator('[data-key="sk-o...0003"]').waitFor();
    assert.deepEqual(await row.locator("[data-key]").evaluateAll((keys) => keys.map((k) => k.getAttribute("data-key"))), ["sk-o...0002", "sk-o...0003"]);

    await row.getByRole("button", { name: "Disable" }).click();
    await row.locator(".status .badge", { hasText: "disabled" }).waitFor();
    const stored = await fetch(`${harness.baseUrl}/api/v2/aibridge/providers/router`, { headers: { "Coder-Session-Token": harness.owner.session } });
    const provider = await stored.json();
    assert.equal(provider.enabled, false);
    assert.deepEqual(provider.settings, { headers: { "X-Title": "AIBridge" } });

    page.once("dialog", (dialog) => void dialog.accept());
    await row.getByRole("button", { name: "Delete" }).click();
    await row.waitFor({ state: "detached" });
    await page.context().close();
  });

  test("tokens are created once, listed and deleted; logout ends the session", async () => {
    const page = await signIn(harness.member);
    await page.goto(`${harness.baseUrl}/settings/tokens`);
    await page.locator('input[name="token_name"]').fill("browser-test");
    await page.getByRole("button", { name: "Create token" }).click();
    const secret = (await page.locator("code.secret").textContent()) ?? "";
    assert.match(secret, /\S{20,}/);
    const row = page.locator("table.tokens tbody tr", { hasText: "browser-test" });
    await row.waitFor();
    await shot(page, "tokens");
    await row.getByRole("button", { name: "Delete" }).click();
    await row.waitFor({ state: "detached" });

    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === "coder_session_token");
    assert.ok(session?.httpOnly, "the session cookie is HttpOnly");
    assert.equal(session?.sameSite, "Lax");
    assert.equal(await page.evaluate(() => document.cookie.includes("coder_session_token")), false, "scripts cannot read it");
    assert.equal(await page.evaluate(() => JSON.stringify(localStorage)), "{}", "nothing in localStorage");

    await page.getByRole("button", { name: "Log out" }).click();
    await page.waitForURL(/\/login/);
    const me = await fetch(`${harness.baseUrl}/api/v2/users/me`, { headers: { "Coder-Session-Token": session!.value } });
    assert.equal(me.status, 401, "the logged-out session's key is gone");
    await page.goto(`${harness.baseUrl}/usage`);
    await page.waitForURL(/\/login\?next=%2Fusage/);
    await page.context().close();
  });
});
