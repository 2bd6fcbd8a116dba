// Starts AIBridge (the Debug build, on a temp SQLite database) and a loopback fake provider.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const anthropicStream = [
  'event: message_start\ndata: {"type":"message_start","message":{"id":"msg_ts_1","type":"message","role":"assistant","model":"claude-ts","content":[],"usage":{"input_tokens":30,"cache_read_input_tokens":5,"cache_creation_input_tokens":0,"output_tokens":1}}}\n\n',
  'event: content_block_start\ndata: {"type":"content_block_start","index":0,"content_block":{"type":"tool_use","id":"toolu_ts_1","name":"Read","input":{}}}\n\n',
  'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"{\\"path\\":\\"README.md\\"}"}}\n\n',
  'event: content_block_stop\ndata: {"type":"content_block_stop","index":0}\n\n',
  'event: message_delta\ndata: {"type":"message_delta","delta":{"stop_reason":"tool_use"},"usage":{"output_tokens":12}}\n\n',
  'event: message_stop\ndata: {"type":"message_stop"}\n\n',
];

const chatCompletion = JSON.stringify({
  id: "chatcmpl-ts", object: "chat.completion", created: 1700000000, model: "gpt-ts",
  choices: [{ index: 0, message: { role: "assistant", content: "hello" }, finish_reason: "stop" }],
  usage: { prompt_tokens: 9, completion_tokens: 2, total_tokens: 11 },
});

export interface Harness {
  baseUrl: string;
  stop(): Promise<void>;
}

function startProvider(): Promise<Server> {
  const server = createServer((request, response) => {
    request.resume();
    request.on("end", async () => {
      if (request.url?.endsWith("/chat/completions")) {
        response.writeHead(200, { "content-type": "application/json" }).end(chatCompletion);
        return;
      }
      response.writeHead(200, { "content-type": "text/event-stream" });
      for (const event of anthropicStream) {
        response.write(event);
      }
      response.end();
    });
  });
  return new Promise((done) => server.listen(0, "127.0.0.1", () => done(server)));
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", () => done()));
  const port = (server.address() as AddressInfo).port;
  await new Promise((done) => server.close(done));
  return port;
}

export interface Launched {
  baseUrl: string;
  /** Stops AIBridge and deletes its data folder. */
  stop(): Promise<void>;
}

/** AIBridge's Debug build on a free loopback port and a temporary SQLite database, its providers at providerUrl. */
export async function launchAIBridge(providerUrl: string, name: string): Promise<Launched> {
  const dataDir = mkdtempSync(join(tmpdir(), `aibridge-${name}-`));
  const port = await freePort();
  const dll = process.env.AIBRIDGE_DLL ?? resolve(import.meta.dirname, "../../../src/AIBridge.Web/bin/Debug/net10.0/AIBridge.Web.dll");
  const child: ChildProcess = spawn("dotnet", [dll, "--urls", `http://127.0.0.1:${port}`], {
    cwd: dataDir,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      Database__Provider: "Sqlite",
      ConnectionStrings__AIBridge: `Data Source=${join(dataDir, "aibridge.db")}`,
      AIBridge__Providers__anthropic__Type: "anthropic",
      AIBridge__Providers__anthropic__BaseUrl: providerUrl,
      AIBridge__Providers__anthropic__ApiKey: "sk-ant-ts-central",
      AIBridge__Providers__openai__Type: "openai",
      AIBridge__Providers__openai__BaseUrl: `${providerUrl}/v1`,
      AIBridge__Providers__openai__ApiKey: "sk-openai-ts-central",
      Logging__LogLevel__Default: "Warning",
    },
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (attempt > 300 || child.exitCode !== null) throw new Error(`AIBridge did not start (exit code ${child.exitCode})`);
    await new Promise((done) => setTimeout(done, 100));
  }

  return {
    baseUrl,
    async stop() {
      child.kill("SIGTERM");
      await new Promise((done) => child.once("exit", done));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function startAIBridge(): Promise<Harness> {
  const provider = await startProvider();
  const aibridge = await launchAIBridge(`http://127.0.0.1:${(provider.address() as AddressInfo).port}`, "ts");
  return {
    baseUrl: aibridge.baseUrl,
    async stop() {
      await aibridge.stop();
      await new Promise((done) => provider.close(done));
    },
  };
}
