import { z } from 'zod';

// Forms of « Planification des congés ». Importable by client code (no I/O).

const day = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `Indiquez la date de ${what}.`)
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Date invalide (jj/mm/aaaa).')
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'Date invalide (jj/mm/aaaa).');

const kind = z.enum(['main', 'other'], { error: 'Choisissez le type de congé.' });

/** Checkbox name of a worker in the registration form (one per worker: `w_<id>`). */
export const workerField = (workerId: string) => `w_${workerId}`;

export const registerLeaveSchema = z
  .looseObject({ start: day('début'), end: day('fin'), kind })
  .transform((v, ctx) => {
    const workerIds = Object.keys(v)
      .filter((k) => k.startsWith('w_') && v[k] === 'on')
      .map((k) => k.slice(2));
    if (!workerIds.length) ctx.addIssue({ code: 'custom', path: ['workerIds'], message: 'Choisissez au moins un salarié.' });
    if (workerIds.some((id) => !z.uuid().safeParse(id).success)) ctx.addIssue({ code: 'custom', path: ['workerIds'], message: 'Salarié introuvable.' });
    if (v.end < v.start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'La date de fin doit être le même jour que la date de début ou après.' });
    return { workerIds, start: v.start, end: v.end, kind: v.kind };
  });
export type RegisterLeaveInput = z.output<typeof registerLeaveSchema>;

export const updateLeaveSchema = z
  .object({ leaveId: z.uuid('Congé introuvable.'), start: day('début'), end: day('fin'), kind })
  .refine((v) => v.end >= v.start, { path: ['end'], message: 'La date de fin doit être le même jour que la date de début ou après.' });
export type UpdateLeaveInput = z.output<typeof updateLeaveSchema>;

export const leaveIdSchema = z.object({ leaveId: z.uuid('Congé introuvable.') });

/** `?mois=2026-12` of the team view. */
export const monthParam = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
  .optional()
  .catch(undefined);
