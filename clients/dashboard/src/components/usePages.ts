import { useEffect, useRef, useState } from "react";
import { errorMessage } from "../api";

export interface Pages<T> {
  rows: T[];
  total: number;
  state: "loading" | "more" | "done" | "error";
  error: string;
  /** Appends the page after the last row. */
  more(): void;
}

/**
 * A cursor-paged list: the first page whenever the query changes, the next on demand. A page that
 * arrives for an older query is dropped.
 */
export function usePages<T>(query: string | undefined, page: (after: T | undefined) => Promise<{ rows: T[]; total: number }>): Pages<T> {
  const [rows, setRows] = useState<T[]>([]);
  const [total, setTotal] = useState(0);
  const [state, setState] = useState<Pages<T>["state"]>("loading");
  const [error, setError] = useState("");
  const generation = useRef(0);

  const load = (after: T | undefined) => {
    const current = generation.current;
    setState(after === undefined ? "loading" : "more");
    page(after).then(
      (answer) => {
        if (current !== generation.current) return;
        setRows((shown) => (after === undefined ? answer.rows : [...shown, ...answer.rows]));
        setTotal(answer.total);
        setState("done");
      },
      (e) => {
        if (current !== generation.current) return;
        setError(errorMessage(e));
        setState("error");
      },
    );
  };

  useEffect(() => {
    generation.current++;
    load(undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query]);

  return { rows, total, state, error, more: () => load(rows[rows.length - 1]) };
}
