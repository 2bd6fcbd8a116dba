// A loopback fake of the providers' wire formats, enough for the agents' shapes the dashboard shows:
// an Anthropic tool loop with thinking (streamed), an OpenAI Responses tool loop (streamed, Codex's),
// and plain Chat Completions and Messages calls.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

const sse = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

function anthropicToolTurn(model: string): string[] {
  return [
    sse("message_start", { type: "message_start", message: { id: "msg_tool", type: "message", role: "assistant", model, content: [], usage: { input_tokens: 1200, cache_read_input_tokens: 18000, cache_creation_input_tokens: 600, output_tokens: 1 } } }),
    sse("content_block_start", { type: "content_block_start", index: 0, content_block: { type: "thinking", thinking: "", signature: "" } }),
    sse("content_block_delta", { type: "content_block_delta", index: 0, delta: { type: "thinking_delta", thinking: "The payment module is in src/payments.ts; I should read it first." } }),
    sse("content_block_delta", { type: "content_block_delta", index: 0, delta: { type: "signature_delta", signature: "c2lnbmF0dXJl" } }),
    sse("content_block_stop", { type: "content_block_stop", index: 0 }),
    sse("content_block_start", { type: "content_block_start", index: 1, content_block: { type: "tool_use", id: "toolu_dash_1", name: "Read", input: {} } }),
    sse("content_block_delta", { type: "content_block_delta", index: 1, delta: { type: "input_json_delta", partial_json: "{\"file_path\":\"src/pay" } }),
    sse("content_block_delta", { type: "content_block_delta", index: 1, delta: { type: "input_json_delta", partial_json: "ments.ts\",\"limit\":200}" } }),
    sse("content_block_stop", { type: "content_block_stop", index: 1 }),
    sse("message_delta", { type: "message_delta", delta: { stop_reason: "tool_use" }, usage: { output_tokens: 90 } }),
    sse("message_stop", { type: "message_stop" }),
  ];
}

function anthropicAnswer(model: string): string[] {
  return [
    sse("message_start", { type: "message_start", message: { id: "msg_done", type: "message", role: "assistant", model, content: [], usage: { input_tokens: 400, cache_read_input_tokens: 19000, cache_creation_input_tokens: 0, output_tokens: 1 } } }),
    sse("content_block_start", { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } }),
    sse("content_block_delta", { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: "The module is refactored." } }),
    sse("content_block_stop", { type: "content_block_stop", index: 0 }),
    sse("message_delta", { type: "message_delta", delta: { stop_reason: "end_turn" }, usage: { output_tokens: 40 } }),
    sse("message_stop", { type: "message_stop" }),
  ];
}

function responsesToolTurn(model: string): string[] {
  const call = { type: "function_call", id: "fc_dash_1", call_id: "call_dash_1", name: "shell", arguments: "" };
  const args = JSON.stringify({ command: ["rg", "--files", "src"] });
  return [
    sse("response.created", { type: "response.created", response: { id: "resp_tool", object: "response", model, status: "in_progress", output: [] } }),
    sse("response.output_item.added", { type: "response.output_item.added", output_index: 0, item: call }),
    sse("response.function_call_arguments.delta", { type: "response.function_call_arguments.delta", item_id: "fc_dash_1", output_index: 0, delta: args.slice(0, 10) }),
    sse("response.function_call_arguments.delta", { type: "response.function_call_arguments.delta", item_id: "fc_dash_1", output_index: 0, delta: args.slice(10) }),
    sse("response.function_call_arguments.done", { type: "response.function_call_arguments.done", item_id: "fc_dash_1", output_index: 0, arguments: args }),
    sse("response.output_item.done", { type: "response.output_item.done", output_index: 0, item: { ...call, arguments: args, status: "completed" } }),
    sse("response.completed", { type: "response.completed", response: { id: "resp_tool", object: "response", model, status: "completed", output: [{ ...call, arguments: args, status: "completed" }], usage: { input_tokens: 3000, input_tokens_details: { cached_tokens: 2048 }, output_tokens: 60, output_tokens_details: { reasoning_tokens: 20 }, total_tokens: 3060 } } }),
  ];
}

function responsesAnswer(model: string): string[] {
  const message = { type: "message", id: "msg_resp", role: "assistant", status: "completed", content: [{ type: "output_text", text: "Listed the files.", annotations: [] }] };
  return [
    sse("response.created", { type: "response.created", response: { id: "resp_done", object: "response", model, status: "in_progress", output: [] } }),
    sse("response.output_item.added", { type: "response.output_item.added", output_index: 0, item: { ...message, status: "in_progress", content: [] } }),
    sse("response.output_text.delta", { type: "response.output_text.delta", item_id: "msg_resp", output_index: 0, content_index: 0, delta: "Listed the files." }),
    sse("response.output_item.done", { type: "response.output_item.done", output_index: 0, item: message }),
    sse("response.completed", { type: "response.completed", response: { id: "resp_done", object: "response", model, status: "completed", output: [message], usage: { input_tokens: 3200, input_tokens_details: { cached_tokens: 3000 }, output_tokens: 12, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 3212 } } }),
  ];
}

function chatCompletion(model: string): string {
  return JSON.stringify({
    id: "chatcmpl-dash", object: "chat.completion", created: 1700000000, model,
    choices: [{ index: 0, message: { role: "assistant", content: "Hello." }, finish_reason: "stop" }],
    usage: { prompt_tokens: 50, completion_tokens: 5, total_tokens: 55 },
  });
}

function message(model: string): string {
  return JSON.stringify({
    id: "msg_plain", type: "message", role: "assistant", model, content: [{ type: "text", text: "Hello." }],
    stop_reason: "end_turn", usage: { input_tokens: 30, output_tokens: 6, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 },
  });
}

async function body(request: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
}

function stream(response: ServerResponse, events: string[]) {
  response.writeHead(200, { "content-type": "text/event-stream" });
  for (const event of events) response.write(event);
  response.end();
}

export function startProvider(): Promise<Server> {
  const server = createServer(async (request, response) => {
    const json = await body(request);
    const model = String(json.model ?? "unknown");
    if (request.url?.endsWith("/chat/completions")) {
      response.writeHead(200, { "content-type": "application/json" }).end(chatCompletion(model));
    } else if (request.url?.endsWith("/responses")) {
      const answered = Array.isArray(json.input) && json.input.some((item: any) => item.type === "function_call_output");
      stream(response, answered ? responsesAnswer(model) : responsesToolTurn(model));
    } else if (!json.stream) {
      response.writeHead(200, { "content-type": "application/json" }).end(message(model));
    } else {
      const last = json.messages?.[json.messages.length - 1];
      const answered = Array.isArray(last?.content) && last.content.some((block: any) => block.type === "tool_result");
      stream(response, answered ? anthropicAnswer(model) : anthropicToolTurn(model));
    }
  });
  return new Promise((done) => server.listen(0, "127.0.0.1", () => done(server)));
}
