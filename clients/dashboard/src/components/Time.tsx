import { localTime, utcTime } from "../format";

/** A time in the browser's zone, with UTC on hover. */
export function Time({ at }: { at: Date | undefined | null }) {
  return at ? <time dateTime={utcTime(at)} title={utcTime(at)}>{localTime(at)}</time> : <>—</>;
}
