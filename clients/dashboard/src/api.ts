import {
  ApiException, ApiKeysClient, BudgetsClient, CatalogClient, InterceptionsClient, PricesClient, ProvidersClient, SessionsClient, UsageClient, UsersClient,
} from "@aibridge/client";

/** Raised on the window when the API answers 401: the session ended, or there was none. */
export const signedOut = "aibridge:signed-out";

// Same origin, so the browser sends the HttpOnly session cookie with every call; no token is kept here.
const http = {
  async fetch(url: RequestInfo, init?: RequestInit): Promise<Response> {
    const response = await window.fetch(url, init);
    if (response.status === 401 && !String(url).endsWith("/api/v2/users/login")) {
      window.dispatchEvent(new Event(signedOut));
    }
    return response;
  },
};

export const api = {
  keys: new ApiKeysClient("", http),
  budgets: new BudgetsClient("", http),
  catalog: new CatalogClient("", http),
  interceptions: new InterceptionsClient("", http),
  prices: new PricesClient("", http),
  providers: new ProvidersClient("", http),
  sessions: new SessionsClient("", http),
  usage: new UsageClient("", http),
  users: new UsersClient("", http),
};

/**
 * The API's own words for a failure: its message, then its detail and the fields it names. The client
 * throws the API's error body for the statuses the API documents, and an ApiException for the others.
 */
export function errorMessage(error: unknown): string {
  const body = ApiException.isApiException(error) ? parse(error.response) : error;
  if (body && typeof body === "object" && typeof (body as { message?: unknown }).message === "string" && !(body instanceof Error)) {
    const { message, detail, validations } = body as { message: string; detail?: string; validations?: { field?: string; detail?: string }[] };
    const fields = Array.isArray(validations) ? validations.map((v) => `${v.field}: ${v.detail}`).join("; ") : "";
    return [message, detail, fields].filter(Boolean).join(" ");
  }
  if (ApiException.isApiException(error)) return `${error.status}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

function parse(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** One search term of the audit API's `q`, quoted when it needs to be. */
export function term(key: string, value: string | undefined): string | undefined {
  if (!value) return undefined;
  return /[\s:"]/.test(value) ? `${key}:"${value.replace(/"/g, "")}"` : `${key}:${value}`;
}

export function query(...terms: (string | undefined)[]): string | undefined {
  const q = terms.filter(Boolean).join(" ");
  return q === "" ? undefined : q;
}
