// The generated client against a live AIBridge: users and tokens, the gateway, then the audit API.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  ApiKeysClient, BudgetsClient, CatalogClient, ChangePasswordRequest, CreateTokenRequest, CreateUserRequest, ErrorResponse, InterceptionsClient,
  CreateProviderRequest, LoginRequest, PricesClient, ProviderKeyRequest, ProvidersClient, SessionsClient, UpdateProviderRequest, SetBudgetRequest, SetPriceRequest, UpdateRolesRequest, UsageClient, UsersClient,
} from "../src/aibridge-client.ts";
import { startAIBridge, type Harness } from "./harness.ts";

let harness: Harness;
let auditorToken: string;
let ownerToken: string;
let memberId: string;
/** The member's named token, which outlives the password change below (login sessions do not). */
let memberApiToken: string;

/** The generated clients take any fetch; this one adds the session token. */
const as = (token?: string) => ({
  fetch: (url: RequestInfo, init?: RequestInit) =>
    fetch(url, { ...init, headers: { ...(init?.headers as Record<string, string>), ...(token ? { "Coder-Session-Token": token } : {}) } }),
});

async function login(email: string): Promise<string> {
  const response = await new UsersClient(harness.baseUrl, as()).login(new LoginRequest({ email, password: "correct-horse-battery" }));
  return response.session_token;
}

async function throughGateway(token: string, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${harness.baseUrl}/api/v2/aibridge/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-api-key": token, "user-agent": "claude-cli/2.0.0" },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  assert.equal(response.status, 200, text);
}

