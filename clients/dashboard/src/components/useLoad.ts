import { useEffect, useState } from "react";
import { errorMessage } from "../api";

export type Load<T> = { state: "loading" } | { state: "error"; message: string } | { state: "done"; value: T };

/** Runs a request when its key changes; the latest answer wins. */
export function useLoad<T>(load: () => Promise<T>, key: unknown[]): [Load<T>, () => void] {
  const [result, setResult] = useState<Load<T>>({ state: "loading" });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    setResult({ state: "loading" });
    load().then(
      (value) => current && setResult({ state: "done", value }),
      (error) => current && setResult({ state: "error", message: errorMessage(error) }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...key, round]);
  return [result, () => setRound((r) => r + 1)];
}
