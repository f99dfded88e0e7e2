import pg from 'pg';
import { fitParameters } from '../lib/fsrs-optimizer';
import { predictHeldOut, type CardAnswers } from '../lib/domain/review/evaluate';
import { learnerDayKey } from '../lib/domain/review/day';
import { retrievability, newMemoryState, schedule, DEFAULT_WEIGHTS } from '../lib/domain/review/fsrs';
const c = new pg.Client({ connectionString: 'postgres://ingat:ingat-local-only@127.0.0.1:54331/ingat_e2e' });
await c.connect();
const u = (await c.query(`select id from "User" where email like 'forgetful-%' order by "createdAt" desc limit 1`)).rows[0].id;
const rows = (await c.query(`select l."cardId", to_char(c."createdAt",'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') created, l.rating::text rating, to_char(l."answeredAt",'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') at, l."timeZone" tz from "ReviewLog" l join "Card" c on c.id=l."cardId" where l."userId"=$1 order by l."answeredAt", l."cardId"`, [u])).rows;
console.log('rows', rows.length);
const cards = new Map<string, any[]>();
for (const r of rows) cards.set(r.cardId, [...(cards.get(r.cardId) ?? []), r]);
const cutoff = new Date(rows[Math.floor(rows.length * 0.8)].at);
const RT = { AGAIN: 1, HARD: 2, GOOD: 3, EASY: 4 } as const;
const hist = [...cards.values()].map((rs) => { let prev: string | null = null; return rs.filter(r => new Date(r.at) < cutoff).map((r) => { const d = learnerDayKey(new Date(r.at), r.tz, 4); const delta = prev ? Math.round((Date.parse(d) - Date.parse(prev)) / 86400000) : 0; prev = d; return { rating: RT[r.rating as keyof typeof RT], deltaDays: delta }; }); }).filter(h => h.length);
const w = await fitParameters(hist as any, { enableShortTerm: true, timeout: 20 });
console.log('fitted', w.map((x) => x.toFixed(3)).join(' '));
console.log('default', DEFAULT_WEIGHTS.map((x) => x.toFixed(3)).join(' '));
const answers: CardAnswers[] = [...cards.values()].map((rs) => ({ createdAt: new Date(rs[0].created), answers: rs.map((r) => ({ rating: ({ AGAIN: 'again', HARD: 'hard', GOOD: 'good', EASY: 'easy' } as any)[r.rating], at: new Date(r.at) })) }));
for (const [name, ws] of [['default', undefined], ['fitted', w]] as const) {
  const p = predictHeldOut(answers, ws as any, cutoff);
  console.log(name, p.logLoss.toFixed(4), p.n);
}
// breakdown by elapsed bucket
const bucket = (h: number) => h < 1 ? '<1h' : h < 24 ? '<1d' : h < 72 ? '1-3d' : h < 168 ? '3-7d' : '7d+';
for (const [name, ws] of [['default', undefined], ['fitted', w]] as const) {
  const agg: Record<string, { n: number; y: number; p: number; l: number }> = {};
  for (const card of answers) { let s = newMemoryState(card.createdAt); let last: Date | null = null; for (const a of card.answers) { if (a.at >= cutoff && last) { const r = retrievability(s, a.at, { weights: ws as any }); if (r !== null) { const k = bucket((a.at.getTime() - last.getTime()) / 3600000); const y = a.rating === 'again' ? 0 : 1; const pp = Math.min(1 - 1e-6, Math.max(1e-6, r)); (agg[k] ??= { n: 0, y: 0, p: 0, l: 0 }); agg[k].n++; agg[k].y += y; agg[k].p += pp; agg[k].l += -(y * Math.log(pp) + (1 - y) * Math.log(1 - pp)); } } s = schedule(s, a.rating, a.at, { desiredRetention: 0.9, weights: ws as any }); last = a.at; } }
  console.log(name, Object.entries(agg).map(([k, v]) => `${k}: n=${v.n} recall=${(v.y / v.n).toFixed(2)} meanR=${(v.p / v.n).toFixed(2)} loss=${(v.l / v.n).toFixed(3)}`).join(' | '));
}
await c.end();