before(async () => {
  harness = await startAIBridge();
  const users = new UsersClient(harness.baseUrl, as());
  await users.createFirst(new CreateUserRequest({ email: "owner@example.com", username: "owner", password: "correct-horse-battery" }));
  ownerToken = await login("owner@example.com");
  const owner = new UsersClient(harness.baseUrl, as(ownerToken));
  const member = await owner.create(new CreateUserRequest({ email: "member@example.com", username: "member", password: "correct-horse-battery" }));
  const auditor = await owner.create(new CreateUserRequest({ email: "auditor@example.com", username: "auditor", password: "correct-horse-battery" }));
  const roles = await owner.updateRoles(auditor.id, new UpdateRolesRequest({ roles: ["auditor"] }));
  assert.deepEqual(roles.roles.map((r) => r.name), ["auditor"]);
  memberId = member.id;
  auditorToken = await login("auditor@example.com");

  const keys = new ApiKeysClient(harness.baseUrl, as(await login("member@example.com")));
  const token = (await keys.createToken("me", new CreateTokenRequest({ token_name: "laptop" }))).key;
  memberApiToken = token;

  // A prompt whose answer calls a tool, the tool's result, and an unrelated chat call.
  const prompt = { role: "user", content: "read the readme" };
  await throughGateway(token, "anthropic/v1/messages", { model: "claude-ts", stream: true, max_tokens: 100, messages: [prompt] });
  await throughGateway(token, "anthropic/v1/messages", {
    model: "claude-ts", stream: true, max_tokens: 100,
    messages: [prompt, { role: "assistant", content: [{ type: "tool_use", id: "toolu_ts_1", name: "Read", input: {} }] },
      { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_ts_1", content: "# AIBridge" }] }],
  });
  await throughGateway(token, "openai/v1/chat/completions", { model: "gpt-ts", messages: [{ role: "user", content: "hi" }] });

  // Recording is asynchronous: wait for the three interceptions.
  const interceptions = new InterceptionsClient(harness.baseUrl, as(auditorToken));
  for (let i = 0; (await interceptions.list()).count < 3; i++) {
    assert.ok(i < 200, "the gateway's interceptions should be recorded");
    await new Promise((done) => setTimeout(done, 50));
  }
});

after(async () => harness?.stop());

test("interceptions are typed: dates, nested arrays, the initiator", async () => {
  const page = await new InterceptionsClient(harness.baseUrl, as(auditorToken)).list();
  assert.equal(page.count, 3);
  const newest = page.results[0];
  assert.ok(newest.started_at instanceof Date);
  assert.ok(newest.ended_at instanceof Date);
  assert.ok(newest.started_at.getTime() >= page.results[1].started_at.getTime());
  assert.equal(newest.initiator.id, memberId);
  assert.equal(newest.initiator.username, "member");
  const withTools = page.results.find((i) => i.tool_usages.length > 0)!;
  assert.equal(withTools.tool_usages[0].tool, "Read");
  assert.equal(withTools.tool_usages[0].input, '{"path":"README.md"}');
  assert.ok(withTools.token_usages[0].created_at instanceof Date);
  assert.equal(withTools.token_usages[0].input_tokens, 30);
  assert.ok(Array.isArray(page.results.find((i) => i.model === "gpt-ts")!.tool_usages));
});

test("the after_id cursor walks the same order as one page", async () => {
  const client = new InterceptionsClient(harness.baseUrl, as(auditorToken));
  const all = (await client.list(undefined, 10)).results.map((i) => i.id);
  const walked: string[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await client.list(undefined, 1, undefined, cursor);
    assert.equal(page.count, 3);
    if (page.results.length === 0) break;
    walked.push(page.results[0].id);
    cursor = page.results[0].id;
  }
  assert.deepEqual(walked, all);
});

test("sessions and one session's threads", async () => {
  const sessions = await new SessionsClient(harness.baseUrl, as(auditorToken)).list();
  assert.equal(sessions.count, 2);
  const loop = sessions.sessions.find((s) => s.models.includes("claude-ts"))!;
  assert.equal(loop.threads, 1);
  assert.equal(loop.client, "Claude Code");
  assert.ok(loop.last_active_at instanceof Date);
  assert.equal(loop.last_prompt, "read the readme");
  assert.equal(loop.token_usage_summary.input_tokens, 60);

  const detail = await new SessionsClient(harness.baseUrl, as(auditorToken)).threads(loop.id);
  assert.equal(detail.threads.length, 1);
  assert.equal(detail.threads[0].prompt, "read the readme");
  assert.equal(detail.threads[0].agentic_actions.length, 2);
  assert.deepEqual(detail.threads[0].agentic_actions[0].thinking, []);
  assert.ok(detail.page_started_at instanceof Date);

  const cache = await new SessionsClient(harness.baseUrl, as(auditorToken)).cache(loop.id);
  assert.equal(cache.session_id, loop.id);
  assert.equal(cache.turns.length, 2);
  assert.equal(cache.bust_count, 0);
  assert.ok(cache.turns[0].started_at instanceof Date);
});

test("models and clients", async () => {
  const catalog = new CatalogClient(harness.baseUrl, as(auditorToken));
  assert.deepEqual(await catalog.models(), ["claude-ts", "gpt-ts"]);
  assert.deepEqual(await catalog.clients(), ["Claude Code"]);
});

test("a 400 surfaces as a typed ErrorResponse with validations", async () => {
  const client = new InterceptionsClient(harness.baseUrl, as(auditorToken));
  await assert.rejects(client.list("bogus:1"), (error: unknown) => {
    assert.ok(error instanceof ErrorResponse);
    assert.equal(error.message, "Invalid AI Bridge interceptions search query.");
    assert.equal(error.validations![0].field, "bogus");
    return true;
  });
});

test("users: listed, suspended and activated, passwords and logout", async () => {
  const owner = new UsersClient(harness.baseUrl, as(ownerToken));
  const page = await new UsersClient(harness.baseUrl, as(auditorToken)).list("role:auditor");
  assert.equal(page.count, 1);
  assert.equal(page.users[0].username, "auditor");

  const suspended = await owner.suspend(memberId);
  assert.equal(suspended.status, "suspended");
  assert.equal((await owner.list("status:suspended")).users[0].id, memberId);
  assert.equal((await owner.activate(memberId)).status, "active");

  await owner.changePassword(memberId, new ChangePasswordRequest({ password: "a-new-member-password" }));
  const session = await new UsersClient(harness.baseUrl, as()).login(new LoginRequest({ email: "member@example.com", password: "a-new-member-password" }));
  const member = new UsersClient(harness.baseUrl, as(session.session_token));
  assert.equal((await member.logout()).message, "Logged out!");
  await assert.rejects(member.me(), (e: unknown) => e instanceof ErrorResponse);
});

test("prices: the book, an override and its removal", async () => {
  const book = await new PricesClient(harness.baseUrl, as(auditorToken)).list();
  assert.equal(book.unit, "micro-USD per million tokens");
  assert.ok(book.defaults_as_of instanceof Date);
  const sonnet = book.prices.find((p) => p.provider_type === "anthropic" && p.model === "claude-sonnet-4-5")!;
  assert.equal(sonnet.input, 3_000_000);
  assert.equal(sonnet.cache_write_1h, 6_000_000);
  assert.equal(sonnet.source, "default");

  const owner = new PricesClient(harness.baseUrl, as(ownerToken));
  const set = await owner.set("anthropic", "claude-ts", new SetPriceRequest({ input: 1_000_000, output: 2_000_000 }));
  assert.equal(set.source, "override");
  assert.equal(set.cache_read ?? null, null);
  assert.ok((await owner.list()).prices.some((p) => p.model === "claude-ts"));
  await owner.delete("anthropic", "claude-ts");
  await assert.rejects(owner.delete("anthropic", "claude-ts"), (e: unknown) => e instanceof ErrorResponse && e.message.startsWith("No price override"));
  await assert.rejects(new PricesClient(harness.baseUrl, as(auditorToken)).set("openai", "gpt-ts", new SetPriceRequest({ input: 1 })),
    (e: unknown) => e instanceof ErrorResponse);
});

test("usage: totals and buckets by user and model, as JSON and CSV; members see only themselves", async () => {
  const report = await new UsageClient(harness.baseUrl, as(auditorToken)).get(undefined, "none", "user,model");
  assert.deepEqual(report.group_by, ["user", "model"]);
  assert.ok(report.started_after instanceof Date && report.started_before > report.started_after);
  assert.equal(report.totals.interceptions, 3);
  assert.equal(report.totals.input_tokens, 30 + 30 + 9);
  assert.equal(report.totals.cost_micros ?? null, null, "neither test model has a price");
  assert.equal(report.totals.unpriced_usage_count, 3);
  const claude = report.buckets.find((b) => b.model === "claude-ts")!;
  assert.equal(claude.interceptions, 2);
  assert.equal(claude.initiator!.username, "member");
  assert.equal(claude.tool_calls, 2, "each stream called Read");

  const file = await new UsageClient(harness.baseUrl, as(auditorToken)).export(undefined, "none", "model");
  assert.equal(file.fileName, "aibridge-usage.csv");
  const csv = await file.data.text();
  const [header, ...rows] = csv.trim().split(/\r?\n/);
  assert.ok(header.startsWith("start,model,interceptions,"), header);
  assert.equal(rows.length, 2);

  const member = new UsageClient(harness.baseUrl, as(memberApiToken));
  assert.equal((await member.get(undefined, "none")).totals.interceptions, 3);
  await assert.rejects(member.get("initiator:owner", "none"),
    (e: unknown) => e instanceof ErrorResponse && e.message === "You can only see your own usage.");
});

test("budgets: an owner sets one, its user reads it, and only owners change it", async () => {
  const owner = new BudgetsClient(harness.baseUrl, as(ownerToken));
  const set = await owner.set(memberId, new SetBudgetRequest({ monthly_limit_micros: 50_000_000 }));
  assert.equal(set.source, "user");
  assert.equal(set.monthly_limit_micros, 50_000_000);

  const own = await new BudgetsClient(harness.baseUrl, as(memberApiToken)).get("me");
  assert.equal(own.spent_micros, 0, "unpriced usage costs nothing");
  assert.equal(own.remaining_micros, 50_000_000);
  assert.ok(own.period_start instanceof Date && own.period_end > own.period_start);
  await assert.rejects(new BudgetsClient(harness.baseUrl, as(memberApiToken)).set("me", new SetBudgetRequest({ monthly_limit_micros: 1 })),
    (e: unknown) => e instanceof ErrorResponse);

  await owner.delete(memberId);
  assert.equal((await owner.get(memberId)).source, "none");
});

test("providers: an owner adds one, rotates its keys and deletes it; keys come back only masked", async () => {
  const owner = new ProvidersClient(harness.baseUrl, as(ownerToken));
  const created = await owner.create(new CreateProviderRequest({
    name: "ts-compat", type: "openai-compat", base_url: "http://127.0.0.1:9/v1",
    api_keys: [new ProviderKeyRequest({ api_key: "sk-ts-compat-first-key-0001" })],
    settings: { headers: { "X-Title": "AIBridge" } },
  }));
  assert.equal(created.source, "api");
  assert.equal(created.status, "enabled");
  assert.deepEqual(created.settings, { headers: { "X-Title": "AIBridge" } });
  assert.equal(created.api_keys[0].masked, "sk-t...0001");
  assert.ok(!JSON.stringify(created).includes("sk-ts-compat-first-key-0001"));

  const listed = await new ProvidersClient(harness.baseUrl, as(auditorToken)).list();
  assert.deepEqual(listed.providers.map((p) => `${p.name}:${p.source}`), ["anthropic:config", "openai:config", "ts-compat:api"]);

  const rotated = await owner.update("ts-compat", new UpdateProviderRequest({
    api_keys: [new ProviderKeyRequest({ api_key: "sk-ts-compat-second-key-0002" }), new ProviderKeyRequest({ id: created.api_keys[0].id })],
  }));
  assert.deepEqual(rotated.api_keys.map((k) => k.masked), ["sk-t...0002", "sk-t...0001"]);
  await assert.rejects(owner.update("openai", new UpdateProviderRequest({ enabled: false })),
    (e: unknown) => e instanceof ErrorResponse && e.message === "Provider \"openai\" is configured in AIBridge settings; change it there.");
  await assert.rejects(new ProvidersClient(harness.baseUrl, as(auditorToken)).delete("ts-compat"), (e: unknown) => e instanceof ErrorResponse);
  await owner.delete("ts-compat");
  await assert.rejects(owner.get("ts-compat"), (e: unknown) => e instanceof ErrorResponse && e.message === "Provider \"ts-compat\" not found.");
});
