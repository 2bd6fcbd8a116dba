const integer = new Intl.NumberFormat("en-US");
const percent = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 });

export function count(value: number | undefined | null): string {
  return value === undefined || value === null ? "—" : integer.format(value);
}

export function plural(value: number, noun: string): string {
  return `${count(value)} ${noun}${value === 1 ? "" : "s"}`;
}

/** Micro-dollars as dollars: cents from $1 up, four decimals below. */
export function dollars(micros: number | undefined | null): string {
  if (micros === undefined || micros === null) return "—";
  const value = micros / 1_000_000;
  const digits = Math.abs(value) >= 1 || value === 0 ? 2 : 4;
  return new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

export function ratio(value: number | undefined | null): string {
  return value === undefined || value === null ? "—" : percent.format(value);
}

export function milliseconds(value: number | undefined | null): string {
  if (value === undefined || value === null) return "—";
  return value >= 1000 ? `${(value / 1000).toLocaleString("en-US", { maximumFractionDigits: 1 })} s` : `${integer.format(value)} ms`;
}

export function localTime(at: Date | undefined | null): string {
  return at ? at.toLocaleString() : "—";
}

export function utcTime(at: Date | undefined | null): string {
  return at ? at.toISOString().replace(".000Z", "Z") : "";
}

export function duration(from: Date | undefined, to: Date | undefined): string {
  if (!from || !to) return "—";
  const seconds = Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));
  const h = Math.floor(seconds / 3600), m = Math.floor((seconds % 3600) / 60), s = seconds % 60;
  return h > 0 ? `${h} h ${m} min` : m > 0 ? `${m} min ${s} s` : `${s} s`;
}

/** Pretty-printed JSON when the text is JSON, else the text. */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
