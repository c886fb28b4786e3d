import 'server-only';
import { declarationReminderSource } from '@/lib/declarations/reminders';
import { leaveDeadlineReminders } from '@/lib/leave/reminders';
import { contributionReminderSource } from '@/lib/payments/reminders';
import type { ReminderSource } from './index';

/** Every area's reminder source, in the order the command reports them. One line per area. */
export const reminderSources: readonly ReminderSource[] = [declarationReminderSource, contributionReminderSource, leaveDeadlineReminders];
