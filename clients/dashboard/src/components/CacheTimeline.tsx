import type { SessionCacheDto } from "@aibridge/client";
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { count, dollars, ratio } from "../format";

/** Each turn's cache hit ratio; a turn that busted the cache is red, with its reason. */
export function CacheTimeline({ cache }: { cache: SessionCacheDto }) {
  const data = cache.turns.map((turn, i) => ({
    turn: i + 1,
    hit: Math.round(turn.hit_ratio * 1000) / 10,
    bust: turn.bust?.reason,
    read: turn.cache_read_input_tokens,
    write: turn.cache_write_input_tokens,
    model: turn.model,
    cost: turn.cost_micros,
  }));
  const busts = cache.turns.filter((t) => t.bust);
  return (
    <div className="card chart">
      <h2>Prompt cache, turn by turn</h2>
      <ResponsiveContainer width="100%" height={180}>
        <BarChart data={data} margin={{ left: 0, right: 8, top: 8, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="turn" tickLine={false} />
          <YAxis unit="%" domain={[0, 100]} width={44} />
          <Tooltip formatter={(value) => [`${String(value)}%`, "hit ratio"]}
            labelFormatter={(turn) => {
              const d = data[Number(turn) - 1];
              return d ? `Turn ${String(turn)} · ${d.model}${d.bust ? ` · bust: ${d.bust}` : ""} · read ${count(d.read)}, written ${count(d.write)} · ${dollars(d.cost)}` : "";
            }} />
          <Bar dataKey="hit" isAnimationActive={false}>
            {data.map((d) => <Cell key={d.turn} fill={d.bust ? "#d9534f" : "#4a7bd0"} />)}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      <p className="meta">
        Overall hit ratio {ratio(cache.hit_ratio)}.{" "}
        {busts.length === 0 ? "No cache busts." : `Busts: ${busts.map((b) => `turn ${cache.turns.indexOf(b) + 1} (${b.bust!.reason})`).join(", ")}.`}
      </p>
    </div>
  );
}
