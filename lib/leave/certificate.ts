import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { caisse, organisations } from '@/db/schema';
import { authorize } from '@/lib/access';
import type { Actor } from '@/lib/access/result';
import { recordAudit } from '@/lib/audit';
import { storeDocument } from '@/lib/documents/store';
import { formatDayShort, todayInFrance } from '@/lib/format';
import { leaveCertificateFileName, renderLeaveCertificate } from './certificate-pdf';
import { leaveYearOf } from './days';
import { computeIndemnity } from './indemnity';
import { getLeaveWorker, getWorkerRights, listWorkerLeaves } from './queries';
import { fractionnementDays } from './rules';
import { effectiveLeaveStatus } from './status';

const runStatus = { registered: 'registered', payment_scheduled: 'scheduled', paid: 'paid' } as const;

/**
 * « Certificat de congés » of a worker for the current leave year: rendered, filed in the company's
 * documents (kind leave_certificate, source = the worker) and returned for download. Area « leave », saisie.
 */
export async function issueLeaveCertificate(
  db: Db,
  input: { companyId: string; workerId: string; actor: Actor; now?: Date },
): Promise<{ ok: true; fileName: string; bytes: Buffer; documentId: string } | { ok: false; code: 'not_found' }> {
  const now = input.now ?? new Date();
  if (!(await authorize(db, { userId: input.actor.actorUserId, companyId: input.companyId, area: 'leave', action: 'write', now, ip: input.actor.ip })).allowed) return { ok: false, code: 'not_found' };
  const worker = await getLeaveWorker(db, input.companyId, input.workerId);
  const [company] = await db.select().from(organisations).where(eq(organisations.id, input.companyId));
  const [sender] = await db.select().from(caisse).limit(1);
  if (!worker || !company || !sender) return { ok: false, code: 'not_found' };
  const today = todayInFrance(now);
  const leaveYear = leaveYearOf(today);
  const [rights, yearLeaves] = await Promise.all([getWorkerRights(db, company.id, worker.id, today, today), listWorkerLeaves(db, company.id, worker.id, leaveYear.start)]);
  const live = yearLeaves.filter((l) => !l.cancelledAt);
  const data = {
    caisse: sender,
    company: { name: company.name, siret: company.siret, addressLine: company.addressLine, postcode: company.postcode, city: company.city, membershipNumber: company.membershipNumber },
    worker: { firstName: worker.firstName, lastName: worker.lastName, hiredOn: worker.hiredOn, leftOn: worker.leftOn },
    leaveYear: rights.leaveYear,
    referencePeriod: rights.referencePeriod,
    hoursHundredths: rights.hoursHundredths,
    acquiredDays: rights.acquired,
    fractionnementDays: fractionnementDays(live.map((l) => ({ id: l.id, start: l.startOn, end: l.endOn, days: l.days, kind: l.kind }))),
    takenDays: rights.registered,
    paidDays: rights.paid,
    remainingDays: rights.remaining,
    leaves: live.map((l) => {
      const detail =
        rights.acquired > 0 && l.days > 0
          ? computeIndemnity({ grossWagesCents: rights.grossWagesCents, lastHourlyRateCents: rights.lastHourlyRateCents, hoursHundredths: rights.hoursHundredths, acquiredDays: rights.acquired, leaveDays: l.days, isMainLeave: l.kind === 'main' })
          : null;
      return { start: l.startOn, end: l.endOn, days: l.days, kind: l.kind, status: runStatus[effectiveLeaveStatus(l, today)], paymentOn: l.paymentOn, indemnityCents: l.indemnityCents ?? detail?.totalCents ?? 0, bonusCents: detail?.bonusCents ?? 0 };
    }),
    issuedOn: today,
  };
  const bytes = await renderLeaveCertificate(data);
  const fileName = leaveCertificateFileName(data);
  const doc = await storeDocument(db, {
    companyId: company.id,
    kind: 'leave_certificate',
    title: `Certificat de congés — ${worker.firstName} ${worker.lastName} — ${formatDayShort(leaveYear.start)} au ${formatDayShort(leaveYear.end)}`,
    fileName,
    contentType: 'application/pdf',
    bytes,
    sourceId: worker.id,
    createdByUserId: input.actor.actorUserId,
  });
  await recordAudit(db, { action: 'leave.certificate', outcome: 'success', ...input.actor, subjectOrganisationId: company.id, details: { workerId: worker.id, documentId: doc.id } });
  return { ok: true, fileName, bytes, documentId: doc.id };
}
