import type { components } from '../generated/sandbox-openapi.ts';
import { addWorkingTime, subtractWorkingTime, WORKING_DAY_MS } from '../calendar/working-time.ts';

type DossierInput = components['schemas']['SandboxDossierInput'];

const BIRTH = '1.001193';
const CRIMINAL_RECORD = '3.000333';
const WARD = 'Bộ phận Một cửa UBND phường Ba Đình';
const JUSTICE = 'Trung tâm Phục vụ hành chính công thành phố Hà Nội';

/**
 * The demo dossiers listed in the README: one per status, and the cases a tracker must tell apart
 * (on track, overdue, overdue with an apology, early, on time, late). Codes and identity numbers are
 * fixed so people can type them; dates are relative to the seeding time so "overdue" stays overdue.
 * They are counted back in working time, so every one falls in office hours on a working day,
 * whenever the sandbox seeds (a Sunday night counts back from Friday afternoon), and the working
 * days between them are exact. The identity numbers are made up for the sandbox.
 */
export function demoDossiers(now: Date): DossierInput[] {
  const daysAgo = (workingDays: number) => subtractWorkingTime(now, workingDays * WORKING_DAY_MS).toISOString();
  const hoursAgo = (workingHours: number) => subtractWorkingTime(now, workingHours * 3_600_000).toISOString();
  // A due date or a completion that falls where one working day meets the next is that day's
  // close ("17:00 ngày 30/11"), not the next morning's 07:00, the same instant in working time.
  const closeDaysAgo = (workingDays: number) => addWorkingTime(subtractWorkingTime(now, workingDays * WORKING_DAY_MS + 1), 1).toISOString();
  return [
    { code: '000.00.15.H26-261102-0001', applicantId: '001099000001', procedureCode: BIRTH, status: 'submitted', agency: WARD, receivedAt: hoursAgo(2) },
    { code: '000.00.15.H26-261102-0002', applicantId: '001099000002', procedureCode: BIRTH, status: 'received', agency: WARD, receivedAt: hoursAgo(3) },
    { code: '000.00.15.H26-261102-0003', applicantId: '001099000003', procedureCode: BIRTH, status: 'rejected', agency: WARD, receivedAt: daysAgo(1) },
    { code: '000.00.15.H26-261102-0004', applicantId: '001099000004', procedureCode: CRIMINAL_RECORD, status: 'processing', agency: JUSTICE, receivedAt: daysAgo(3) },
    {
      code: '000.00.15.H26-261102-0005', applicantId: '001099000005', procedureCode: CRIMINAL_RECORD, status: 'supplement-requested', agency: JUSTICE,
      receivedAt: daysAgo(4),
      supplement: {
        reason: 'Bản sao Căn cước công dân không rõ số định danh.',
        documents: ['Bản sao Căn cước công dân (rõ nét)', 'Giấy tờ chứng minh nơi cư trú'],
        requestedAt: daysAgo(2),
      },
    },
    {
      code: '000.00.15.H26-261102-0006', applicantId: '001099000006', procedureCode: CRIMINAL_RECORD, status: 'payment-due', agency: JUSTICE,
      receivedAt: daysAgo(2),
      fees: [{ kind: 'charge', description: 'Phí cung cấp thông tin lý lịch tư pháp', amount: 200_000 }],
    },
    { code: '000.00.15.H26-261102-0007', applicantId: '001099000007', procedureCode: BIRTH, status: 'withdrawn', agency: WARD, receivedAt: daysAgo(2) },
    { code: '000.00.15.H26-261102-0008', applicantId: '001099000008', procedureCode: CRIMINAL_RECORD, status: 'stopped', agency: JUSTICE, receivedAt: daysAgo(6) },
    // Finished early: decided 2 working days ago, due a working day from now. (The procedure's own
    // 10 calendar days, counted from 8 working days ago, can fall on the day it was decided.)
    { code: '000.00.15.H26-261102-0009', applicantId: '001099000009', procedureCode: CRIMINAL_RECORD, status: 'decided', agency: JUSTICE, receivedAt: daysAgo(8), dueAt: workingAfter(now, 1).toISOString(), completedAt: closeDaysAgo(2) },
    { code: '000.00.15.H26-261102-0010', applicantId: '001099000010', procedureCode: CRIMINAL_RECORD, status: 'result-delivered', agency: JUSTICE, receivedAt: daysAgo(14), dueAt: closeDaysAgo(4), completedAt: closeDaysAgo(4) },
    // Overdue: due 2.5 working days before seeding, so it reads "3 working days overdue" (lateness
    // rounds up to whole working days) for the next half day rather than tipping to 4 a second later.
    { code: '000.00.15.H26-261102-0011', applicantId: '001099000011', procedureCode: CRIMINAL_RECORD, status: 'processing', agency: JUSTICE, receivedAt: daysAgo(13), dueAt: closeDaysAgo(2.5) },
    // Overdue with the agency's apology and a new date.
    {
      code: '000.00.15.H26-261102-0012', applicantId: '001099000012', procedureCode: CRIMINAL_RECORD, status: 'processing', agency: JUSTICE,
      receivedAt: daysAgo(12), dueAt: closeDaysAgo(2),
      apology: { reason: 'Cần xác minh thông tin tại cơ quan công an nơi cư trú trước đây.', newDueAt: workingAfter(now, 3).toISOString() },
    },
    // Finished late: 2 working days after the due date.
    { code: '000.00.15.H26-261102-0013', applicantId: '001099000013', procedureCode: CRIMINAL_RECORD, status: 'result-delivered', agency: JUSTICE, receivedAt: daysAgo(15), dueAt: closeDaysAgo(5), completedAt: closeDaysAgo(3) },
    // A second payment-due dossier with both a charge (phí) and a fee (lệ phí).
    {
      code: '000.00.15.H26-261102-0014', applicantId: '001099000014', procedureCode: CRIMINAL_RECORD, status: 'payment-due', agency: JUSTICE,
      receivedAt: daysAgo(1),
      fees: [
        { kind: 'charge', description: 'Phí cung cấp thông tin lý lịch tư pháp', amount: 200_000 },
        { kind: 'fee', description: 'Lệ phí cấp bản sao Phiếu lý lịch tư pháp (2 bản)', amount: 10_000 },
      ],
    },
  ];
}

function workingAfter(now: Date, workingDays: number): Date {
  return addWorkingTime(now, workingDays * WORKING_DAY_MS);
}
