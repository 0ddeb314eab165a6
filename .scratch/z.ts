import { z } from 'zod'
for (const s of [z.int().min(1).max(10), z.number().max(10).int().min(1), z.number().min(1).max(10).pipe(z.int())]) {
  for (const v of [2**53, 1.5, 2**31, -1]) { const r = s.safeParse(v); console.log(v, r.success ? 'ok' : JSON.stringify(r.error.issues.map(i => [i.code, (i as any).maximum ?? (i as any).minimum ?? (i as any).expected]))) }
}
