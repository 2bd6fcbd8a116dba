// A live AIBridge (the Debug build, on a temporary SQLite database) in front of the fake provider, with an
// owner, an auditor and a member, and traffic sent through the gateway as the agents send it.
import type { AddressInfo } from "node:net";
import { launchAIBridge } from "../../typescript/test/harness.ts";
import { startProvider } from "./provider.ts";

export interface Person {
  username: string;
  email: string;
  password: string;
  id: string;
  /** A session token for API calls made by the test itself. */
  session: string;
  /** An AIBridge API token, as an agent would use. */
  apiToken: string;
}

export interface Harness {
  baseUrl: string;
  owner: Person;
  auditor: Person;
  member: Person;
  /** The Claude Code session's id, its first prompt and the plain calls' count. */
  claudeSession: string;
  codexSession: string;
  claudePrompt: string;
  plainCalls: number;
  api(person: Person, path: string, init?: RequestInit): Promise<any>;
  stop(): Promise<void>;
}

const password = "correct-horse-battery";

export async function startAIBridge(): Promise<Harness> {
  const provider = await startProvider();
  const aibridge = await launchAIBridge(`http://127.0.0.1:${(provider.address() as AddressInfo).port}`, "dashboard");
  const baseUrl = aibridge.baseUrl;

  const call = async (session: string | undefined, path: string, init: RequestInit = {}) => {
    const response = await fetch(`${baseUrl}${path}`, {
      ...init,
      headers: { "content-type": "application/json", ...(session ? { "Coder-Session-Token": session } : {}), ...(init.headers ?? {}) },
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${init.method ?? "GET"} ${path}: ${response.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  const login = async (email: string) => (await call(undefined, "/api/v2/users/login", { method: "POST", body: JSON.stringify({ email, password }) })).session_token as string;
  const person = async (username: string, create: (body: string) => Promise<{ id: string }>): Promise<Person> => {
    const email = `${username}@example.com`;
    const { id } = await create(JSON.stringify({ username, email, password }));
    const session = await login(email);
    const apiToken = (await call(session, "/api/v2/users/me/keys/tokens", { method: "POST", body: JSON.stringify({ token_name: `${username}-agent` }) })).key;
    return { username, email, password, id, session, apiToken };
  };

  const owner = await person("olivia", async (body) => ({ id: (await call(undefined, "/api/v2/users/first", { method: "POST", body })).user_id }));
  const auditor = await person("arthur", (body) => call(owner.session, "/api/v2/users", { method: "POST", body }));
  await call(owner.session, `/api/v2/users/${auditor.id}/roles`, { method: "PUT", body: JSON.stringify({ roles: ["auditor"] }) });
  const member = await person("mina", (body) => call(owner.session, "/api/v2/users", { method: "POST", body }));

  const traffic = await sendTraffic(baseUrl, owner, member);
  await waitForRecords(() => call(owner.session, "/api/v2/aibridge/interceptions?limit=1000"), traffic.interceptions);

  return {
    baseUrl, owner, auditor, member, ...traffic,
    api: (who, path, init) => call(who.session, path, init),
    async stop() {
      await aibridge.stop();
      await new Promise((done) => provider.close(done));
    },
  };
}

async function sendTraffic(baseUrl: string, owner: Person, member: Person) {
  const gateway = async (path: string, headers: Record<string, string>, body: unknown) => {
    const response = await fetch(`${baseUrl}/api/v2/aibridge${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
    const text = await response.text();
    if (!response.ok) throw new Error(`${path}: ${response.status} ${text}`);
  };

  // Plain SDK-style calls, each its own session: enough of them to need a second page of sessions, sent first so that
  // the agents' sessions are the most recent.
  const plainCalls = 30;
  for (let i = 0; i < plainCalls; i++) {
    if (i % 2 === 0) {
      await gateway("/openai/v1/chat/completions", { authorization: `Bearer ${member.apiToken}` }, { model: "gpt-4.1", messages: [{ role: "user", content: `Plain question ${i}` }] });
    } else {
      await gateway("/anthropic/v1/messages", { "x-api-key": owner.apiToken, "anthropic-version": "2023-06-01" }, { model: "claude-haiku-4-5", max_tokens: 100, messages: [{ role: "user", content: `Plain question ${i}` }] });
    }
  }

  // Claude Code's tool loop: a prompt, a Read call with thinking, then the tool's result and the answer.
  const claudeSession = "5f0c6a9e-claude-dashboard";
  const claudePrompt = "Refactor the payment module so that refunds are idempotent";
  const claude = { "x-api-key": owner.apiToken, "anthropic-version": "2023-06-01", "user-agent": "claude-cli/2.0.31 (external, cli)", "x-claude-code-session-id": claudeSession };
  const system = [{ type: "text", text: "You are Claude Code, Anthropic's official CLI for Claude." }];
  const tools = [{ name: "Read", description: "Reads a file", input_schema: { type: "object", properties: { file_path: { type: "string" } } } }];
  const first = { role: "user", content: [{ type: "text", text: claudePrompt }] };
  await gateway("/anthropic/v1/messages", claude, { model: "claude-sonnet-4-5", max_tokens: 4096, stream: true, system, tools, messages: [first] });
  await gateway("/anthropic/v1/messages", claude, {
    model: "claude-sonnet-4-5", max_tokens: 4096, stream: true, system, tools,
    messages: [first,
      { role: "assistant", content: [{ type: "tool_use", id: "toolu_dash_1", name: "Read", input: { file_path: "src/payments.ts", limit: 200 } }] },
      { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_dash_1", content: "export function refund() {}" }] }],
  });

  // Codex's tool loop on the Responses API, by the member.
  const codexSession = "0199d1c2-codex-dashboard";
  const codex = { authorization: `Bearer ${member.apiToken}`, "user-agent": "codex_cli_rs/0.58.0 (Debian 12; x86_64)", originator: "codex_cli_rs", "session-id": codexSession };
  const input = [{ type: "message", role: "user", content: [{ type: "input_text", text: "List the source files" }] }];
  const shell = [{ type: "function", name: "shell", parameters: { type: "object", properties: { command: { type: "array" } } } }];
  await gateway("/openai/v1/responses", codex, { model: "gpt-5-codex", stream: true, instructions: "You are Codex.", tools: shell, input });
  await gateway("/openai/v1/responses", codex, {
    model: "gpt-5-codex", stream: true, instructions: "You are Codex.", tools: shell,
    input: [...input,
      { type: "function_call", call_id: "call_dash_1", name: "shell", arguments: "{\"command\":[\"rg\",\"--files\",\"src\"]}" },
      { type: "function_call_output", call_id: "call_dash_1", output: "src/app.ts" }],
  });

  return { claudeSession, codexSession, claudePrompt, plainCalls, interceptions: 4 + plainCalls };
}

/** Until every interception is stored with its end and its token usage. */
async function waitForRecords(list: () => Promise<{ results: { ended_at?: string; token_usages: unknown[] }[] }>, expected: number) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const { results } = await list();
    if (results.length >= expected && results.every((r) => r.ended_at && r.token_usages.length > 0)) return;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`the gateway's ${expected} interceptions were not all recorded`);
}
